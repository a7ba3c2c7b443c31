// Spreading old communes that would share one point. Several old communes merged into one 2025
// commune are all placed at the same point (its label point, or a point of its part in their old
// district), so on the map they hide each other and cannot be clicked apart. Nothing in the
// sources says where inside the new commune each old one lay, so the positions made here are
// symbolic: a small, even, deterministic pattern around the shared point (the point itself and
// hexagonal rings; where the polygons hem the point in, the free spot farthest from the others),
// one old commune per position in code order, each kept inside the polygons its shared point was in.
import { area, destination, distance, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import {
  pointInMultiPolygon,
  pointInPolygon,
  roundPosition,
  type MultiPolygonRings,
  type PolygonRings,
} from './geometry.ts';

export interface SpreadMember {
  code: string;
  /** Polygons the point must stay in: its 2025 successor, and its old district if the shared point lies in it. */
  within: MultiPolygonRings[];
}

/** One slot: a fraction of the radius, a compass bearing, the angle to the next slot of its ring (degrees). */
export interface Slot {
  fraction: number;
  bearing: number;
  arc: number;
}

/**
 * Pattern radius as a fraction of the "equivalent radius" sqrt(area / π) of the polygon the points
 * share: 0.4 puts the outer ring well inside a round commune and, for a typical rural commune of
 * 20-40 km², 1-1.5 km from its label point — a dozen pixels or more when its district fills the map.
 */
export const SPREAD_FRACTION = 0.4;

/**
 * Where a candidate falls outside, it is first turned along its ring by these fractions of the
 * gap to its neighbours (a shared point near one edge leaves room on the other side), ±0.4 at most
 * so two turned slots stay apart.
 */
const TURNS = [0, 0.25, -0.25, 0.4, -0.4];

/**
 * Where no turn fits, the candidate is pulled toward the shared point in these steps (fractions
 * of the full distance): slots down to 45 %, then any bearing (spreadPoints). The last steps
 * (metres) only matter for slivers: an old commune placed in a few m² of its successor that lie in
 * its old district gets a distinct point there rather than none; the report counts such cases.
 */
const SHRINK_STEPS = [1, 0.8, 0.6, 0.45, 0.3, 0.2, 0.12, 0.06, 0.02, 0.005, 0.001];

/**
 * Slots for n points: the centre, then concentric rings as in a hexagonal pattern — ring k of K
 * lies at k/K of the radius and holds 6k slots, except the outermost, which holds what is left,
 * spaced evenly. So 2-7 points are the centre plus one ring (neighbours one radius apart when
 * full); 8-19 add a second ring; 13, the most merged into one commune, fills both. Every other
 * ring is turned by half a step so slots of neighbouring rings do not line up.
 */
export function spreadPattern(n: number): Slot[] {
  const slots: Slot[] = n > 0 ? [{ fraction: 0, bearing: 0, arc: 0 }] : [];
  let rings = 0;
  while (1 + 3 * rings * (rings + 1) < n) rings++; // 1 + 6 + 12 + … = 1 + 3K(K+1) slots in K rings
  for (let k = 1; k <= rings; k++) {
    const count = k < rings ? 6 * k : n - slots.length;
    const turn = k % 2 === 0 ? 180 / count : 0;
    const arc = 360 / count;
    for (let j = 0; j < count; j++) slots.push({ fraction: k / rings, bearing: j * arc + turn, arc });
  }
  return slots;
}

// A district's parts are measured once for all the groups spread in it.
const areaCache = new WeakMap<PolygonRings, number>();
const partArea = (part: PolygonRings): number => {
  let m2 = areaCache.get(part);
  if (m2 === undefined) areaCache.set(part, (m2 = area(polygon(part))));
  return m2;
};

/** Area (m², geodesic) of the part of `parts` holding `point`, or of the largest part. */
function partAreaAt(point: Position, parts: MultiPolygonRings): number {
  const holding = parts.find((p) => pointInPolygon(point[0], point[1], p));
  return Math.max(0, ...(holding ? [holding] : parts).map(partArea));
}

/**
 * Radius (m) of the pattern around `centre`: SPREAD_FRACTION × sqrt(area / π) of the smallest
 * polygon part the points must stay in (the successor's part, or the old district's part when
 * that is smaller), so a commune split between districts is measured by the piece that matters.
 */
export function spreadRadius(centre: Position, within: MultiPolygonRings[]): number {
  const areas = within.map((parts) => partAreaAt(centre, parts)).filter((a) => a > 0);
  if (areas.length === 0) return 0;
  return SPREAD_FRACTION * Math.sqrt(Math.min(...areas) / Math.PI);
}

/** Slots are pulled in no further than this; past it, see `farthestFit`. */
const PATTERN_STEPS = SHRINK_STEPS.filter((step) => step >= 0.45);
/** Bearings (degrees) tried once the pattern fails: every 15°. */
const ANY_BEARING = Array.from({ length: 24 }, (_, i) => i * 15);

/**
 * Distinct points for members that share `centre`, in the members' order (sort them by code for
 * a deterministic result). Each member takes the first free slot that, at full radius or turned
 * or pulled in to 45 %, lies inside all its `within` polygons; the centre (slot 0) goes to the
 * first member it suits. Where none does, the shared point is hemmed in on the free slots' side
 * (near an edge of the successor or the old district), so the member takes instead, among every
 * 15° bearing and every SHRINK_STEPS distance, the fitting point farthest from those already
 * placed. null for a member that nothing suits: the caller leaves it on the centre.
 */
export function spreadPoints(centre: Position, members: SpreadMember[], radiusMetres: number): (Position | null)[] {
  const slots = spreadPattern(members.length);
  const free = slots.map(() => true);
  const taken = new Set<string>();
  const placed: Position[] = [];
  const keyOf = (p: Position) => `${p[0]},${p[1]}`;
  const fits = (p: Position, m: SpreadMember) =>
    !taken.has(keyOf(p)) && m.within.every((parts) => pointInMultiPolygon(p, parts));
  const at = (slot: Slot, step: number, turn: number): Position => {
    if (slot.fraction === 0) return roundPosition(centre, 6);
    // turf's destination walks the great circle: no hand-made metres-to-degrees conversion.
    const km = (radiusMetres * slot.fraction * step) / 1000;
    const d = destination(centre, km, slot.bearing + turn * slot.arc, { units: 'kilometers' });
    return roundPosition(d.geometry.coordinates, 6);
  };
  const accept = (p: Position): Position => {
    taken.add(keyOf(p));
    placed.push(p);
    return p;
  };
  const slotFit = (m: SpreadMember, step: number): Position | null => {
    for (let s = 0; s < slots.length; s++) {
      if (!free[s]) continue;
      for (const turn of TURNS) {
        const p = at(slots[s], step, turn);
        if (!fits(p, m)) continue;
        free[s] = false;
        return p;
      }
    }
    return null;
  };
  const farthestFit = (m: SpreadMember): Position | null => {
    let best: Position | null = null;
    let bestGap = -1;
    for (const step of SHRINK_STEPS)
      for (const bearing of ANY_BEARING) {
        const p = at({ fraction: 1, bearing, arc: 0 }, step, 0);
        if (!fits(p, m)) continue;
        const gap = Math.min(...placed.map((q) => distance(p, q)));
        if (gap > bestGap) [best, bestGap] = [p, gap];
      }
    return best;
  };
  return members.map((m) => {
    for (const step of PATTERN_STEPS) {
      const p = slotFit(m, step);
      if (p) return accept(p);
    }
    const p = farthestFit(m);
    return p && accept(p);
  });
}
