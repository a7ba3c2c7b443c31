// The 2025 review in the 2025 structure (34 provinces, 3,321 communes, no districts). No
// commune data exists across the reform, so the simulated 2024 commune rows are carried through
// the crosswalk (full links whole; a split old commune shared equally between its successors —
// no population per part exists — by largest remainder, so no household is lost), then a
// further year of change is applied and raked:
// - provinces with a real 2025 review (reference: Lạng Sơn, Điện Biên) to their totals;
// - all other provinces together to last year's counts × the latest real national change
//   (2024/2023 poor + near-poor, QĐ 217 / QĐ 134: 1,258,997 / 1,586,336 ≈ 0.79).
import { apportion } from '../poverty/largest-remainder.ts';
import { sharesByOldUnit } from '../poverty/crosswalk.ts';
import { NATIONAL_CODE } from '../poverty/regions.ts';
import { DEFAULT_GROWTH, NEAR_CAP, POOR_CAP, YEAR_2025 } from './params.ts';
import { rakeYear, type YearCounts } from './pre2025-years.ts';
import { Rng } from './prng.ts';
import type { TargetValue, YearTargets } from './real-targets.ts';
import type { RealFigure } from './reference-figures.ts';
import type { SimLink } from './types.ts';
import type { UnitTree } from './unit-tree.ts';

export interface Mapped2024 {
  households: Int32Array;
  poor: Int32Array;
  nearPoor: Int32Array;
}

export interface Result2025 {
  counts: YearCounts;
  /** 2024 counts carried onto the 2025 communes (the "previous year" of the 2025 rows). */
  base: Mapped2024;
  targets: YearTargets;
  notes: string[];
}

/** 2024 pre-2025 leaf counts → 2025 leaves through the crosswalk; totals are conserved. */
export function mapThroughCrosswalk(pre: UnitTree, counts2024: YearCounts, tree: UnitTree, links: readonly SimLink[], notes: string[]): Mapped2024 {
  const index = new Map(tree.leaves.map((l) => [l.unit.code, l.index]));
  const shares = sharesByOldUnit(links.filter((l) => l.level !== 'province'));
  const out: Mapped2024 = {
    households: new Int32Array(tree.leaves.length),
    poor: new Int32Array(tree.leaves.length),
    nearPoor: new Int32Array(tree.leaves.length),
  };
  for (const leaf of pre.leaves) {
    const to = (shares.get(leaf.unit.code) ?? []).filter((s) => index.has(s.toCode));
    if (to.length === 0) {
      notes.push(`pre2025/${leaf.unit.code} ${leaf.unit.name}: không có đơn vị kế thừa trong bảng chuyển đổi / no successor`);
      continue;
    }
    const weights = to.map((s) => s.share);
    for (const key of ['households', 'poor', 'nearPoor'] as const) {
      apportion(counts2024[key][leaf.index], weights).forEach((v, k) => (out[key][index.get(to[k].toCode)!] += v));
    }
  }
  for (const leaf of tree.leaves) {
    if (out.households[leaf.index] === 0) notes.push(`2025/${leaf.unit.code} ${leaf.unit.name}: không đơn vị cũ nào chuyển hộ vào / no predecessor households: no row`);
  }
  return out;
}

const logit = (p: number) => Math.log(p / (1 - p));
const clampP = (p: number) => Math.min(1 - 1e-4, Math.max(1e-4, p));

export function simulate2025(
  pre: UnitTree,
  counts2024: YearCounts,
  tree: UnitTree,
  links: readonly SimLink[],
  figures: readonly RealFigure[],
  declineRatio: number,
  declineHow: string,
  seed: number,
): Result2025 {
  const notes: string[] = [];
  const base = mapThroughCrosswalk(pre, counts2024, tree, links, notes);
  const n = tree.leaves.length;
  const logSize = new Float64Array(n);
  const eta = new Float64Array(n);
  const zeta = new Float64Array(n);
  for (const leaf of tree.leaves) {
    const i = leaf.index;
    const h = base.households[i];
    const p = base.poor[i];
    const rng = new Rng(seed, '2025', leaf.unit.code);
    logSize[i] = Math.log(h) + Math.log1p(DEFAULT_GROWTH) + 0.006 * rng.normal();
    // last year's rates, smoothed so a commune with 0 poor is not at logit −∞
    eta[i] = logit(clampP((p + 0.5) / (h + 1) / POOR_CAP)) + 0.12 * rng.normal();
    zeta[i] = logit(clampP((base.nearPoor[i] + 0.5) / Math.max(1, NEAR_CAP * h - p))) + 0.12 * rng.normal();
  }

  const targets: YearTargets = { year: YEAR_2025, households: new Map(), poor: new Map(), nearPoor: new Map(), citations: new Map() };
  const anchored = new Set<string>();
  for (const f of figures) {
    if (f.structure !== '2025' || f.year !== YEAR_2025 || f.scope.kind !== 'province' || !tree.nodes.has(f.scope.code)) continue;
    const key = f.scope.code;
    const real = (value: number): TargetValue => ({ value, provenance: 'real', how: f.citation });
    if (f.households !== undefined) targets.households.set(key, real(f.households));
    if (f.poor !== undefined) targets.poor.set(key, real(f.poor));
    if (f.nearPoor !== undefined) targets.nearPoor.set(key, real(f.nearPoor));
    targets.citations.set(key, [f.citation]);
    anchored.add(key);
  }
  for (const [variable, baseCounts] of [['poor', base.poor], ['nearPoor', base.nearPoor]] as const) {
    let free = 0;
    let fixed = 0;
    for (const leaf of tree.leaves) if (!targets[variable].has(leaf.provinceCode)) free += baseCounts[leaf.index];
    for (const v of targets[variable].values()) fixed += v.value;
    targets[variable].set(NATIONAL_CODE, { value: Math.round(free * declineRatio) + fixed, provenance: 'derived', how: declineHow });
  }
  if (anchored.size > 0) notes.push(`2025: ${[...anchored].join(', ')} raked to their real 2025 review`);

  const counts = rakeYear(tree, '2025', logSize, eta, zeta, {
    households: new Map([...targets.households].map(([k, v]) => [k, v.value])),
    poor: new Map([...targets.poor].map(([k, v]) => [k, v.value])),
    nearPoor: new Map([...targets.nearPoor].map(([k, v]) => [k, v.value])),
  });
  return { counts: { year: YEAR_2025, ...counts }, base, targets, notes };
}
