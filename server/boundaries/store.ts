// The unit_boundary table (migration 0008) and its reads: the types live here, beside the only
// code that uses them, as server/imports/store.ts does for import_change.
import type { Kysely } from 'kysely';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Database, StructureId } from '../db/schema.ts';
import type { ImportDatabase } from '../imports/store.ts';

export interface UnitBoundaryTable {
  structure: StructureId;
  code: string;
  /** GeoJSON Polygon/MultiPolygon text, WGS84. */
  geometry: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source: string | null;
  import_id: number | null;
  created_at: string;
}

export type BoundaryDatabase = ImportDatabase & { unit_boundary: UnitBoundaryTable };

export const asBoundaryDb = (db: Kysely<Database> | Kysely<any>) => db as unknown as Kysely<BoundaryDatabase>;

/** Uploaded polygons of a district's communes, with the code and name the map joins on. */
export async function boundariesInDistrict(
  db: Kysely<Database>,
  structure: StructureId,
  districtCode: string,
): Promise<{ communes: { code: string; level: 'commune'; provinceCode: string; structure: StructureId; name: string; geometry: string }[] }> {
  const rows = await asBoundaryDb(db)
    .selectFrom('unit_boundary as b')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'b.structure').onRef('u.code', '=', 'b.code'))
    .select(['b.code', 'u.full_name', 'u.province_code', 'b.geometry'])
    .where('b.structure', '=', structure)
    .where('u.parent_code', '=', districtCode)
    .orderBy('b.code')
    .execute();
  return { communes: rows.map((r) => ({ code: r.code, level: 'commune' as const, provinceCode: r.province_code, structure, name: r.full_name, geometry: r.geometry })) };
}

export function toFeatureCollection(communes: { code: string; name: string; geometry: string }[]): FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: communes.map((c) => ({ type: 'Feature', geometry: JSON.parse(c.geometry) as Polygon | MultiPolygon, properties: { code: c.code, name: c.name } })),
  };
}
