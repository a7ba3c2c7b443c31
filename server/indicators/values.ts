// The queries behind indicators.values: one GROUP BY over poverty_review per call. Each review row
// is a leaf (a commune, or one of the few pre-2025 island districts without communes); a parent's
// counts are the sums of its leaves' counts, grouped in SQL on the leaf's ancestor (pre-2025:
// commune → district by unit.parent_code, → province by unit.province_code), and every indicator
// is computed from those sums with core/poverty (never an average of the children's rates).
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { COUNT_KEYS, emptyCounts, type CountKey, type ReviewCounts } from '../../core/poverty/counts.ts';
import { computeIndicator, type IndicatorDef } from '../../core/poverty/indicators.ts';
import { standardForYear } from '../../core/poverty/standard.ts';
import type { Database, StructureId, UnitLevel } from '../db/schema.ts';

export interface ValuesQuery {
  structure: StructureId;
  level: UnitLevel;
  year: number;
  def: IndicatorDef;
  /** Restricts to the units below this one (already looked up and allowed). */
  parent?: { code: string; level: UnitLevel } | null;
  /** The caller's scope as a condition on the `g` (answered unit) columns. */
  scope: RawBuilder<SqlBool>;
}

export interface IndicatorValues {
  structure: StructureId;
  level: UnitLevel;
  year: number;
  indicator: string;
  unit: string;
  /** Unit codes, ascending; values[i] belongs to codes[i] (null = not computable). */
  codes: string[];
  values: (number | null)[];
  /** True when any simulated (demo) row contributed. */
  simulated: boolean;
  /** The contributing rows' sources, summarised. */
  source: string;
}

/** Columns of the answered unit `g`, for ctx.scope.condition. */
export const ANSWERED_UNIT_COLUMNS = { structure: 'g.structure', code: 'g.code', level: 'g.level', provinceCode: 'g.province_code' };

export async function indicatorValues(db: Kysely<Database>, q: ValuesQuery): Promise<IndicatorValues> {
  const base = { structure: q.structure, level: q.level, year: q.year, indicator: q.def.key, unit: q.def.unit };
  return q.def.kind === 'category' ? { ...base, ...(await coordinationValues(db, q)) } : { ...base, ...(await reviewValues(db, q)) };
}

const groupKeyOf = (level: UnitLevel): Expression<string> =>
  level === 'commune'
    ? sql.ref<string>('u.code')
    : level === 'district'
      ? sql<string>`case when ${sql.ref('u.level')} = 'district' then ${sql.ref('u.code')} else ${sql.ref('u.parent_code')} end`
      : sql.ref<string>('u.province_code');

/** A column's sum, null when any row of the group lacks it (core/poverty/aggregate.ts sumCounts). */
const strictSum = (key: CountKey) => sql<number | string | null>`case when count(${sql.ref(`r.${key}`)}) = count(*) then sum(${sql.ref(`r.${key}`)}) end`.as(key);

/**
 * The count columns an indicator reads: every compute in the catalogue gives null when a count it
 * needs is null ("not reported"), so nulling each column in turn finds them. Fewer columns keep
 * the national GROUP BY cheap (2 of 18 for a rate).
 */
const NEEDED = new Map<string, CountKey[]>();
export function neededColumns(def: IndicatorDef): CountKey[] {
  let keys = NEEDED.get(def.key);
  if (keys) return keys;
  const ones = Object.fromEntries(COUNT_KEYS.map((k) => [k, 1000])) as ReviewCounts;
  const probe = (counts: ReviewCounts, previous: ReviewCounts) => def.compute({ counts, previous, target: 0 });
  keys = probe(ones, ones) === null ? [...COUNT_KEYS] : COUNT_KEYS.filter((k) => probe({ ...ones, [k]: null }, { ...ones, [k]: null }) === null);
  NEEDED.set(def.key, keys);
  return keys;
}

/** Copied per row (a spread is ~50× cheaper than Object.fromEntries for 10,000 communes). */
const NO_COUNTS: ReviewCounts = Object.freeze(emptyCounts());

interface GroupRow {
  code: string;
  year: number | string;
  simulated: number | string | null;
  source_min: string | null;
  source_max: string | null;
  target: number | string | null;
  [count: string]: unknown;
}

