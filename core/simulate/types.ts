// Inputs and outputs of the demo generator. Plain data, no database types: the server maps
// unit rows into SimUnit and the generator's rows back into table rows.
import type { ReviewCounts } from '../poverty/counts.ts';

export type Structure = 'pre2025' | '2025';

/** A registry unit as the generator needs it. */
export interface SimUnit {
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  /** "Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh", "Đặc khu". */
  type: string;
  parentCode: string | null;
  provinceCode: string;
  /** Socio-economic region name (pre-2025 units), null for 2025 units. */
  region: string | null;
  /** Label point (always inside the unit, or the crosswalk placement for old communes). */
  lon: number | null;
  lat: number | null;
  /** Huyện nghèo (QĐ 353/QĐ-TTg Phụ lục I), set on the district. */
  poorDistrict: boolean;
  /** Xã ĐBKK vùng bãi ngang, ven biển và hải đảo (QĐ 353 Phụ lục II). */
  coastal: boolean;
}

/** A crosswalk link pre2025 → 2025 (unit_link). */
export interface SimLink {
  fromCode: string;
  toCode: string;
  level: 'province' | 'district' | 'commune';
  kind: 'full' | 'partial';
  share: number | null;
}

/** One generated poverty_review row. */
export interface SimReviewRow extends ReviewCounts {
  structure: Structure;
  unitCode: string;
  year: number;
  povertyStandard: 'ND07_2021';
  source: string;
  simulated: 1;
}

/** A real figure stored as an observation (national/regional/provincial, as reported). */
export interface ObservationOut {
  structure: Structure;
  unitCode: string;
  year: number;
  indicator: string;
  value: number;
  source: string;
}

/** A target row (table `target`). */
export interface TargetOut {
  structure: Structure;
  unitCode: string;
  year: number;
  indicator: string;
  value: number;
  source: string;
  /** Invented for the demo: stored in target.simulated, and the source says so too. */
  simulated: boolean;
}
