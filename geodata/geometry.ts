// Small planar helpers on lon/lat coordinate arrays. Everything here is O(vertices) and
// allocation-light because it runs over millions of vertices per build.
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export type Ring = Position[];
export type PolygonRings = Ring[];
export type MultiPolygonRings = PolygonRings[];
export type BBox = [number, number, number, number];

export function toMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygonRings {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Polygon parts of any geometry; other types give nothing. */
export function polygonParts(geometry: Geometry | null | undefined): MultiPolygonRings {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap((g) => polygonParts(g));
  return [];
}

export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

export function extendBBox(box: BBox, rings: Iterable<Ring>): BBox {
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

export function bboxOf(parts: MultiPolygonRings): BBox {
  const box = emptyBBox();
  for (const polygon of parts) extendBBox(box, polygon);
  return box;
}

export const bboxesIntersect = (a: BBox, b: BBox): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Signed planar area in square degrees (shoelace); positive for counter-clockwise rings. */
export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** Planar area of a polygon (shell minus holes), square degrees: only for comparing parts. */
export function polygonPlanarArea(polygon: PolygonRings): number {
  let area = 0;
  polygon.forEach((ring, i) => {
    const a = Math.abs(ringSignedArea(ring));
    area += i === 0 ? a : -a;
  });
  return area;
}

/** Even-odd ray casting. Points exactly on an edge may go either way. */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(x: number, y: number, polygon: PolygonRings): boolean {
  if (polygon.length === 0 || !pointInRing(x, y, polygon[0])) return false;
  for (let h = 1; h < polygon.length; h++) if (pointInRing(x, y, polygon[h])) return false;
  return true;
}

export function pointInMultiPolygon(point: Position, parts: MultiPolygonRings): boolean {
  return parts.some((polygon) => pointInPolygon(point[0], point[1], polygon));
}

export function countVertices(parts: MultiPolygonRings): number {
  let n = 0;
  for (const polygon of parts) for (const ring of polygon) n += ring.length;
  return n;
}

/** Area-weighted centroid of all parts (planar lon/lat: fine at a unit's scale). */
export function centroidOf(parts: MultiPolygonRings): Position | null {
  let cx = 0;
  let cy = 0;
  let total = 0;
  for (const polygon of parts) {
    polygon.forEach((ring, index) => {
      const sign = index === 0 ? 1 : -1;
      const orientation = Math.sign(ringSignedArea(ring)) || 1;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        // Normalise orientation: shells add, holes subtract, whatever their winding.
        const f = cross * orientation * sign;
        cx += (ring[j][0] + ring[i][0]) * f;
        cy += (ring[j][1] + ring[i][1]) * f;
        total += f;
      }
    });
  }
  if (total === 0) return null;
  return [cx / (3 * total), cy / (3 * total)];
}

export const roundTo = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

export function roundPosition(p: Position, decimals: number): [number, number] {
  return [roundTo(p[0], decimals), roundTo(p[1], decimals)];
}
