// Label points: the pole of inaccessibility of a unit's largest part (the interior point
// farthest from any edge), found by the usual quadtree search with a best-first queue. A centroid
// is not good enough: a C-shaped commune or a coastal district has its centroid in the sea or in
// a neighbour. x is scaled by cos(latitude) so "farthest" means metres, not degrees.
// The same search finds a point inside the intersection of two units without clipping them
// (distance to the intersection = the smaller of the two distances), which places an old commune
// inside the part of its successor that lies in its old district.
import type { Position } from 'geojson';
import { CellQueue, type Cell } from './cell-queue.ts';
import {
  bboxOf,
  bboxesIntersect,
  centroidOf,
  pointInPolygon,
  polygonPlanarArea,
  type BBox,
  type MultiPolygonRings,
  type PolygonRings,
} from './geometry.ts';

type Distance = (x: number, y: number) => number;

/** Rings as flat [x·kx, y, …] arrays: the scaled space the search works in. */
function scaledRings(polygon: PolygonRings, kx: number): Float64Array[] {
  return polygon.map((ring) => {
    const flat = new Float64Array(ring.length * 2);
    ring.forEach(([x, y], i) => {
      flat[2 * i] = x * kx;
      flat[2 * i + 1] = y;
    });
    return flat;
  });
}

/** Signed distance from (x, y) to the polygon's boundary: positive inside, negative outside. */
function signedDistance(x: number, y: number, rings: Float64Array[]): number {
  let inside = false;
  let best = Infinity;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = ring[2 * i];
      const ay = ring[2 * i + 1];
      const bx = ring[2 * j];
      const by = ring[2 * j + 1];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      let px = ax;
      let py = ay;
      const dx = bx - ax;
      const dy = by - ay;
      if (dx !== 0 || dy !== 0) {
        const t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
          px = bx;
          py = by;
        } else if (t > 0) {
          px += dx * t;
          py += dy * t;
        }
      }
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d < best) best = d;
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}

/**
 * Best-first search over a grid of square cells covering `box` (scaled space) for the point with
 * the largest `distance`. A cell cannot beat distance(centre) + half-diagonal, because the
 * distance function is 1-Lipschitz; cells that cannot beat the best by `precision` are dropped.
 */
function searchPole(distance: Distance, box: BBox, starts: [number, number][], relativePrecision: number): Cell | null {
  const [x0, y0, x1, y1] = box;
  const minSide = Math.min(x1 - x0, y1 - y0);
  if (!(minSide > 0)) return null;
  // Square cells of the short side, but no more than ~50 along the long one: a long thin sliver
  // would otherwise start with thousands of cells and refine all of them.
  const size = Math.max(minSide, Math.max(x1 - x0, y1 - y0) / 50);
  const precision = Math.max(size * relativePrecision, 1e-9);
  const cell = (x: number, y: number, half: number): Cell => {
    const d = distance(x, y);
    return { x, y, half, distance: d, potential: d + half * Math.SQRT2 };
  };
  const queue = new CellQueue();
  for (let x = x0; x < x1; x += size)
    for (let y = y0; y < y1; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  let best = cell((x0 + x1) / 2, (y0 + y1) / 2, 0);
  for (const [x, y] of starts) {
    const c = cell(x, y, 0);
    if (c.distance > best.distance) best = c;
  }
  let guard = 0;
  while (queue.size > 0 && guard++ < 100_000) {
    const current = queue.pop()!;
    if (current.distance > best.distance) best = current;
    if (current.potential - best.distance <= precision) continue;
    const h = current.half / 2;
    queue.push(cell(current.x - h, current.y - h, h));
    queue.push(cell(current.x + h, current.y - h, h));
    queue.push(cell(current.x - h, current.y + h, h));
    queue.push(cell(current.x + h, current.y + h, h));
  }
  return best;
}

const latitudeScale = (box: BBox) => Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
const scaleBox = (box: BBox, kx: number): BBox => [box[0] * kx, box[1], box[2] * kx, box[3]];

/**
 * Pole of inaccessibility of one polygon (shell + holes). `relativePrecision` is a fraction of
 * the search's cell size (the bbox's short side, or 1/50 of the long one for slivers): the answer
 * is within that distance of the true pole.
 */
export function poleOfInaccessibility(polygon: PolygonRings, relativePrecision = 0.01): Position {
  const box = bboxOf([polygon]);
  const kx = latitudeScale(box);
  const rings = scaledRings(polygon, kx);
  const c = centroidOf([polygon]);
  const best = searchPole(
    (x, y) => signedDistance(x, y, rings),
    scaleBox(box, kx),
    c ? [[c[0] * kx, c[1]]] : [],
    relativePrecision,
  );
  return best ? [best.x / kx, best.y] : [polygon[0][0][0], polygon[0][0][1]];
}

/**
 * Fallback for slivers where the grid search finds no interior cell: cut the polygon with a
 * horizontal line and take the middle of the widest inside stretch.
 */
export function scanlineInteriorPoint(polygon: PolygonRings): Position | null {
  const [, minY, , maxY] = bboxOf([polygon]);
  // Several heights, off-centre by an odd fraction so the line rarely passes through a vertex.
  for (const f of [0.5013, 0.3317, 0.6671, 0.1709, 0.8293]) {
    const y = minY + (maxY - minY) * f;
    const xs: number[] = [];
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[j];
        if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
    }
    xs.sort((a, b) => a - b);
    let best: Position | null = null;
    let widest = 0;
    for (let k = 0; k + 1 < xs.length; k += 2) {
      if (xs[k + 1] - xs[k] > widest) {
        widest = xs[k + 1] - xs[k];
        best = [(xs[k] + xs[k + 1]) / 2, y];
      }
    }
    if (best) return best;
  }
  return null;
}

const largestFirst = (parts: MultiPolygonRings): MultiPolygonRings =>
  [...parts].sort((a, b) => polygonPlanarArea(b) - polygonPlanarArea(a));

/** The label point of a unit: pole of inaccessibility of its largest part. */
export function labelPointOf(parts: MultiPolygonRings): Position | null {
  const largest = largestFirst(parts)[0];
  if (!largest) return null;
  const pole = poleOfInaccessibility(largest);
  return pointInPolygon(pole[0], pole[1], largest) ? pole : (scanlineInteriorPoint(largest) ?? pole);
}

/** A well-inside point of the intersection of `a` and `b`, or null when they do not overlap. */
export function interiorPointOfIntersection(
  a: MultiPolygonRings,
  b: MultiPolygonRings,
  relativePrecision = 0.02,
): Position | null {
  const bBox = bboxOf(b);
  for (const part of largestFirst(a)) {
    const partBox = bboxOf([part]);
    if (!bboxesIntersect(partBox, bBox)) continue;
    const box: BBox = [
      Math.max(partBox[0], bBox[0]),
      Math.max(partBox[1], bBox[1]),
      Math.min(partBox[2], bBox[2]),
      Math.min(partBox[3], bBox[3]),
    ];
    const kx = latitudeScale(box);
    const rings = scaledRings(part, kx);
    const others = b.filter((p) => bboxesIntersect(bboxOf([p]), box)).map((p) => scaledRings(p, kx));
    // Inside the intersection = inside this part and inside some part of b.
    const distance: Distance = (x, y) => {
      let inB = -Infinity;
      for (const o of others) inB = Math.max(inB, signedDistance(x, y, o));
      return Math.min(signedDistance(x, y, rings), inB);
    };
    const best = searchPole(distance, scaleBox(box, kx), [], relativePrecision);
    if (best && best.distance > 0) return [best.x / kx, best.y];
  }
  return null;
}