async function reviewValues(db: Kysely<Database>, q: ValuesQuery) {
  const needsPrevious = q.def.kind === 'change' || q.def.kind === 'target-gap';
  // a change across two poverty standards is a change of ruler: no previous year then
  const comparable = standardForYear(q.year) !== null && standardForYear(q.year) === standardForYear(q.year - 1);
  const years = needsPrevious && comparable ? [q.year - 1, q.year] : [q.year];
  const targetIndicator = q.def.kind === 'target-gap' ? (q.def.targetIndicator ?? '') : null;
  const columns = neededColumns(q.def);

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
    .where('r.year', 'in', years)
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
    ? measured.select(sql<null>`null`.as('target'))
    : leaves
      ? measured
          .leftJoin('target as t', (j) =>
            j.onRef('t.structure', '=', 'r.structure').onRef('t.unit_code', '=', 'g.code').onRef('t.year', '=', 'r.year').on('t.indicator', '=', targetIndicator),
          )
          .select('t.value as target')
      : measured
          .leftJoin('target as t', (j) =>
            j.onRef('t.structure', '=', 'r.structure').onRef('t.unit_code', '=', 'g.code').onRef('t.year', '=', 'r.year').on('t.indicator', '=', targetIndicator),
          )
          // one target row at most per review row (unique key), so the sums are unchanged
          .select((eb) => eb.fn.max('t.value').as('target'))
  ).execute()) as unknown as GroupRow[];

  const current = new Map<string, GroupRow>();
  const previous = new Map<string, GroupRow>();
  for (const row of rows) (Number(row.year) === q.year ? current : previous).set(row.code, row);
  const codes = [...current.keys(), ...[...previous.keys()].filter((c) => !current.has(c))].sort();
  const countsOf = (row: GroupRow | undefined): ReviewCounts | null => {
    if (!row) return null;
    const counts = { ...NO_COUNTS };
    for (const k of columns) counts[k] = row[k] === null || row[k] === undefined ? null : Number(row[k]);
    return counts;
  };
  const values = codes.map((code) => {
    const now = current.get(code);
    const value = computeIndicator(q.def.key, {
      counts: countsOf(now),
      previous: countsOf(previous.get(code)),
      target: now?.target === null || now?.target === undefined ? null : Number(now.target),
    });
    return round(value, q.def.decimals);
  });
  const sources = new Set<string | null>();
  for (const r of rows) sources.add(r.source_min).add(r.source_max);
  return { codes, values, simulated: rows.some((r) => Number(r.simulated) === 1), source: summariseSources([...sources]) };
}

async function coordinationValues(db: Kysely<Database>, q: ValuesQuery) {
  const rows = await db
    .selectFrom('coordination_status as c')
    .innerJoin('unit as g', (j) => j.onRef('g.structure', '=', 'c.structure').onRef('g.code', '=', 'c.province_code'))
    .where('c.structure', '=', q.structure)
    .where('c.year', '=', q.year)
    .where('g.level', '=', 'province')
    .where(q.scope)
    .select(['g.code as code', 'c.signed', 'c.reported', 'c.source'])
    .orderBy('g.code')
    .execute();
  const flag = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    codes: rows.map((r) => r.code),
    values: rows.map((r) => computeIndicator(q.def.key, { counts: null, coordination: { signed: flag(r.signed), reported: flag(r.reported) } })),
    // BC 150/BC-LĐTBXH is a published report, not demo data
    simulated: false,
    source: summariseSources(rows.map((r) => r.source)),
  };
}

/** Two more decimals than the catalogue shows: compact, and still exact enough to classify. */
function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const f = 10 ** (decimals + 2);
  return Math.round(value * f) / f;
}

/**
 * Distinct sources: up to three joined with " | "; more (the demo writes one per province and
 * year) as their common beginning and how many there are.
 */
export function summariseSources(sources: readonly (string | null | undefined)[]): string {
  const distinct = [...new Set(sources.filter((s): s is string => typeof s === 'string' && s.trim() !== ''))].sort();
  if (distinct.length === 0) return '';
  if (distinct.length <= 3) return distinct.join(' | ');
  let prefix = distinct[0]!;
  for (const s of distinct) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = [';', ':', ','].map((c) => prefix.lastIndexOf(c)).find((i) => i > 0) ?? -1;
  prefix = (cut > 0 ? prefix.slice(0, cut) : prefix).trim();
  return `${prefix ? `${prefix} … ` : ''}(${distinct.length} nguồn / sources)`;
}
