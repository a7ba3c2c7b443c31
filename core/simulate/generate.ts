// The demo generator: registry units + real figures → simulated poverty_review rows for
// 2022-2024 (pre-2025 communes) and 2025 (2025 communes), the real figures as observation rows,
// and programme targets. Pure and deterministic: the same seed and inputs give the same rows.
//
// Real vs simulated (the rule every row follows):
// - poverty_review holds only leaf rows (communes; island districts without communes), all
//   simulated = 1, because no commune review is public. A parent's figures are always the sum of
//   its leaves, never a stored row of its own, so nothing is counted twice.
// - A real provincial figure could be a poverty_review row with simulated = 0 only if every count
//   in that row were real. None is (no province publishes flows or deprivations with its totals),
//   so real figures — national, regional, provincial — are observation rows (simulated = 0, as
//   published) and the raking targets the simulated leaves sum to exactly. The province's sum is
//   then real while each of its rows is not.
import { aggregateBy } from '../poverty/aggregate.ts';
import { NATIONAL_CODE, regionByName, type RegionKey } from '../poverty/regions.ts';
import { baseModel, NO_OFFSETS, withOffsets, type ModelOffsets } from './model.ts';
import { observationRows } from './observations.ts';
import { learnOffsets } from './offsets.ts';
import { PRE2025_YEARS, YEAR_2025 } from './params.ts';
import { simulatePre2025, type YearCounts } from './pre2025-years.ts';
import { programmeTargets } from './programme-targets.ts';
import { deriveTargets, type Provenance, type YearTargets } from './real-targets.ts';
import type { FigureSet } from './reference-figures.ts';
import { persistentDeprivationNoise, reviewRows } from './rows.ts';
import { simulatedSource } from './sources.ts';
import { simulate2025, type Result2025 } from './structure-2025.ts';
import type { ObservationOut, SimLink, SimReviewRow, SimUnit, Structure, TargetOut } from './types.ts';
import { buildTree, type Leaf, type UnitTree } from './unit-tree.ts';

export const DEFAULT_SEED = 20250701;

export interface DemoInput {
  seed: number;
  pre2025: readonly SimUnit[];
  units2025: readonly SimUnit[];
  links: readonly SimLink[];
  figures: FigureSet;
}

/** One target the simulation had to hit, and what its leaves sum to. */
export interface TotalCheck {
  structure: Structure;
  year: number;
  node: string;
  variable: 'households' | 'poor' | 'nearPoor';
  target: number;
  provenance: Provenance;
  how: string;
  simulated: number;
}

export interface DemoOutput {
  seed: number;
  reviews: SimReviewRow[];
  observations: ObservationOut[];
  targets: TargetOut[];
  checks: TotalCheck[];
  notes: string[];
  excluded: string[];
}

interface Pass {
  years: YearCounts[];
  y2025: Result2025;
}

export function generateDemo(input: DemoInput): DemoOutput {
  const { seed } = input;
  const pre = buildTree('pre2025', input.pre2025);
  const tree2025 = buildTree('2025', input.units2025);
  const regionOfProvince = new Map<string, RegionKey>();
  for (const u of input.pre2025) {
    const region = u.level === 'province' ? regionByName(u.region) : undefined;
    if (region) regionOfProvince.set(u.code, region.key);
  }
  const unchangedProvinces = unchanged(input.links);
  const derived = deriveTargets({ figures: input.figures.figures, years: PRE2025_YEARS, regionOfProvince, unchangedProvinces });
  const decline = declineRatio(derived.years);

  const model = baseModel(pre, seed);
  const run = (offsets: ModelOffsets): Pass => {
    const years = simulatePre2025(pre, withOffsets(model, pre, offsets), PRE2025_YEARS, derived.years, seed);
    const y2025 = simulate2025(pre, years[years.length - 1], tree2025, input.links, input.figures.figures, decline.ratio, decline.how, seed);
    return { years, y2025 };
  };
  const first = run(NO_OFFSETS);
  const pass = run(learnOffsets(pre, first.years, tree2025, first.y2025.counts, unchangedProvinces, input.figures.figures));

  const reviews: SimReviewRow[] = [];
  const persistent = persistentDeprivationNoise(seed);
  pass.years.forEach((counts, k) => {
    const sources = sourceCache(pre, derived.years.get(counts.year)!, seed);
    reviews.push(...reviewRows(pre, 'pre2025', counts, k > 0 ? pass.years[k - 1].poor : null, seed, sources, persistent));
  });
  reviews.push(...reviewRows(tree2025, '2025', pass.y2025.counts, pass.y2025.base.poor, seed, sourceCache(tree2025, pass.y2025.targets, seed, decline.how)));

  const checks = [
    ...pass.years.flatMap((c) => checksFor(pre, 'pre2025', c, derived.years.get(c.year)!)),
    ...checksFor(tree2025, '2025', pass.y2025.counts, pass.y2025.targets),
  ];
  return {
    seed,
    reviews,
    observations: observationRows(input.figures.figures),
    targets: targets(input, pre, tree2025, reviews, pass.y2025, seed),
    checks,
    notes: [
      ...derived.notes,
      ...pass.y2025.notes,
      `2025: ${decline.how}`,
      ...input.figures.skipped.map((s) => `${s.file}: ${s.row} — bỏ qua / skipped: ${s.reason}`),
    ],
    excluded: [...pre.excluded, ...tree2025.excluded],
  };
}

