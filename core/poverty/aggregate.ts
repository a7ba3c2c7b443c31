// Aggregation of review counts to parents: a parent's counts are the sums of its children's
// counts, and its rates are sums over sums (Σ poor / Σ households), never an average of the
// children's rates (DESIGN.md, DOMAIN.md). An average of rates would weigh a ward of 300
// households like a commune of 3,000.
import { COUNT_KEYS, type CountKey, type ReviewCounts } from './counts.ts';

/** Copied per call: a spread is much cheaper than Object.fromEntries (thousands of groups a call). */
const ZERO_COUNTS: Readonly<Record<CountKey, number>> = Object.freeze(Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Record<CountKey, number>);

/** Summed counts of `units` rows. */
export interface CountSums extends ReviewCounts {
  units: number;
}

/**
 * Column-wise sums. A column is null when ANY row lacks it: a sum over the communes that happen
 * to report would understate the parent and make its rate look like a whole-unit figure.
 */
export function sumCounts(rows: Iterable<Partial<Record<CountKey, number | null>>>): CountSums {
  const sums: Record<CountKey, number | null> = { ...ZERO_COUNTS };
  let units = 0;
  for (const row of rows) {
    units++;
    for (const key of COUNT_KEYS) {
      const value = row[key];
      const sum = sums[key];
      sums[key] = sum === null || value === null || value === undefined ? null : sum + value;
    }
  }
  if (units === 0) for (const key of COUNT_KEYS) sums[key] = null;
  return { ...(sums as ReviewCounts), units };
}

/** Groups rows by `keyOf` (e.g. the province of a commune) and sums each group; null keys are left out. */
export function aggregateBy<T>(
  rows: Iterable<T>,
  keyOf: (row: T) => string | null,
  countsOf: (row: T) => Partial<Record<CountKey, number | null>>,
): Map<string, CountSums> {
  const groups = new Map<string, Partial<Record<CountKey, number | null>>[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(countsOf(row));
  }
  return new Map([...groups].map(([key, group]) => [key, sumCounts(group)]));
}

/** numerator / denominator in percent; null when either is missing or the denominator is 0. */
export function percent(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return (100 * numerator) / denominator;
}

/** Poor-household rate (tỷ lệ hộ nghèo), %: poor / households. */
export const poorRate = (c: Pick<ReviewCounts, 'poor' | 'households'>): number | null => percent(c.poor, c.households);

/** Near-poor-household rate (tỷ lệ hộ cận nghèo), %: near_poor / households. */
export const nearPoorRate = (c: Pick<ReviewCounts, 'near_poor' | 'households'>): number | null => percent(c.near_poor, c.households);

/** Poor plus near-poor households (hộ nghèo và hộ cận nghèo). */
export function poorAndNearPoor(c: Pick<ReviewCounts, 'poor' | 'near_poor'>): number | null {
  return c.poor === null || c.near_poor === null ? null : c.poor + c.near_poor;
}
