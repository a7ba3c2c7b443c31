// The six socio-economic regions with their pre-2025 provinces, from unit.region (the seed reads
// reference/provinces_gso_codes_regions.csv into it). Region presets and region decks of the
// presentation view frame and colour these provinces.
import type { Kysely } from 'kysely';
import { REGIONS, regionByName, type RegionKey } from '../../core/poverty/regions.ts';
import type { Database } from '../db/schema.ts';

export interface RegionWithProvinces {
  key: RegionKey;
  nameVi: string;
  nameEn: string;
  /** Pre-2025 province codes, ascending. */
  provinces: string[];
}

export async function regionsWithProvinces(db: Kysely<Database>): Promise<RegionWithProvinces[]> {
  const rows = await db
    .selectFrom('unit')
    .select(['code', 'region'])
    .where('structure', '=', 'pre2025')
    .where('level', '=', 'province')
    .orderBy('code')
    .execute();
  const members = new Map<RegionKey, string[]>(REGIONS.map((r) => [r.key, []]));
  for (const row of rows) {
    const region = regionByName(row.region);
    if (region) members.get(region.key)!.push(row.code);
  }
  return REGIONS.map((r) => ({ key: r.key, nameVi: r.nameVi, nameEn: r.nameEn, provinces: members.get(r.key)! }));
}
