// indicators.unit: the click panel's summary of one unit — its review counts for every year,
// rates from those counts, its own targets, and (provinces) the coordination programme status.
// A parent's counts are the sums of its leaves' rows (sumCounts: a column is null when any leaf
// lacks it); a 2025 unit's pre-reform years come through the crosswalk (values-crosswalk.ts).
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { nearPoorRate, poorRate, sumCounts } from '../../core/poverty/aggregate.ts';
import type { CountKey, ReviewCounts } from '../../core/poverty/counts.ts';
import { TARGET_INDICATORS } from '../../core/poverty/indicators.ts';
import type { Database, StructureId, UnitLevel } from '../db/schema.ts';
import { SUMMARY_COLUMNS, toSummary, withPaths, type PathStep } from '../units/unit-view.ts';
import { reviewYears } from './review-years.ts';
import { summariseSources } from './values.ts';
import { crosswalkCounts } from './values-crosswalk.ts';

const SUMMARY_COUNTS = ['households', 'poor', 'near_poor', 'escaped', 'newly_poor', 're_poor'] as const satisfies readonly CountKey[];
type SummaryCounts = Record<(typeof SUMMARY_COUNTS)[number], number | null>;

export interface UnitYear {
  year: number;
  via: 'crosswalk' | null;
  /** False when the counts rest on an assumed split of an old unit or miss a predecessor's row. */
  exact: boolean;
  counts: SummaryCounts;
  poorRate: number | null;
  nearPoorRate: number | null;
  /** The unit's own targets for the year (percentage points of reduction). */
  targets: { poor_rate_reduction: number | null; near_poor_rate_reduction: number | null };
  simulated: boolean;
  source: string;
}

export interface UnitCoordination {
  year: number;
  signed: number | null;
  reported: number | null;
  source: string;
}

export interface UnitIndicatorSummary {
  structure: StructureId;
  code: string;
  level: UnitLevel;
  /** The full name as the source writes it ("Xã Hòa Đồng"). */
  name: string;
  /** Parents, nearest first, ending with the province; empty for a province. */
  path: PathStep[];
  years: UnitYear[];
  coordination: UnitCoordination[];
}

// the access gate has already held the unit inside the caller's scope (unitInput('data'))
const WHOLE_UNIT: RawBuilder<SqlBool> = sql<SqlBool>`1 = 1`;

const pick = (counts: ReviewCounts): SummaryCounts => Object.fromEntries(SUMMARY_COUNTS.map((k) => [k, counts[k]])) as SummaryCounts;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** null when the unit does not exist (the router answers 404). */
export async function unitSummary(db: Kysely<Database>, structure: StructureId, code: string): Promise<UnitIndicatorSummary | null> {
  const unit = await db.selectFrom('unit').select(SUMMARY_COLUMNS).where('structure', '=', structure).where('code', '=', code).executeTakeFirst();
  if (!unit) return null;
  const [withPath] = await withPaths(db, [toSummary(unit)]);

  // leaves: the unit's own row (communes, island districts), a district's communes, a province's
  let leaves = db
    .selectFrom('poverty_review as r')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'r.structure').onRef('u.code', '=', 'r.unit_code'))
    .where('r.structure', '=', structure)
    .select(['r.year', 'r.simulated', 'r.source', ...SUMMARY_COUNTS.map((k) => `r.${k}` as const)]);
  leaves =
    unit.level === 'province'
      ? leaves.where('u.province_code', '=', code)
      : unit.level === 'district'
        ? leaves.where((eb) => eb.or([eb('u.code', '=', code), eb('u.parent_code', '=', code)]))
        : leaves.where('u.code', '=', code);
  const [rows, available, targets, coordination] = await Promise.all([
    leaves.execute(),
    reviewYears(db, structure),
    db
      .selectFrom('target')
      .select(['year', 'indicator', 'value'])
      .where('structure', '=', structure)
      .where('unit_code', '=', code)
      .where('indicator', 'in', [TARGET_INDICATORS.poorRateReduction, TARGET_INDICATORS.nearPoorRateReduction])
      .execute(),
    unit.level === 'province'
      ? db.selectFrom('coordination_status').select(['year', 'signed', 'reported', 'source']).where('structure', '=', structure).where('province_code', '=', code).orderBy('year').execute()
      : Promise.resolve([]),
  ]);
  const carried =
    structure === '2025' && unit.level !== 'district' && available.crosswalk.length > 0
      ? await crosswalkCounts(db, { level: unit.level, years: available.crosswalk, columns: SUMMARY_COUNTS, scope: WHOLE_UNIT, code })
      : new Map();

  const targetOf = (year: number, indicator: string) => num(targets.find((t) => Number(t.year) === year && t.indicator === indicator)?.value);
  const yearOf = (year: number, counts: ReviewCounts, extra: Pick<UnitYear, 'via' | 'exact' | 'simulated' | 'source'>): UnitYear => ({
    year,
    ...extra,
    counts: pick(counts),
    poorRate: poorRate(counts),
    nearPoorRate: nearPoorRate(counts),
    targets: {
      poor_rate_reduction: targetOf(year, TARGET_INDICATORS.poorRateReduction),
      near_poor_rate_reduction: targetOf(year, TARGET_INDICATORS.nearPoorRateReduction),
    },
  });

  const years: UnitYear[] = [];
  for (const year of [...new Set(rows.map((r) => Number(r.year)))]) {
    const own = rows.filter((r) => Number(r.year) === year);
    const sums = sumCounts(own.map((r) => Object.fromEntries(SUMMARY_COUNTS.map((k) => [k, num(r[k])]))));
    years.push(yearOf(year, sums, { via: null, exact: true, simulated: own.some((r) => Number(r.simulated) === 1), source: summariseSources(own.map((r) => r.source)) }));
  }
  for (const [year, carriedYear] of carried) {
    const counts = carriedYear.counts.get(code);
    if (!counts) continue;
    years.push(yearOf(year, counts, { via: 'crosswalk', exact: !carriedYear.inexact.has(code), simulated: carriedYear.simulated, source: summariseSources(carriedYear.sources) }));
  }
  years.sort((a, b) => a.year - b.year);

  return {
    structure,
    code,
    level: unit.level,
    name: unit.full_name,
    path: withPath!.path,
    years,
    coordination: coordination.map((c) => ({ year: Number(c.year), signed: num(c.signed), reported: num(c.reported), source: c.source ?? '' })),
  };
}
