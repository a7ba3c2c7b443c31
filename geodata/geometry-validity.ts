// Polygon validity in the sense that matters for rendering and point-in-polygon: closed rings of
// at least 4 positions with area, no edges crossing or overlapping (within a ring, between rings,
// between parts), holes inside their shell, parts not inside one another. Equivalent to turf's
// booleanValid for these cases but O(n log n) with a sweep, because booleanValid compares every
// pair of edges and detail communes have up to tens of thousands of vertices.
// Rings touching at a single point are accepted (simplification of tidal inlets produces them
// and renderers draw them correctly).
import type { MultiPolygonRings, Ring } from './geometry.ts';
import { emptyBBox, extendBBox, pointInPolygon, pointInRing, ringSignedArea } from './geometry.ts';

function ringProblem(ring: Ring): string | null {
  if (ring.length < 4) return `ring with ${ring.length} positions (need 4)`;
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'ring not closed';
  for (const p of ring) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return 'non-finite coordinate';
  if (ringSignedArea(ring) === 0) return 'ring without area';
  return null;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

const onSegment = (ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean =>
  Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);

/** 'cross' = edges cross or overlap along a stretch; 'touch' = meet at an endpoint; null = apart. */
function segmentRelation(s: Float64Array, i: number, j: number): 'cross' | 'touch' | null {
  const ax = s[4 * i],
    ay = s[4 * i + 1],
    bx = s[4 * i + 2],
    by = s[4 * i + 3];
  const cx = s[4 * j],
    cy = s[4 * j + 1],
    dx = s[4 * j + 2],
    dy = s[4 * j + 3];
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) {
    // They meet; only at a shared endpoint or an endpoint lying on the other edge is a touch.
    if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return 'touch';
    return 'cross';
  }
  if (o1 === 0 && o2 === 0) {
    // Collinear: overlapping along a stretch is invalid, meeting end to end is a touch.
    const along = Math.abs(bx - ax) >= Math.abs(by - ay);
    const [a0, a1] = along ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
    const [c0, c1] = along ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
    const overlap = Math.min(a1, c1) - Math.max(a0, c0);
    if (overlap > 0) return 'cross';
    if (overlap === 0 && (onSegment(ax, ay, bx, by, cx, cy) || onSegment(ax, ay, bx, by, dx, dy))) return 'touch';
  }
  return null;
}

/** Why these polygon parts are invalid, or null when they are valid. */
export function validityProblem(parts: MultiPolygonRings): string | null {
  if (parts.length === 0) return 'empty geometry';
  let segmentCount = 0;
  for (const polygon of parts) {
    if (polygon.length === 0) return 'polygon without rings';
    for (const ring of polygon) {
      const problem = ringProblem(ring);
      if (problem) return problem;
      segmentCount += ring.length - 1;
    }
  }
  // Segments as flat [ax, ay, bx, by], with the ring each belongs to and its index in it.
  const segments = new Float64Array(segmentCount * 4);
  const ringOf = new Int32Array(segmentCount);
  const indexInRing = new Int32Array(segmentCount);
  const ringLength: number[] = [];
  let k = 0;
  for (const polygon of parts) {
    for (const ring of polygon) {
      const r = ringLength.length;
      ringLength.push(ring.length - 1);
      for (let i = 0; i + 1 < ring.length; i++, k++) {
        segments.set([ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]], 4 * k);
        ringOf[k] = r;
        indexInRing[k] = i;
      }
    }
  }
  const minX = (i: number) => Math.min(segments[4 * i], segments[4 * i + 2]);
  const maxX = (i: number) => Math.max(segments[4 * i], segments[4 * i + 2]);
  const order = Array.from({ length: segmentCount }, (_, i) => i).sort((a, b) => minX(a) - minX(b));
  const active: number[] = [];
  for (const i of order) {
    const x = minX(i);
    let kept = 0;
    for (const j of active) if (maxX(j) >= x) active[kept++] = j;
    active.length = kept;
    const iMinY = Math.min(segments[4 * i + 1], segments[4 * i + 3]);
    const iMaxY = Math.max(segments[4 * i + 1], segments[4 * i + 3]);
    for (const j of active) {
      if (Math.max(segments[4 * j + 1], segments[4 * j + 3]) < iMinY) continue;
      if (Math.min(segments[4 * j + 1], segments[4 * j + 3]) > iMaxY) continue;
      if (ringOf[i] === ringOf[j]) {
        const n = ringLength[ringOf[i]];
        const d = Math.abs(indexInRing[i] - indexInRing[j]);
        if (d === 1 || d === n - 1) {
          // Neighbours share a vertex; they are only wrong if they fold back over each other.
          if (segmentRelation(segments, i, j) === 'cross' && collinearFold(segments, i, j))
            return 'ring folds back on itself (spike)';
          continue;
        }
      }
      if (segmentRelation(segments, i, j) === 'cross') {
        return `edges cross near (${segments[4 * i].toFixed(6)}, ${segments[4 * i + 1].toFixed(6)})`;
      }
    }
    active.push(i);
  }
  return nestingProblem(parts);
}

/** Adjacent segments only "cross" by overlapping collinearly, i.e. a zero-width spike. */
function collinearFold(s: Float64Array, i: number, j: number): boolean {
  return (
    orient(s[4 * i], s[4 * i + 1], s[4 * i + 2], s[4 * i + 3], s[4 * j], s[4 * j + 1]) === 0 &&
    orient(s[4 * i], s[4 * i + 1], s[4 * i + 2], s[4 * i + 3], s[4 * j + 2], s[4 * j + 3]) === 0
  );
}

/** With no crossings, a ring is inside another iff one of its edge midpoints is. */
function midpoint(ring: Ring): [number, number] {
  return [(ring[0][0] + ring[1][0]) / 2, (ring[0][1] + ring[1][1]) / 2];
}

function nestingProblem(parts: MultiPolygonRings): string | null {
  for (const polygon of parts) {
    for (let h = 1; h < polygon.length; h++) {
      const [x, y] = midpoint(polygon[h]);
      if (!pointInRing(x, y, polygon[0])) return 'hole outside its shell';
    }
  }
  if (parts.length > 1) {
    const boxes = parts.map((polygon) => extendBBox(emptyBBox(), [polygon[0]]));
    for (let a = 0; a < parts.length; a++) {
      const [x, y] = midpoint(parts[a][0]);
      for (let b = 0; b < parts.length; b++) {
        const box = boxes[b];
        if (a === b || x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
        if (pointInPolygon(x, y, parts[b])) return `part ${a} lies inside part ${b}`;
      }
    }
  }
  return null;
}
