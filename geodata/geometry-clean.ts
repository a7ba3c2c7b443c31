// Final touch on mapshaper's output. Coordinates are rounded again: its fix-geometry repair adds
// intersection points at full precision (105.45039124386105). Then the defects heavy
// simplification plus rounding leave behind, which mapshaper's own repair does not cover:
//  - spikes: a ring going A → B → A (zero width), from two vertices rounding onto one line;
//  - an island swallowed by its own coastline: when the mouth of a bay is simplified to a
//    straight line, an islet inside the bay ends up inside the mainland part of the same unit.
//  - crumbs: parts of a few square metres (a repaired crossing), next to the unit's real parts.
// All are invisible on the map; left in place they make the feature invalid or noisy.
import {
  emptyBBox,
  extendBBox,
  pointInPolygon,
  polygonPlanarArea,
  ringSignedArea,
  type MultiPolygonRings,
  type Ring,
} from './geometry.ts';
import { validityProblem } from './geometry-validity.ts';

const same = (a: number[], b: number[]) => a[0] === b[0] && a[1] === b[1];

/** Signed turn at b: 0 when a, b, c are collinear. */
const cross = (a: number[], b: number[], c: number[]) => (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
/** True when going a → b → c reverses direction (b is the tip of a spike). */
const backtracks = (a: number[], b: number[], c: number[]) =>
  (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0;

/** The ring without repeated points and spikes; null when nothing with area is left. */
export function cleanRing(ring: Ring): Ring | null {
  // Work on the open ring (no closing point), cyclically.
  let points = ring.slice(0, same(ring[0], ring[ring.length - 1]) ? -1 : undefined);
  let changed = true;
  while (changed && points.length >= 3) {
    changed = false;
    const next: Ring = [];
    for (let i = 0; i < points.length; i++) {
      const b = points[i];
      const a = next.length > 0 ? next[next.length - 1] : points[points.length - 1];
      const c = points[(i + 1) % points.length];
      if (same(a, b) || (cross(a, b, c) === 0 && backtracks(a, b, c))) {
        changed = true;
        continue;
      }
      next.push(b);
    }
    points = next;
  }
  if (points.length < 3) return null;
  const closed = [...points, points[0]];
  return ringSignedArea(closed) === 0 ? null : closed;
}

export interface CleanStats {
  ringsFixed: number;
  ringsDropped: number;
  partsDropped: number;
  /** Features where rounding itself would make edges cross: kept at mapshaper's precision. */
  keptFullPrecision: number;
}

/** ~12 m² at Vietnam's latitudes: smaller parts beside a real part are repair crumbs. */
const CRUMB_DEG2 = 1e-9;

export const emptyCleanStats = (): CleanStats => ({
  ringsFixed: 0,
  ringsDropped: 0,
  partsDropped: 0,
  keptFullPrecision: 0,
});

/**
 * Rounds to `decimals` and cleans. Rounding can itself make two nearly touching edges cross;
 * then the feature is kept at mapshaper's own precision (valid, a few more decimals) instead.
 */
export function cleanParts(parts: MultiPolygonRings, stats: CleanStats, decimals: number): MultiPolygonRings {
  const roundedStats = emptyCleanStats();
  const rounded = cleanAt(parts, roundedStats, decimals);
  let chosen = { parts: rounded, stats: roundedStats };
  if (validityProblem(rounded) !== null) {
    const exactStats = emptyCleanStats();
    const exact = cleanAt(parts, exactStats, null);
    if (validityProblem(exact) === null) chosen = { parts: exact, stats: { ...exactStats, keptFullPrecision: 1 } };
  }
  for (const key of Object.keys(stats) as (keyof CleanStats)[]) stats[key] += chosen.stats[key];
  return chosen.parts;
}

function cleanAt(parts: MultiPolygonRings, stats: CleanStats, decimals: number | null): MultiPolygonRings {
  const f = decimals === null ? 0 : 10 ** decimals;
  const round = (ring: Ring): Ring =>
    decimals === null ? ring : ring.map(([x, y]) => [Math.round(x * f) / f, Math.round(y * f) / f]);
  const polygons: MultiPolygonRings = [];
  for (const polygon of parts) {
    const rings: Ring[] = [];
    polygon.forEach((ring, index) => {
      const clean = cleanRing(round(ring));
      if (clean === null) stats.ringsDropped++;
      else if (clean.length !== ring.length) stats.ringsFixed++;
      // A shell that collapsed takes its holes with it.
      if (clean !== null && (index === 0 || rings.length > 0)) rings.push(clean);
    });
    if (rings.length > 0) polygons.push(rings);
    else stats.partsDropped++;
  }
  if (polygons.length < 2) return polygons;
  // Drop a part whose shell lies inside another part (largest parts are tested against first).
  polygons.sort((a, b) => polygonPlanarArea(b) - polygonPlanarArea(a));
  const boxes = polygons.map((p) => extendBBox(emptyBBox(), [p[0]]));
  const kept: number[] = [];
  polygons.forEach((polygon, i) => {
    if (i > 0 && polygonPlanarArea(polygon) < CRUMB_DEG2) {
      stats.partsDropped++;
      return;
    }
    const [x, y] = [(polygon[0][0][0] + polygon[0][1][0]) / 2, (polygon[0][0][1] + polygon[0][1][1]) / 2];
    const inside = kept.some((k) => {
      const b = boxes[k];
      return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && pointInPolygon(x, y, polygons[k]);
    });
    if (inside) stats.partsDropped++;
    else kept.push(i);
  });
  return kept.map((i) => polygons[i]);
}
