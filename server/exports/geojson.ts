// The `values` table joined with boundaries → an RFC 7946 FeatureCollection: each unit's polygon
// from the level's 'detail' FlatGeobuf (through the server's BoundarySource, coordinates as in
// the file), with the row's code, name, value, simulated flag and source as properties.
// Pre-2025 communes have no polygons (no source published them): they, and any unit whose
// polygon is missing, are Points at their label point, and their properties say so.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { BoundariesUnavailable, type BBox, type BoundarySource } from '../geo/boundary-source.ts';
import type { TableInput } from './export-input.ts';
import type { ExportTable } from './export-table.ts';

export const LABEL_POINT_NOTE = 'Không có ranh giới: điểm đặt nhãn của đơn vị / no boundary polygon: the unit’s label point';
export const NO_OLD_COMMUNE_POLYGONS = 'Xã trước 01/7/2025 không có ranh giới đã công bố: điểm đặt nhãn / pre-2025 communes have no published polygons: label point';

/** Codes per `in (…)` list: far below SQLite's bound-parameter limit. */
const CHUNK = 500;

export async function valuesGeoJson(
  services: { db: Kysely<Database>; boundaries: BoundarySource },
  input: TableInput<'values'>,
  table: ExportTable,
): Promise<FeatureCollection<Geometry | null>> {
  const at = (key: string) => table.columns.findIndex((c) => c.key === key);
  const [iCode, iName, iValue, iPartial, iVia, iSimulated, iSource] = ['code', 'name', 'value', 'partial', 'via', 'simulated', 'source'].map(at);
  // The codes come from the gated exports.table answer: reading their label points needs no
  // further scope check.
  const codes = table.rows.map((row) => String(row[iCode!]));
  const labels = await labelPoints(services.db, input, codes);

  const polygons = new Map<string, Geometry>();
  let layerNote: string | null = null;
  const rect = boundsOf([...labels.values()]);
  if (rect) {
    try {
      // Every wanted polygon holds its label point, so its bbox meets the points' bbox: the
      // R-tree then reads only that region of a national file.
      const wanted = new Set(codes);
      for await (const feature of services.boundaries.features(input.structure, input.level, rect)) {
        const code = String(feature.properties?.code ?? '');
        if (wanted.has(code) && !polygons.has(code)) polygons.set(code, feature.geometry);
      }
    } catch (error) {
      if (!(error instanceof BoundariesUnavailable)) throw error;
      layerNote = input.structure === 'pre2025' && input.level === 'commune' ? NO_OLD_COMMUNE_POLYGONS : LABEL_POINT_NOTE;
    }
  }

  const features: Feature<Geometry | null>[] = table.rows.map((row) => {
    const code = String(row[iCode!]);
    const polygon = polygons.get(code);
    const label = labels.get(code);
    const geometry: Geometry | null = polygon ?? (label ? { type: 'Point', coordinates: label } : null);
    return {
      type: 'Feature',
      id: code,
      geometry,
      properties: {
        code,
        name: row[iName!],
        value: row[iValue!],
        year: input.year,
        indicator: input.indicator,
        partial: row[iPartial!],
        via: row[iVia!] ? 'crosswalk' : null,
        simulated: row[iSimulated!],
        source: row[iSource!],
        geometryKind: polygon ? 'polygon' : label ? 'label-point' : 'none',
        ...(polygon ? {} : { geometryNote: layerNote ?? LABEL_POINT_NOTE }),
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

async function labelPoints(db: Kysely<Database>, input: TableInput<'values'>, codes: string[]): Promise<Map<string, [number, number]>> {
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db
      .selectFrom('unit')
      .select(['code', 'label_lon', 'label_lat'])
      .where('structure', '=', input.structure)
      .where('level', '=', input.level)
      .where('code', 'in', codes.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.label_lon !== null && r.label_lat !== null) out.set(r.code, [Number(r.label_lon), Number(r.label_lat)]);
  }
  return out;
}

function boundsOf(points: [number, number][]): BBox | null {
  if (points.length === 0) return null;
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of points) {
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}
