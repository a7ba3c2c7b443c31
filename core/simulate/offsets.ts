// The generator's second pass. Raking a province to a real figure in one year would otherwise
// make it jump in the others (Hà Giang raked to 31.12 % poor in 2023 but left at its region's
// level in 2022). The first pass measures, for each province with a real figure, how far its own
// shift sits from the shift of the area around it; the second pass builds that difference into
// the province's model for every year, so the real year is hit exactly and the neighbouring
// years are consistent with it. The poor-district effect is tuned the same way to the 2023
// aggregate of the 74 poor districts (QĐ 134/QĐ-BLĐTBXH: 31.72 % poor, 16.22 % near-poor).
import type { CalibrationResult } from './calibrate.ts';
import { isPoorDistrictLeaf, type ModelOffsets } from './model.ts';
import type { YearCounts } from './pre2025-years.ts';
import type { RealFigure } from './reference-figures.ts';
import type { TreeNode, UnitTree } from './unit-tree.ts';

type Variable = 'households' | 'poor' | 'nearPoor';

/** Per province code: the province's shift minus its surroundings' shift, for each year it was raked. */
function provinceOffsets(tree: UnitTree, result: CalibrationResult, into: Map<string, number[]>, mapCode: (code: string) => string | undefined): void {
  for (const [key, shift] of result.nodeShift) {
    const node = tree.nodes.get(key);
    if (!node || node.kind !== 'province') continue;
    let around: TreeNode | null = node.parent;
    while (around && !result.nodeShift.has(around.key)) around = around.parent;
    const code = mapCode(key);
    if (code === undefined) continue;
    const list = into.get(code) ?? [];
    list.push(shift - (around ? result.nodeShift.get(around.key)! : 0));
    into.set(code, list);
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const logit = (p: number) => Math.log(p / (1 - p));

export function learnOffsets(
  pre: UnitTree,
  years: readonly YearCounts[],
  tree2025: UnitTree,
  year2025: YearCounts,
  unchangedProvinces: ReadonlyMap<string, string>,
  figures: readonly RealFigure[],
): ModelOffsets {
  const collected: Record<Variable, Map<string, number[]>> = { households: new Map(), poor: new Map(), nearPoor: new Map() };
  for (const variable of ['households', 'poor', 'nearPoor'] as const) {
    for (const y of years) provinceOffsets(pre, y.shifts[variable], collected[variable], (code) => code);
    provinceOffsets(tree2025, year2025.shifts[variable], collected[variable], (code) => unchangedProvinces.get(code));
  }
  const averaged = (m: Map<string, number[]>) => new Map([...m].map(([k, v]) => [k, mean(v)]));

  let poorDistrictPoor = 0;
  let poorDistrictNear = 0;
  const aggregate = figures.find((f) => f.scope.kind === 'poor-districts');
  const counts = aggregate ? years.find((y) => y.year === aggregate.year) : undefined;
  if (aggregate?.poorRate && aggregate.nearPoorRate && counts) {
    let h = 0;
    let p = 0;
    let n = 0;
    for (const leaf of pre.leaves) {
      if (!isPoorDistrictLeaf(leaf)) continue;
      h += counts.households[leaf.index];
      p += counts.poor[leaf.index];
      n += counts.nearPoor[leaf.index];
    }
    if (h > 0 && p > 0 && n > 0) {
      poorDistrictPoor = logit(aggregate.poorRate.value / 100) - logit(p / h);
      poorDistrictNear = logit(aggregate.nearPoorRate.value / 100) - logit(n / h);
    }
  }
  return {
    households: averaged(collected.households),
    poor: averaged(collected.poor),
    nearPoor: averaged(collected.nearPoor),
    poorDistrictPoor,
    poorDistrictNear,
  };
}
