// Turns a year's integer counts into poverty_review rows: flows against the previous year,
// deprivation counts, and the source text naming the real totals the row was raked to.
import { DEPRIVATION_KEYS } from '../poverty/counts.ts';
import { deprivationCounts } from './deprivations.ts';
import { flowsBetween } from './flows.ts';
import type { YearCounts } from './pre2025-years.ts';
import { Rng } from './prng.ts';
import type { SimReviewRow, Structure } from './types.ts';
import type { Leaf, UnitTree } from './unit-tree.ts';

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * The part of each commune's deprivation noise that persists from year to year (a commune short
 * of clean water stays so), drawn once per commune code.
 */
export function persistentDeprivationNoise(seed: number): (code: string) => Float64Array {
  const cache = new Map<string, Float64Array>();
  return (code) => {
    let noise = cache.get(code);
    if (!noise) {
      const rng = new Rng(seed, 'deprivation', code);
      cache.set(code, (noise = Float64Array.from(DEPRIVATION_KEYS, () => rng.normal())));
    }
    return noise;
  };
}

export function reviewRows(
  tree: UnitTree,
  structure: Structure,
  counts: YearCounts,
  /** Last year's poor per leaf (same leaves), or null when there is no comparable previous review. */
  previousPoor: ArrayLike<number> | null,
  seed: number,
  sourceFor: (leaf: Leaf) => string,
  persistent: (code: string) => Float64Array = persistentDeprivationNoise(seed),
): SimReviewRow[] {
  const { year, households, poor, nearPoor } = counts;
  let sumH = 0;
  let sumP = 0;
  for (const leaf of tree.leaves) {
    sumH += households[leaf.index];
    sumP += poor[leaf.index];
  }
  const national = logit((sumP + 0.5) / (sumH + 1));

  const rows: SimReviewRow[] = [];
  for (const leaf of tree.leaves) {
    const i = leaf.index;
    const h = households[i];
    if (h <= 0) continue; // a unit no household was carried into (none in the current crosswalk)
    const code = leaf.unit.code;
    // one stream per commune and year: flows first, then this year's deprivation noise
    const rng = new Rng(seed, 'row', structure, code, year);
    const flows = previousPoor ? flowsBetween(previousPoor[i], poor[i], h, rng.normal(), rng.normal(), rng.next()) : null;
    // relative poverty of the commune, for how deprived its poor are
    const z = Math.max(-2, Math.min(2, (logit((poor[i] + 0.5) / (h + 1)) - national) / 1.5));
    const lasting = persistent(code);
    const d = deprivationCounts(poor[i], nearPoor[i], z, year, (k) => 0.8 * lasting[k] + 0.6 * rng.normal());
    rows.push({
      structure,
      unitCode: code,
      year,
      povertyStandard: 'ND07_2021',
      households: h,
      poor: poor[i],
      near_poor: nearPoor[i],
      escaped: flows?.escaped ?? null,
      newly_poor: flows?.newly_poor ?? null,
      re_poor: flows?.re_poor ?? null,
      ...d,
      source: sourceFor(leaf),
      simulated: 1,
    });
  }
  return rows;
}
