// Checks that each 2021 district polygon is where its communes are. The 2025 communes are an
// independent witness: a 2025 commune whose predecessors all sat in one 2021 district should lie
// inside that district's polygon. In the dvhcvn GIS set two pairs of neighbours carry each
// other's codes (Lai Châu: 108 Sìn Hồ ↔ 109 Phong Thổ; Bình Dương: 723 Tân Uyên ↔ 726 Bắc Tân
// Uyên): every witness of one falls in the other. Such mutual pairs are swapped back and reported;
// one-sided displacement is only reported.
import type { Position } from 'geojson';
import type { LinkEnd } from './crosswalk.ts';
import { bboxOf, pointInMultiPolygon, toMultiPolygon, type BBox, type MultiPolygonRings } from './geometry.ts';
import type { BoundaryFeature } from './read-sources.ts';
import type { Units2021 } from './units.ts';

export interface PolygonSwap {
  a: string;
  b: string;
  evidence: string;
}

export interface IdentityResult {
  swaps: PolygonSwap[];
  /** Polygons most of whose witnesses fall elsewhere, without a mutual partner. */
  displaced: string[];
}

const MIN_WITNESSES = 3;
const MIN_WITNESSES_PAIR = 4;
const MAX_AT_HOME = 0.2;
const MIN_AT_OTHER = 0.6;

export function checkPolygonIdentity(
  polygons: Map<string, BoundaryFeature>,
  predecessors: Map<string, LinkEnd[]>,
  units2021: Units2021,
  newLabelPoints: Map<string, Position>,
): IdentityResult {
  const shapes: { code: string; box: BBox; rings: MultiPolygonRings }[] = [...polygons].map(([code, f]) => {
    const rings = toMultiPolygon(f.geometry);
    return { code, box: bboxOf(rings), rings };
  });
  const containing = (p: Position): string | null => {
    for (const s of shapes) {
      if (p[0] < s.box[0] || p[0] > s.box[2] || p[1] < s.box[1] || p[1] > s.box[3]) continue;
      if (pointInMultiPolygon(p, s.rings)) return s.code;
    }
    return null;
  };
  // Witnesses: 2025 communes whose predecessors all sat in the same 2021 district.
  const fallsIn = new Map<string, Map<string, number>>();
  for (const [code, preds] of predecessors) {
    const districts = new Set(preds.map((p) => units2021.communeDistrict.get(p.code)));
    const label = newLabelPoints.get(code);
    if (districts.size !== 1 || !label) continue;
    const home = [...districts][0];
    if (!home || !polygons.has(home)) continue;
    const where = containing(label) ?? 'none';
    const tally = fallsIn.get(home) ?? new Map<string, number>();
    tally.set(where, (tally.get(where) ?? 0) + 1);
    fallsIn.set(home, tally);
  }
  const elsewhere = new Map<string, { other: string; share: number; total: number; atHome: number }>();
  for (const [home, tally] of fallsIn) {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    const atHome = tally.get(home) ?? 0;
    const [other, count] = [...tally].filter(([c]) => c !== home).sort((x, y) => y[1] - x[1])[0] ?? ['none', 0];
    if (atHome / total <= MAX_AT_HOME && count / total >= MIN_AT_OTHER)
      elsewhere.set(home, { other, share: count / total, total, atHome });
  }
  const swaps: PolygonSwap[] = [];
  const displaced: string[] = [];
  for (const [a, e] of elsewhere) {
    const back = elsewhere.get(e.other);
    const sameProvince = polygons.get(a)?.properties.provinceCode === polygons.get(e.other)?.properties.provinceCode;
    // A pair is swapped when each one's witnesses lie in the other, with enough witnesses in all.
    if (back?.other === a && sameProvince && e.total + back.total >= MIN_WITNESSES_PAIR) {
      if (a < e.other) {
        swaps.push({
          a,
          b: e.other,
          evidence: `${e.total - e.atHome}/${e.total} 2025 communes from ${a} lie in polygon ${e.other}, ${back.total - back.atHome}/${back.total} from ${e.other} in polygon ${a}`,
        });
      }
    } else if (e.total >= MIN_WITNESSES)
      displaced.push(
        `${a}: ${(e.share * 100).toFixed(0)}% of ${e.total} 2025 communes from it lie in polygon ${e.other}`,
      );
  }
  return { swaps, displaced };
}

/** The polygons with each swapped pair's geometries exchanged (codes and names stay). */
export function applySwaps(polygons: Map<string, BoundaryFeature>, swaps: PolygonSwap[]): Map<string, BoundaryFeature> {
  const fixed = new Map(polygons);
  for (const { a, b } of swaps) {
    const fa = polygons.get(a)!;
    const fb = polygons.get(b)!;
    fixed.set(a, { ...fa, geometry: fb.geometry });
    fixed.set(b, { ...fb, geometry: fa.geometry });
  }
  return fixed;
}
