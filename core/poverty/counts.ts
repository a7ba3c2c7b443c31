// The counts of one poverty review row (kết quả rà soát hộ nghèo, hộ cận nghèo) and their names.
// Everything shown on a map is computed from these counts after summing them, never from rates
// (DESIGN.md "Data flow" 4; DOMAIN.md: a parent's rate is Σ children's counts / Σ households).

/** Households deprived in each NĐ 07/2021 indicator, numbered as in its annex (d01 việc làm … d12 phương tiện tiếp cận thông tin). */
export const DEPRIVATION_KEYS = ['d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08', 'd09', 'd10', 'd11', 'd12'] as const;
export type DeprivationKey = (typeof DEPRIVATION_KEYS)[number];

/** The flow of poor households between two reviews: poor_t = poor_{t-1} - escaped + newly_poor + re_poor. */
export const FLOW_KEYS = ['escaped', 'newly_poor', 're_poor'] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

/** Column names as in the poverty_review table. */
export const COUNT_KEYS = ['households', 'poor', 'near_poor', ...FLOW_KEYS, ...DEPRIVATION_KEYS] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** null = not reported for this unit and year (never the same as 0). */
export type ReviewCounts = Record<CountKey, number | null>;

export function emptyCounts(): ReviewCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, null])) as ReviewCounts;
}

/** Fills the keys a partial row does not name with null. */
export function toCounts(row: Partial<Record<CountKey, number | null>>): ReviewCounts {
  const counts = emptyCounts();
  for (const key of COUNT_KEYS) counts[key] = row[key] ?? null;
  return counts;
}

/** Households that were poor at the start of the year, recovered from one row's flows. */
export function poorAtStartOfYear(c: Pick<ReviewCounts, 'poor' | FlowKey>): number | null {
  if (c.poor === null || c.escaped === null || c.newly_poor === null || c.re_poor === null) return null;
  return c.poor + c.escaped - c.newly_poor - c.re_poor;
}
