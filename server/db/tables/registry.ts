// Registry tables: structures, units of both structures, the 2025 crosswalk (migration 0001).
export type StructureId = '2025' | 'pre2025';
export type UnitLevel = 'province' | 'district' | 'commune';
export type GeometryStatus = 'source' | 'rebuilt' | 'approximate' | 'none';
export type LinkKind = 'full' | 'partial';
/** 0 = no, 1 = yes. */
export type Flag = 0 | 1;

export interface StructureTable {
  id: StructureId;
  name: string;
  effective_from: string | null;
  effective_to: string | null;
}

export interface UnitTable {
  structure: StructureId;
  code: string;
  level: UnitLevel;
  name: string;
  full_name: string;
  name_en: string | null;
  type: string;
  parent_code: string | null;
  province_code: string;
  /** Socio-economic region (vùng kinh tế - xã hội) of the pre-2025 province; null for 2025 units. */
  region: string | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  label_lon: number | null;
  label_lat: number | null;
  area_km2: number | null;
  geometry_status: GeometryStatus;
  geometry_note: string | null;
  /** Huyện nghèo, QĐ 353/QĐ-TTg Phụ lục I. */
  poor_district: Flag;
  poor_district_source: string | null;
  /** Xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo, QĐ 353/QĐ-TTg Phụ lục II. */
  coastal_extremely_difficult: Flag;
  coastal_extremely_difficult_source: string | null;
  /** foldVietnamese(name): "hoa dong". */
  search_key: string;
  /** foldVietnamese(full_name): "xa hoa dong". */
  search_key_full: string;
  /** toneInsensitiveKey(full_name), to rank tone-exact matches above merely folded ones. */
  search_tone_key: string;
}

export interface UnitLinkTable {
  from_structure: StructureId;
  from_code: string;
  to_structure: StructureId;
  to_code: string;
  /** 'district' only for old island districts without communes (Cồn Cỏ, Lý Sơn, …) → đặc khu. */
  level: 'province' | 'district' | 'commune';
  kind: LinkKind;
  /** Share of the old unit that went to the new one, when known (0..1); the crosswalk has none yet. */
  share: number | null;
}

/** Small key/value facts about the database itself, e.g. which registry was seeded. */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: string;
}
