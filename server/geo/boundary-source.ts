// Where polygons come from for point-in-polygon questions (units.at) and GeoJSON exports. An
// interface so that a reader over HTTP, or a test double, can replace the FlatGeobuf files on disk.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { StructureId, UnitLevel } from '../db/schema.ts';

export type LonLat = [number, number];
export type BBox = { minX: number; minY: number; maxX: number; maxY: number };

export interface BoundarySource {
  /**
   * Codes of the units of (structure, level) whose polygon contains the point, in code order;
   * usually one, two on a shared edge, none at sea. Throws BoundariesUnavailable when that
   * layer has no polygons.
   */
  containing(structure: StructureId, level: UnitLevel, point: LonLat): Promise<string[]>;
  /**
   * The polygons of (structure, level) whose bounding box meets `rect`, coordinates and
   * properties (code, name, parent) as stored; for exports. Throws BoundariesUnavailable when
   * that layer has no polygons.
   */
  features(structure: StructureId, level: UnitLevel, rect: BBox): AsyncIterable<Feature<Polygon | MultiPolygon>>;
}

export class BoundariesUnavailable extends Error {
  constructor(
    readonly structure: StructureId,
    readonly level: UnitLevel,
    reason: string,
  ) {
    super(`no ${structure} ${level} polygons: ${reason}`);
  }
}
