// Where administrative boundaries come from, as an interface (STYLE.md habit 2): the map code asks
// for "provinces of structure 2025 in this bbox" and never knows whether the answer came from
// FlatGeobuf over HTTP Range, a file picked by the user, or a test double.
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';

/** Administrative structure: '2025' from 1 July 2025 (no districts), 'pre2025' before it. */
export type Structure = '2025' | 'pre2025';

/**
 * One level of one structure. Codes are only unique within a structure (22276 names different
 * communes before and after 2025), so a level is always named together with its structure.
 */
export type LevelRef =
  | { structure: '2025'; level: 'province' | 'commune' }
  | { structure: 'pre2025'; level: 'province' | 'district' };

export type Level = LevelRef['level'];

/** Level of detail: 'country' is generalised for the whole-country view, 'detail' for zoomed in. */
export type Lod = 'country' | 'detail';

/** WGS84 degrees. */
export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface UnitProperties {
  /** GSO code, a string because leading zeros matter ("01" Hà Nội). */
  code: string;
  /** Full name as the source writes it, e.g. "Tỉnh Đắk Lắk". */
  name: string;
  /** Code of the parent unit in the same structure; null for provinces. */
  parent: string | null;
}

export type BoundaryFeature = Feature<Polygon | MultiPolygon, UnitProperties>;
export type LabelPointFeature = Feature<Point, UnitProperties>;

export interface BoundarySource {
  /** Unit polygons of one level whose bounding boxes intersect `bbox`. */
  boundaries(ref: LevelRef, lod: Lod, bbox: BBox, signal?: AbortSignal): Promise<BoundaryFeature[]>;
  /** One label point per unit (inside the polygon, unlike a centroid), intersecting `bbox`. */
  labelPoints(ref: LevelRef, bbox: BBox, signal?: AbortSignal): Promise<LabelPointFeature[]>;
}
