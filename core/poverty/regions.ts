// The six socio-economic regions (vùng kinh tế - xã hội) of the 63 pre-2025 provinces, as in
// reference/provinces_gso_codes_regions.csv (14/11/14/5/6/13 provinces). National and regional
// figures are not units of the registry; where they are stored (observation, target) they use
// the codes below in unit_code: 'VN' and 'VN-<region key>'.
import { foldVietnamese } from '../text.ts';

export type RegionKey = 'TDMNPB' | 'DBSH' | 'BTB_DHMT' | 'TN' | 'DNB' | 'DBSCL';

export interface Region {
  key: RegionKey;
  /** As the reference tables write it (and unit.region holds it). */
  nameVi: string;
  nameEn: string;
  provinces: number;
}

export const REGIONS: readonly Region[] = [
  { key: 'TDMNPB', nameVi: 'Trung du và miền núi phía Bắc', nameEn: 'Northern Midlands and Mountains', provinces: 14 },
  { key: 'DBSH', nameVi: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta', provinces: 11 },
  { key: 'BTB_DHMT', nameVi: 'Bắc Trung Bộ và duyên hải miền Trung', nameEn: 'North Central and Central Coast', provinces: 14 },
  { key: 'TN', nameVi: 'Tây Nguyên', nameEn: 'Central Highlands', provinces: 5 },
  { key: 'DNB', nameVi: 'Đông Nam Bộ', nameEn: 'Southeast', provinces: 6 },
  { key: 'DBSCL', nameVi: 'Đồng bằng sông Cửu Long', nameEn: 'Mekong River Delta', provinces: 13 },
];

/** unit_code of national figures in observation/target rows. */
export const NATIONAL_CODE = 'VN';

/** unit_code of a region's figures in observation/target rows: 'VN-TDMNPB'. */
export const regionCode = (key: RegionKey): string => `${NATIONAL_CODE}-${key}`;

const BY_FOLDED_NAME = new Map(REGIONS.map((r) => [foldVietnamese(r.nameVi), r]));

/**
 * The region a name denotes, matched without case, tone placement or diacritics: BC 150 writes
 * "Đồng bằng Sông Cửu Long", the regions table "Đồng bằng sông Cửu Long".
 */
export function regionByName(name: string | null | undefined): Region | undefined {
  return name ? BY_FOLDED_NAME.get(foldVietnamese(name)) : undefined;
}

export function regionByKey(key: RegionKey): Region {
  const region = REGIONS.find((r) => r.key === key);
  if (!region) throw new Error(`unknown region ${key}`);
  return region;
}
