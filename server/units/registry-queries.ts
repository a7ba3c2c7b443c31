// units.get and units.children: reading the registry by key.
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';
import { crosswalkCount } from './crosswalk.ts';
import { SUMMARY_COLUMNS, toSummary, withPaths, type LonLat, type UnitSummary, type UnitWithPath } from './unit-view.ts';

export interface UnitFlag {
  /** Where the flag comes from (the reference table's source, with any status note). */
  source: string | null;
}

export interface UnitDetail extends UnitWithPath {
  nameEn: string | null;
  /** Vùng kinh tế - xã hội (pre-2025 units only). */
  region: string | null;
  centroid: LonLat | null;
  areaKm2: number | null;
  geometry: { status: string; note: string | null };
  flags: {
    /** Huyện nghèo, QĐ 353/QĐ-TTg Phụ lục I. */
    poorDistrict: UnitFlag | null;
    /** Xã ĐBKK vùng bãi ngang, ven biển và hải đảo, QĐ 353/QĐ-TTg Phụ lục II. */
    coastalExtremelyDifficult: UnitFlag | null;
  };
  /** Number of 2025 units this pre-2025 unit went to (0 for 2025 units). */
  successorCount: number;
  /** Number of pre-2025 units this 2025 unit came from (0 for pre-2025 units). */
  predecessorCount: number;
  childCount: number;
}

export async function getUnit(db: Kysely<Database>, structure: StructureId, code: string): Promise<UnitDetail | null> {
  const row = await db
    .selectFrom('unit')
    .selectAll()
    .where('structure', '=', structure)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return null;

  const [withPath] = await withPaths(db, [toSummary(row)]);
  const children = await db
    .selectFrom('unit')
    .select('code')
    .where('structure', '=', structure)
    .where('parent_code', '=', code)
    .execute();
  const links = await crosswalkCount(db, row);

  return {
    ...withPath!,
    nameEn: row.name_en,
    region: row.region,
    centroid: row.centroid_lon !== null && row.centroid_lat !== null ? [row.centroid_lon, row.centroid_lat] : null,
    areaKm2: row.area_km2,
    geometry: { status: row.geometry_status, note: row.geometry_note },
    flags: {
      poorDistrict: row.poor_district ? { source: row.poor_district_source } : null,
      coastalExtremelyDifficult: row.coastal_extremely_difficult ? { source: row.coastal_extremely_difficult_source } : null,
    },
    successorCount: structure === 'pre2025' ? links : 0,
    predecessorCount: structure === '2025' ? links : 0,
    childCount: children.length,
  };
}

/** Children of a unit in GSO code order; without a code, the provinces. Null if no such unit. */
export async function childrenOf(db: Kysely<Database>, structure: StructureId, code: string | undefined): Promise<UnitSummary[] | null> {
  if (code !== undefined) {
    const parent = await db
      .selectFrom('unit')
      .select('code')
      .where('structure', '=', structure)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!parent) return null;
  }
  let query = db.selectFrom('unit').select([...SUMMARY_COLUMNS]).where('structure', '=', structure);
  query = code === undefined ? query.where('level', '=', 'province') : query.where('parent_code', '=', code);
  const rows = await query.orderBy('code').execute();
  return rows.map(toSummary);
}
