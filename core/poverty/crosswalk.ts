// Counts across the 1 July 2025 reform: pre-2025 units → 2025 units through unit_link. A link
// is 'full' when the whole old unit went into the new one (its counts move exactly) or
// 'partial' when the old unit was split between several new ones. No household counts exist
// per part, so a partial unit's counts are split by the link's share when the crosswalk gives
// one and equally between its successors otherwise; results that depend on such a split are
// flagged (exact = false) so no one mistakes them for a count.
import { apportion } from './largest-remainder.ts';
import { COUNT_KEYS, emptyCounts, type CountKey, type ReviewCounts } from './counts.ts';
import { sumCounts, type CountSums } from './aggregate.ts';

export interface CrosswalkLink {
  fromCode: string;
  toCode: string;
  kind: 'full' | 'partial';
  /** Share of the old unit that went to the new one (0..1), when known. */
  share: number | null;
}

export interface LinkShare {
  toCode: string;
  kind: 'full' | 'partial';
  share: number;
}

/**
 * Successors of each old unit with the share of it each receives (summing to 1 per old unit).
 * Shares given by the crosswalk are used when every link of the old unit has one; otherwise the
 * old unit is split equally (documented assumption: no population per part exists).
 */
export function sharesByOldUnit(links: readonly CrosswalkLink[]): Map<string, LinkShare[]> {
  const byOld = new Map<string, CrosswalkLink[]>();
  for (const link of links) {
    let list = byOld.get(link.fromCode);
    if (!list) byOld.set(link.fromCode, (list = []));
    list.push(link);
  }
  const result = new Map<string, LinkShare[]>();
  for (const [from, list] of byOld) {
    if (list.length === 1) {
      // the common case (9 in 10 old communes): the whole unit, whatever share is written
      result.set(from, [{ toCode: list[0]!.toCode, kind: list[0]!.kind, share: 1 }]);
      continue;
    }
    const sorted = [...list].sort((a, b) => a.toCode.localeCompare(b.toCode));
    const given = sorted.every((l) => l.share !== null && l.share > 0);
    const total = given ? sorted.reduce((s, l) => s + (l.share ?? 0), 0) : sorted.length;
    result.set(
      from,
      sorted.map((l) => ({ toCode: l.toCode, kind: l.kind, share: given ? (l.share ?? 0) / total : 1 / total })),
    );
  }
  return result;
}

/** Splits one row's counts by shares, every column by largest remainder: the parts sum to the row. */
export function splitCounts(counts: Partial<Record<CountKey, number | null>>, shares: readonly number[]): ReviewCounts[] {
  if (shares.length === 1) {
    const whole = { ...NO_COUNTS };
    for (const key of COUNT_KEYS) whole[key] = counts[key] ?? null;
    return [whole];
  }
  const parts = shares.map(() => ({ ...NO_COUNTS }));
  for (const key of COUNT_KEYS) {
    const value = counts[key];
    if (value === null || value === undefined) continue;
    apportion(value, shares).forEach((v, i) => (parts[i][key] = v));
  }
  return parts;
}

/** Copied per part: a spread is much cheaper than emptyCounts()'s Object.fromEntries (10,000 rows a call). */
const NO_COUNTS: ReviewCounts = Object.freeze(emptyCounts());

export interface CrosswalkAggregate {
  counts: CountSums;
  /** True when every contribution came whole through a full link and every predecessor had data. */
  exact: boolean;
  /** Old units split between several new ones whose split share is assumed. */
  partialFrom: string[];
  /** Predecessors without a row: their households are missing from `counts`. */
  missingFrom: string[];
}

/** Sums old units' counts into new units through the crosswalk. */
export function aggregateOverCrosswalk(
  oldRows: ReadonlyMap<string, Partial<Record<CountKey, number | null>>>,
  links: readonly CrosswalkLink[],
): Map<string, CrosswalkAggregate> {
  const parts = new Map<string, { rows: Partial<Record<CountKey, number | null>>[]; partialFrom: string[]; missingFrom: string[] }>();
  const entry = (code: string) => {
    let e = parts.get(code);
    if (!e) parts.set(code, (e = { rows: [], partialFrom: [], missingFrom: [] }));
    return e;
  };
  for (const [from, shares] of sharesByOldUnit(links)) {
    const row = oldRows.get(from);
    if (!row) {
      for (const s of shares) entry(s.toCode).missingFrom.push(from);
      continue;
    }
    // one successor takes the row whole: no copy needed (sumCounts reads absent keys as null)
    const split = shares.length === 1 ? [row] : splitCounts(row, shares.map((s) => s.share));
    shares.forEach((s, i) => {
      const e = entry(s.toCode);
      e.rows.push(split[i]);
      if (s.kind === 'partial' || shares.length > 1) e.partialFrom.push(from);
    });
  }
  return new Map(
    [...parts].map(([code, e]) => [
      code,
      { counts: sumCounts(e.rows), exact: e.partialFrom.length === 0 && e.missingFrom.length === 0, partialFrom: e.partialFrom, missingFrom: e.missingFrom },
    ]),
  );
}
