// Dividing one 2021 district polygon between several 2025-03-01 districts along 2025 commune
// lines. Which 2025 commune goes where comes from two kinds of evidence:
//  - list evidence: the polygon's 2021 communes (SQL) now sit in several districts; each 2025
//    commune votes with its predecessors that were in this polygon's district;
//  - witness evidence: a 2025 commune whose label point lies in the polygon although none of
//    its predecessors belonged to the polygon's district. The polygon is older than the list
//    there (e.g. Huế's 2021 expansion into Phú Vang and Hương Trà is not in the polygons), and
//    the commune's area belongs to the district its predecessors are in now.
import type { Position } from 'geojson';
import type { LinkEnd } from './crosswalk.ts';
import { voteOldDistrict } from './district-plan.ts';
import { bboxOf, pointInMultiPolygon, type MultiPolygonRings } from './geometry.ts';
import { areaKm2, differenceParts, dropSlivers, intersectParts, polygonAreaKm2, unionParts } from './polygon-ops.ts';
import type { UnitList, Units2021 } from './units.ts';

/** A witness carve smaller than this is misalignment between the two sources, not a transfer. */
export const CARVE_MIN_KM2 = 1;

export interface Carve {
  commune: string;
  target: string;
}

/** Witness evidence for every polygon: 2025 communes to carve out and where they go. */
export function witnessCarves(
  polygons: Map<string, { rings: MultiPolygonRings; provinceCode: string; major: string | null }>,
  predecessors: Map<string, LinkEnd[]>,
  units2021: Units2021,
  oldList: UnitList,
  labelPoints: Map<string, Position>,
): Map<string, Carve[]> {
  const boxes = [...polygons].map(([code, p]) => ({ code, box: bboxOf(p.rings), ...p }));
  const carves = new Map<string, Carve[]>();
  for (const [commune, preds] of predecessors) {
    const label = labelPoints.get(commune);
    if (!label) continue;
    const home = boxes.find(
      (b) =>
        label[0] >= b.box[0] &&
        label[0] <= b.box[2] &&
        label[1] >= b.box[1] &&
        label[1] <= b.box[3] &&
        pointInMultiPolygon(label, b.rings),
    );
    if (!home) continue;
    const known = preds.map((p) => units2021.communeDistrict.get(p.code)).filter((d): d is string => d !== undefined);
    if (known.length === 0 || known.includes(home.code)) continue;
    const target = voteOldDistrict(preds, (o) => oldList.byCode.get(o)?.parentCode ?? undefined);
    if (!target || target === home.major || oldList.byCode.get(target)?.provinceCode !== home.provinceCode) continue;
    carves.set(home.code, [...(carves.get(home.code) ?? []), { commune, target }]);
  }
  return carves;
}

export interface Division {
  /** district → its piece of the polygon. */
  pieces: Map<string, MultiPolygonRings>;
  /** km² carved on witness evidence, per receiving district. */
  carvedKm2: Map<string, number>;
  problems: string[];
}

/**
 * Cuts `rings` into the major district's part and the pieces of the others: each assignment's
 * 2025 commune clipped to the polygon; the major keeps the rest; small leftovers between pieces
 * go to the nearest piece so no district gets stray crumbs.
 */
export function dividePolygon(
  polygonCode: string,
  rings: MultiPolygonRings,
  major: string,
  assignments: { commune: string; target: string; witness: boolean }[],
  newCommunes: Map<string, MultiPolygonRings>,
): Division {
  const problems: string[] = [];
  const collected = new Map<string, MultiPolygonRings[]>();
  const carvedKm2 = new Map<string, number>();
  for (const a of assignments) {
    const commune = newCommunes.get(a.commune);
    if (!commune || a.target === major) continue;
    try {
      const piece = dropSlivers(intersectParts(rings, commune));
      if (piece.length === 0) continue;
      const km2 = areaKm2(piece);
      if (a.witness && km2 < CARVE_MIN_KM2) continue;
      collected.set(a.target, [...(collected.get(a.target) ?? []), piece]);
      if (a.witness) carvedKm2.set(a.target, (carvedKm2.get(a.target) ?? 0) + km2);
    } catch (error) {
      problems.push(
        `dividing ${polygonCode}: intersection with 2025 commune ${a.commune} failed (${(error as Error).message})`,
      );
    }
  }
  const minors = new Map<string, MultiPolygonRings>();
  for (const [district, pieces] of collected) {
    const merged = dropSlivers(unionParts(pieces));
    if (merged.length > 0) minors.set(district, merged);
  }
  let rest = rings;
  try {
    rest = differenceParts(rings, unionParts([...minors.values()]));
  } catch (error) {
    problems.push(
      `dividing ${polygonCode}: difference failed (${(error as Error).message}); the whole polygon stays with ${major}`,
    );
    return { pieces: new Map([[major, rings]]), carvedKm2: new Map(), problems };
  }
  const { kept, strays } = splitStrays(rest);
  const pieces = new Map<string, MultiPolygonRings>([[major, kept], ...minors]);
  for (const stray of strays) {
    const to = nearest(stray, minors) ?? major;
    pieces.set(to, [...(pieces.get(to) ?? []), stray]);
  }
  return { pieces, carvedKm2, problems };
}

/** The largest part and any part of real size stay; small leftovers are strays. */
function splitStrays(rings: MultiPolygonRings): { kept: MultiPolygonRings; strays: MultiPolygonRings } {
  if (rings.length <= 1) return { kept: rings, strays: [] };
  const sized = rings.map((polygon) => ({ polygon, km2: polygonAreaKm2(polygon) }));
  const largest = Math.max(...sized.map((s) => s.km2));
  const isStray = (km2: number) => km2 < Math.max(0.5, largest * 0.02);
  return {
    kept: sized.filter((s) => s.km2 === largest || !isStray(s.km2)).map((s) => s.polygon),
    strays: sized.filter((s) => s.km2 !== largest && isStray(s.km2)).map((s) => s.polygon),
  };
}

/** The piece whose bbox is closest to the stray's centre (strays sit between pieces). */
function nearest(stray: MultiPolygonRings[number], pieces: Map<string, MultiPolygonRings>): string | null {
  const b = bboxOf([stray]);
  const cx = (b[0] + b[2]) / 2;
  const cy = (b[1] + b[3]) / 2;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const [district, piece] of pieces) {
    const p = bboxOf(piece);
    const dx = Math.max(p[0] - cx, 0, cx - p[2]);
    const dy = Math.max(p[1] - cy, 0, cy - p[3]);
    if (dx * dx + dy * dy < bestDistance) {
      bestDistance = dx * dx + dy * dy;
      best = district;
    }
  }
  return best;
}
