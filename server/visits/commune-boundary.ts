// The boundary of a commune a team visits, for the field map and the GPS check-in. A 2025
// commune has its own polygon (the pipeline's FlatGeobuf). A pre-2025 commune has none in the
// open sources: a polygon uploaded by the province (unit_boundary, migration 0008) is used when
// there is one, else the 2025 commune(s) it went into through the crosswalk, and the answer says
// so — a check-in is then judged against the larger new commune, which is the honest best.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';
import { asBoundaryDb } from '../boundaries/store.ts';
import { BoundariesUnavailable, type BoundarySource } from '../geo/boundary-source.ts';

export interface BoundaryProperties {
  structure: StructureId;
  code: string;
  name: string;
}

export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

export interface CommuneBoundary {
  /** own: the commune's polygon; uploaded: a province's file (pre-2025); crosswalk: the 2025 commune(s) it went into; none. */
  via: 'own' | 'uploaded' | 'crosswalk' | 'none';
  /** In Vietnamese / English, when the polygons are not the commune's own. */
  note: string | null;
  features: BoundaryFeature[];
}

const CROSSWALK_NOTE = (names: string) =>
  `Xã trước 01/7/2025 chưa có ranh giới riêng: hiển thị xã mới ${names} mà xã này đã nhập vào / A pre-2025 commune has no boundary of its own: shown is the 2025 commune it became part of (${names})`;
const NONE_NOTE = 'Chưa có ranh giới xã / No boundary for this commune';

/** The 2025 commune polygons whose code is listed, each found through its own label point. */
async function communePolygons(db: Kysely<Database>, boundaries: BoundarySource, codes: string[]): Promise<BoundaryFeature[]> {
  if (codes.length === 0) return [];
  const units = await db
    .selectFrom('unit')
    .select(['code', 'full_name', 'label_lon', 'label_lat', 'centroid_lon', 'centroid_lat'])
    .where('structure', '=', '2025')
    .where('level', '=', 'commune')
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
  const out: BoundaryFeature[] = [];
  for (const unit of units) {
    const lon = unit.label_lon ?? unit.centroid_lon;
    const lat = unit.label_lat ?? unit.centroid_lat;
    if (lon === null || lat === null) continue;
    // The label point lies inside the polygon, so a zero-size rectangle there meets its bbox:
    // the R-tree hands back a handful of candidates, one of them this commune.
    const rect = { minX: Number(lon), minY: Number(lat), maxX: Number(lon), maxY: Number(lat) };
    try {
      for await (const feature of boundaries.features('2025', 'commune', rect)) {
        if (String(feature.properties?.code) !== unit.code) continue;
        out.push({ type: 'Feature', geometry: feature.geometry, properties: { structure: '2025', code: unit.code, name: unit.full_name } });
        break;
      }
    } catch (error) {
      if (error instanceof BoundariesUnavailable) return out;
      throw error;
    }
  }
  return out;
}

export async function communeBoundary(db: Kysely<Database>, boundaries: BoundarySource, structure: StructureId, code: string): Promise<CommuneBoundary> {
  if (structure === '2025') {
    const features = await communePolygons(db, boundaries, [code]);
    return features.length > 0 ? { via: 'own', note: null, features } : { via: 'none', note: NONE_NOTE, features };
  }
  const uploaded = await asBoundaryDb(db)
    .selectFrom('unit_boundary as b')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'b.structure').onRef('u.code', '=', 'b.code'))
    .select(['b.geometry', 'b.source', 'u.full_name'])
    .where('b.structure', '=', 'pre2025')
    .where('b.code', '=', code)
    .executeTakeFirst();
  if (uploaded) {
    const geometry = JSON.parse(uploaded.geometry) as Polygon | MultiPolygon;
    return {
      via: 'uploaded',
      note: uploaded.source ? `Ranh giới từ tệp ${uploaded.source} / Boundary from the file ${uploaded.source}` : null,
      features: [{ type: 'Feature', geometry, properties: { structure: 'pre2025', code, name: uploaded.full_name } }],
    };
  }
  const successors = await db
    .selectFrom('unit_link')
    .select('to_code')
    .where('from_structure', '=', 'pre2025')
    .where('from_code', '=', code)
    .where('to_structure', '=', '2025')
    .where('level', '=', 'commune')
    .execute();
  const features = await communePolygons(db, boundaries, successors.map((s) => s.to_code));
  if (features.length === 0) return { via: 'none', note: NONE_NOTE, features };
  return { via: 'crosswalk', note: CROSSWALK_NOTE(features.map((f) => f.properties.name).join(', ')), features };
}
