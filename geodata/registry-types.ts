// The unit registry contract: geodata/build/registry.json, read by the database seed
// (server/db/seed/registry-file.ts mirrors these types with zod). Every unit is keyed by
// (structure, code), never by code alone: codes were reused after 1 July 2025 (old Xã Hòa Đồng
// 22276 in Phú Yên vs new Xã Hòa Thịnh 22276 in Đắk Lắk).

export type Structure = '2025' | 'pre2025';
export type Level = 'province' | 'district' | 'commune';
export type LonLat = [number, number];

/**
 * source      the source's own polygon for this unit (only simplified);
 * rebuilt     assembled exactly from source polygons (a dissolve of children or of merged units);
 * approximate part of the boundary is inferred (e.g. from 2025 communes via the crosswalk);
 * none        no polygon: the unit is a point placed through the crosswalk.
 */
export type GeometryStatus = 'source' | 'rebuilt' | 'approximate' | 'none';

export interface RegistryUnit {
  structure: Structure;
  code: string;
  level: Level;
  /** Short name as the source writes it: "Hòa Đồng", "Tây Hòa", "Phú Yên". */
  name: string;
  /** "Xã Hòa Đồng", "Huyện Tây Hòa", "Tỉnh Phú Yên". */
  fullName: string;
  nameEn: string | null;
  /** "Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh", "Đặc khu". */
  type: string;
  /** District for pre2025 communes, province for districts and 2025 communes, null for provinces. */
  parentCode: string | null;
  provinceCode: string;
  /** Area-weighted centroid of the polygon; may lie outside it (use labelPoint for labels). */
  centroid: LonLat | null;
  /** Pole of inaccessibility of the largest part: always inside the detail polygon. */
  labelPoint: LonLat | null;
  /** Geodesic area of the unsimplified polygon, km². */
  areaKm2: number | null;
  geometry: GeometryStatus;
  /** Why the geometry is not 'source' (Vietnamese or English). */
  geometryNote: string | null;
}

export interface RegistryLink {
  fromStructure: 'pre2025';
  fromCode: string;
  toStructure: '2025';
  toCode: string;
  level: 'province' | 'commune';
  kind: 'full' | 'partial';
}

/**
 * The crosswalk also links five old island districts that had no communes (Bạch Long Vĩ,
 * Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) to the new special zones (đặc khu). They are kept apart
 * from `links` because a district → commune link fits neither of its levels.
 */
export interface RegistryDistrictLink {
  fromStructure: 'pre2025';
  fromCode: string;
  toStructure: '2025';
  toCode: string;
  level: 'district';
  kind: 'full' | 'partial';
}

/** A unit present in one list of a pair and not in the other, or written differently. */
export interface UnitListEntry {
  code: string;
  level: Level;
  name: string;
  parentCode: string | null;
}

export interface UnitListChange {
  code: string;
  level: Level;
  field: 'name' | 'fullName' | 'nameEn' | 'type' | 'parentCode';
  before: string | null;
  after: string | null;
  /** true when the two spellings differ only in tone-mark placement or spacing (Hòa/Hoà). */
  spellingOnly: boolean;
}

export interface UnitListComparison {
  /** The list the registry uses. */
  used: string;
  other: string;
  onlyInUsed: UnitListEntry[];
  onlyInOther: UnitListEntry[];
  changes: UnitListChange[];
}

/** A crosswalk code that is not in the unit list, resolved by name within the province. */
export interface CodeResolution {
  crosswalkCode: string;
  unitListCode: string;
  name: string;
  provinceCode: string;
}

export interface ListDifferences {
  /** pre2025: dvhcvn-2025-03-01.json (used, the crosswalk's codes) vs units-2025-03-01.json. */
  pre2025: UnitListComparison;
  /** 2025: units-2026-07-25.json (used) vs units-2025-07-01.json (the day of the reform). */
  structure2025: UnitListComparison;
  crosswalkCodeResolutions: CodeResolution[];
}

export interface SourceFile {
  path: string;
  bytes: number;
  modified: string;
  role: string;
}

export interface RegistrySources {
  files: SourceFile[];
  /** Attributions to show in the app's "Nguồn dữ liệu / Data sources" panel. */
  attribution: string[];
}

export interface Registry {
  generatedAt: string;
  /** 'units' = names/links only (written first); 'complete' = points and areas filled. */
  stage: 'units' | 'complete';
  units: RegistryUnit[];
  links: RegistryLink[];
  districtLinks: RegistryDistrictLink[];
  listDifferences: ListDifferences;
  sources: RegistrySources;
}
