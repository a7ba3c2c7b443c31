// indicators.values: one indicator for every unit of a level. Counts come from poverty_review
// (values-review.ts: one GROUP BY) or, for a 2025 year without 2025 review rows, from pre-2025
// rows carried over the crosswalk (values-crosswalk.ts); every indicator is then computed from
// summed counts with core/poverty (never an average of the children's rates).
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import { COUNT_KEYS, type CountKey, type ReviewCounts } from '../../core/poverty/counts.ts';
import { computeIndicator, type IndicatorDef } from '../../core/poverty/indicators.ts';
import { standardForYear } from '../../core/poverty/standard.ts';
import type { Database, StructureId, UnitLevel } from '../db/schema.ts';
import { reviewYears, yearSource } from './review-years.ts';
import { crosswalkCounts, type YearCounts } from './values-crosswalk.ts';
import { nativeCounts } from './values-review.ts';

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
  /** 'crosswalk' when a year it rests on (the asked one, or the previous one of a change) came from pre-2025 rows through unit_link. */
  via: 'crosswalk' | null;
  /** Codes (a subset of `codes`) whose value relies on an assumed split of an old unit or lacks a predecessor's row. */
  partial: string[];
}

/** Columns of the answered unit `g`, for ctx.scope.condition. */
export const ANSWERED_UNIT_COLUMNS = { structure: 'g.structure', code: 'g.code', level: 'g.level', provinceCode: 'g.province_code' };

export async function indicatorValues(db: Kysely<Database>, q: ValuesQuery): Promise<IndicatorValues> {
  const base = { structure: q.structure, level: q.level, year: q.year, indicator: q.def.key, unit: q.def.unit };
  return q.def.kind === 'category'
    ? { ...base, ...(await coordinationValues(db, q)), via: null, partial: [] }
    : { ...base, ...(await reviewValues(db, q)) };
}

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

const EMPTY_YEAR: YearCounts = { counts: new Map(), inexact: new Set(), simulated: false, sources: [] };

async function reviewValues(db: Kysely<Database>, q: ValuesQuery) {
  const needsPrevious = q.def.kind === 'change' || q.def.kind === 'target-gap';
  // a change across two poverty standards is a change of ruler: no previous year then
  const comparable = standardForYear(q.year) !== null && standardForYear(q.year) === standardForYear(q.year - 1);
  const available = await reviewYears(db, q.structure);
  // On 2025 units a change is shown only for years with 2025 reviews (2025), its previous year
  // through the crosswalk; years that are wholly pre-2025 have their changes on the old map.
  const previousYear = needsPrevious && comparable && yearSource(available, q.year) !== 'crosswalk' ? q.year - 1 : null;
  const years = previousYear === null ? [q.year] : [previousYear, q.year];
  const native = years.filter((y) => yearSource(available, y) !== 'crosswalk');
  const carried = years.filter((y) => yearSource(available, y) === 'crosswalk');
  const columns = neededColumns(q.def);

  const [own, crossed] = await Promise.all([
    native.length === 0
      ? null
      : nativeCounts(db, { ...q, years: native, columns, targetIndicator: q.def.kind === 'target-gap' ? (q.def.targetIndicator ?? '') : null }),
    carried.length === 0
      ? null
      : crosswalkCounts(db, {
          level: q.level === 'province' ? 'province' : 'commune',
          years: carried,
          columns,
          scope: q.scope,
          parentCode: q.parent?.code ?? null,
        }),
  ]);
  const yearCounts = (y: number | null): YearCounts => (y === null ? EMPTY_YEAR : (own?.byYear.get(y) ?? crossed?.get(y) ?? EMPTY_YEAR));
  const current = yearCounts(q.year);
  const previous = yearCounts(previousYear);

  const codes = [...current.counts.keys(), ...[...previous.counts.keys()].filter((c) => !current.counts.has(c))].sort();
  const values = codes.map((code) =>
    round(
      computeIndicator(q.def.key, {
        counts: current.counts.get(code) ?? null,
        previous: previous.counts.get(code) ?? null,
        target: own?.targets.get(code) ?? null,
      }),
      q.def.decimals,
    ),
  );
  return {
    codes,
    values,
    simulated: current.simulated || previous.simulated || (own?.targetSimulated ?? false),
    source: summariseSources([...current.sources, ...previous.sources]),
    via: carried.length > 0 ? ('crosswalk' as const) : null,
    partial: codes.filter((c) => current.inexact.has(c) || previous.inexact.has(c)),
  };
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
