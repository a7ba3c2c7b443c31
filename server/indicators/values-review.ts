// The native half of indicators.values: one GROUP BY over poverty_review for the asked years.
// Each review row is a leaf (a commune, or one of the few pre-2025 island districts without
// communes); a parent's counts are the sums of its leaves' counts, grouped in SQL on the leaf's
// ancestor (pre-2025: commune → district by unit.parent_code, → province by unit.province_code).
import { sql, type Expression, type Kysely } from 'kysely';
import { emptyCounts, type CountKey, type ReviewCounts } from '../../core/poverty/counts.ts';
import type { Database, UnitLevel } from '../db/schema.ts';
import type { YearCounts } from './values-crosswalk.ts';
import type { ValuesQuery } from './values.ts';

export interface ReviewCountsQuery extends Omit<ValuesQuery, 'def'> {
  years: readonly number[];
  columns: readonly CountKey[];
  /** The `target.indicator` to join for `year` (target-gap indicators), or null. */
  targetIndicator: string | null;
}

export interface NativeCounts {
  byYear: Map<number, YearCounts>;
  /** The answered units' targets for `year`. */
  targets: Map<string, number>;
  /** True when a simulated target was used (demo targets are invented, like the demo counts). */
  targetSimulated: boolean;
}

const groupKeyOf = (level: UnitLevel): Expression<string> =>
  level === 'commune'
    ? sql.ref<string>('u.code')
    : level === 'district'
      ? sql<string>`case when ${sql.ref('u.level')} = 'district' then ${sql.ref('u.code')} else ${sql.ref('u.parent_code')} end`
      : sql.ref<string>('u.province_code');

/** A column's sum, null when any row of the group lacks it (core/poverty/aggregate.ts sumCounts). */
const strictSum = (key: CountKey) => sql<number | string | null>`case when count(${sql.ref(`r.${key}`)}) = count(*) then sum(${sql.ref(`r.${key}`)}) end`.as(key);

/** Copied per row (a spread is ~50× cheaper than Object.fromEntries for 10,000 communes). */
const NO_COUNTS: ReviewCounts = Object.freeze(emptyCounts());

interface GroupRow {
  code: string;
  year: number | string;
  simulated: number | string | null;
  source_min: string | null;
  source_max: string | null;
  target: number | string | null;
  target_simulated: number | string | null;
  [count: string]: unknown;
}

export async function nativeCounts(db: Kysely<Database>, q: ReviewCountsQuery): Promise<NativeCounts> {
  const { columns, targetIndicator } = q;
  // Communes are the review rows themselves: no grouping, one row each.
  const leaves = q.level === 'commune';
  let query = (
    leaves
      ? db.selectFrom('poverty_review as r').innerJoin('unit as g', (j) => j.onRef('g.structure', '=', 'r.structure').onRef('g.code', '=', 'r.unit_code'))
      : db
          .selectFrom('poverty_review as r')
          .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'r.structure').onRef('u.code', '=', 'r.unit_code'))
          .innerJoin('unit as g', (j) => j.onRef('g.structure', '=', 'r.structure').on('g.code', '=', groupKeyOf(q.level)))
  )
    .where('r.structure', '=', q.structure)
    .where('r.year', 'in', [...q.years])
    .where('g.level', '=', q.level)
    .where(q.scope)
    .select(['g.code as code', 'r.year as year']);
  if (q.parent) query = query.where(q.parent.level === 'province' ? 'g.province_code' : 'g.parent_code', '=', q.parent.code);
  const measured = leaves
    ? query.select([...columns.map((k) => sql.ref(`r.${k}`).as(k)), 'r.simulated as simulated', 'r.source as source_min', 'r.source as source_max'])
    : query
        .select(columns.map(strictSum))
        .select((eb) => [eb.fn.max('r.simulated').as('simulated'), eb.fn.min('r.source').as('source_min'), eb.fn.max('r.source').as('source_max')])
        .groupBy(['g.code', 'r.year']);
  const rows = (await (targetIndicator === null
    ? measured.select([sql<null>`null`.as('target'), sql<null>`null`.as('target_simulated')])
    : leaves
      ? measured
          .leftJoin('target as t', (j) =>
            j.onRef('t.structure', '=', 'r.structure').onRef('t.unit_code', '=', 'g.code').onRef('t.year', '=', 'r.year').on('t.indicator', '=', targetIndicator),
          )
          .select(['t.value as target', 't.simulated as target_simulated'])
      : measured
          .leftJoin('target as t', (j) =>
            j.onRef('t.structure', '=', 'r.structure').onRef('t.unit_code', '=', 'g.code').onRef('t.year', '=', 'r.year').on('t.indicator', '=', targetIndicator),
          )
          // one target row at most per review row (unique key), so the sums are unchanged
          .select((eb) => [eb.fn.max('t.value').as('target'), eb.fn.max('t.simulated').as('target_simulated')])
  ).execute()) as unknown as GroupRow[];

  const byYear = new Map<number, YearCounts>();
  const targets = new Map<string, number>();
  let targetSimulated = false;
  for (const row of rows) {
    const year = Number(row.year);
    let out = byYear.get(year);
    if (!out) byYear.set(year, (out = { counts: new Map(), inexact: new Set(), simulated: false, sources: [] }));
    const counts = { ...NO_COUNTS };
    for (const k of columns) counts[k] = row[k] === null || row[k] === undefined ? null : Number(row[k]);
    out.counts.set(row.code, counts);
    if (Number(row.simulated) === 1) out.simulated = true;
    out.sources.push(row.source_min, row.source_max);
    if (year === q.year && row.target !== null && row.target !== undefined) {
      targets.set(row.code, Number(row.target));
      // a simulated target makes the gap to it simulated too, whatever the counts are
      if (Number(row.target_simulated) === 1) targetSimulated = true;
    }
  }
  return { byYear, targets, targetSimulated };
}