/** 2025 provinces that are exactly one pre-2025 province, wholly (Lạng Sơn, Điện Biên, …). */
function unchanged(links: readonly SimLink[]): Map<string, string> {
  const from = new Map<string, string[]>();
  const to = new Map<string, string[]>();
  for (const l of links) {
    if (l.level !== 'province') continue;
    from.set(l.toCode, [...(from.get(l.toCode) ?? []), l.fromCode]);
    to.set(l.fromCode, [...(to.get(l.fromCode) ?? []), l.toCode]);
  }
  const out = new Map<string, string>();
  for (const [code, olds] of from) if (olds.length === 1 && to.get(olds[0])?.length === 1) out.set(code, olds[0]);
  return out;
}

/** The latest real national change in poor + near-poor households, applied once more for 2025. */
function declineRatio(years: ReadonlyMap<number, YearTargets>): { ratio: number; how: string } {
  const total = (y: number) => {
    const t = years.get(y);
    const p = t?.poor.get(NATIONAL_CODE);
    const n = t?.nearPoor.get(NATIONAL_CODE);
    return p && n ? p.value + n.value : null;
  };
  const last = PRE2025_YEARS[PRE2025_YEARS.length - 1];
  const now = total(last);
  const before = total(last - 1);
  if (now === null || before === null) return { ratio: 1, how: 'không có thay đổi thực để áp dụng / no real change: 2025 = 2024' };
  const ratio = now / before;
  return { ratio, how: `năm 2024 × ${ratio.toFixed(4)} (= hộ nghèo + cận nghèo toàn quốc ${last}/${last - 1}: ${now}/${before})` };
}

/** One source text per (province, year): the real totals above the leaf's province. */
function sourceCache(tree: UnitTree, targets: YearTargets, seed: number, extra?: string): (leaf: Leaf) => string {
  const cache = new Map<string, string>();
  return (leaf) => {
    let text = cache.get(leaf.provinceCode);
    if (text === undefined) {
      const chain = [];
      for (let node = tree.nodes.get(leaf.provinceCode) ?? null; node; node = node.parent) chain.unshift(node.key);
      // nation first, then region, then province; each in the order of the reference table
      const cited = [...new Set(chain.flatMap((key) => targets.citations.get(key) ?? []))];
      text = simulatedSource(seed, cited, extra);
      cache.set(leaf.provinceCode, text);
    }
    return text;
  };
}

function checksFor(tree: UnitTree, structure: Structure, counts: YearCounts, targets: YearTargets): TotalCheck[] {
  const out: TotalCheck[] = [];
  for (const variable of ['households', 'poor', 'nearPoor'] as const) {
    for (const [node, t] of targets[variable]) {
      const n = tree.nodes.get(node);
      if (!n) continue;
      let sum = 0;
      for (const leaf of n.leaves) sum += counts[variable][leaf];
      out.push({ structure, year: counts.year, node, variable, target: t.value, provenance: t.provenance, how: t.how, simulated: sum });
    }
  }
  return out;
}

function targets(input: DemoInput, pre: UnitTree, tree2025: UnitTree, reviews: SimReviewRow[], y2025: Result2025, seed: number): TargetOut[] {
  const provinceOf = new Map<string, string>();
  for (const t of [pre, tree2025]) for (const l of t.leaves) provinceOf.set(`${t.structure}/${l.unit.code}`, l.provinceCode);
  const sums = new Map<string, { households: number; poor: number }>();
  for (const r of reviews) {
    const key = `${r.structure}/${provinceOf.get(`${r.structure}/${r.unitCode}`)}/${r.year}`;
    const s = sums.get(key) ?? { households: 0, poor: 0 };
    s.households += r.households ?? 0;
    s.poor += r.poor ?? 0;
    sums.set(key, s);
  }
  // 2025 targets compare with the 2024 counts carried into the 2025 provinces
  const base2025 = aggregateBy(tree2025.leaves, (l) => l.provinceCode, (l) => ({ households: y2025.base.households[l.index], poor: y2025.base.poor[l.index] }));
  const rate = (h: number | null, p: number | null) => (h && p !== null ? (100 * p) / h : null);
  return programmeTargets({
    seed,
    units: { pre2025: new Set(input.pre2025.map((u) => u.code)), '2025': new Set(input.units2025.map((u) => u.code)) },
    provinces: {
      pre2025: input.pre2025.filter((u) => u.level === 'province').map((u) => u.code).sort(),
      '2025': input.units2025.filter((u) => u.level === 'province').map((u) => u.code).sort(),
    },
    poorDistricts: input.pre2025.filter((u) => u.level === 'district' && u.poorDistrict).map((u) => u.code).sort(),
    years: { pre2025: [2023, 2024], '2025': [YEAR_2025] },
    previousPoorRate: (structure, code, year) => {
      if (structure === '2025') {
        const s = base2025.get(code);
        return s ? rate(s.households, s.poor) : null;
      }
      const s = sums.get(`pre2025/${code}/${year - 1}`);
      return s ? rate(s.households, s.poor) : null;
    },
  });
}
