// Every factor of every commune of a structure for one ranking year, nationally: the
// comparison set percentiles are taken among, and the rows candidates are picked from.
// Rates and counts come from indicators.values (the same cache and the same sums as the map, so
// the table and the map can never disagree), the rest from the registry, targets and coverage.
import { sql, type Kysely, type SqlBool } from 'kysely';
import { indicatorByKey, TARGET_INDICATORS } from '../../core/poverty/indicators.ts';
import { monthsSinceVisit } from '../../core/priority/months.ts';
import type { CommuneFacts } from '../../core/priority/filters.ts';
import type { Database, StructureId } from '../db/schema.ts';
import { cachedIndicatorValues } from '../indicators/values-cache.ts';
import { indicatorValues, type IndicatorValues } from '../indicators/values.ts';
import { loadCommunes, type RegistryCommune } from './commune-registry.ts';
import { projectCoverage, visitCoverage } from './coverage.ts';

/** Factors read straight from indicators.values, by factor key = indicator key. */
const INDICATOR_FACTORS = ['poor_rate', 'near_poor_rate', 'poor', ...[1, 2, 3, 4, 5, 6].map((n) => `deprivation_dim${n}`)];
const CHANGE_INDICATOR = 'poor_rate_change';

export interface FactsQuery {
  structure: StructureId;
  year: number;
  /** 'DA1'…'DA7' for the no-project factor; null = any project of the programme. */
  programmeProject: string | null;
  /** "YYYY-MM-DD": months since the last visit are counted to this day. */
  asOf: string;
}

export interface CommuneFactsSet {
  communes: (CommuneFacts & { registry: RegistryCommune; lastVisit: string | null })[];
  simulated: boolean;
  sources: string[];
  /** Did any visit feed the months-since-visit factor (else every commune is "never visited"). */
  visitsKnown: boolean;
}

export async function communeFacts(db: Kysely<Database>, q: FactsQuery): Promise<CommuneFactsSet> {
  const [communes, answers, change, targets, projects, visits] = await Promise.all([
    loadCommunes(db, q.structure),
    Promise.all(INDICATOR_FACTORS.map((key) => nationalValues(db, q.structure, q.year, key))),
    nationalValues(db, q.structure, q.year, CHANGE_INDICATOR),
    poorRateTargets(db, q.structure, q.year),
    projectCoverage(db, q.structure, q.year, q.programmeProject),
    visitCoverage(db, q.structure, q.asOf),
  ]);
  const lookups = INDICATOR_FACTORS.map((key, i) => [key, valueLookup(answers[i]!)] as const);
  const changeOf = valueLookup(change);
  const rows = communes.map((c) => {
    const values: Record<string, number | null> = {};
    for (const [key, lookup] of lookups) values[key] = lookup(c.code);
    // a commune has no target of its own as a rule: it works to its district's or province's
    const target = targets.get(c.code) ?? (c.districtCode ? targets.get(c.districtCode) : undefined) ?? targets.get(c.provinceCode);
    const rateChange = changeOf(c.code);
    values.target_shortfall = target === undefined || rateChange === null ? null : target + rateChange; // target − (−change)
    values.poor_district = c.poorDistrict;
    values.coastal = c.coastal;
    values.no_project = projects.covered.has(c.code) ? 0 : 1;
    const lastVisit = visits.lastVisit.get(c.code) ?? null;
    values.months_since_visit = monthsSinceVisit(lastVisit, q.asOf);
    return { code: c.code, provinceCode: c.provinceCode, districtCode: c.districtCode, values, registry: c, lastVisit };
  });
  return {
    communes: rows,
    simulated: answers.some((a) => a.simulated) || change.simulated || projects.simulated,
    sources: [...new Set(answers.map((a) => a.source).filter((s) => s !== ''))],
    visitsKnown: visits.visitedUnits > 0,
  };
}

/** Country-wide on purpose: percentiles compare with every commune; candidates are scoped later. */
function nationalValues(db: Kysely<Database>, structure: StructureId, year: number, key: string): Promise<IndicatorValues> {
  const def = indicatorByKey(key)!;
  return cachedIndicatorValues(indicatorValues, db, { structure, level: 'commune', year, def, parent: null, scope: sql<SqlBool>`1 = 1` });
}

function valueLookup(answer: IndicatorValues): (code: string) => number | null {
  const byCode = new Map<string, number | null>();
  answer.codes.forEach((code, i) => byCode.set(code, answer.values[i] ?? null));
  return (code) => byCode.get(code) ?? null;
}

/** Poor-rate reduction targets (points) of every unit of the structure for the year. */
async function poorRateTargets(db: Kysely<Database>, structure: StructureId, year: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('target')
    .select(['unit_code', 'value'])
    .where('structure', '=', structure)
    .where('year', '=', year)
    .where('indicator', '=', TARGET_INDICATORS.poorRateReduction)
    .execute();
  return new Map(rows.map((r) => [r.unit_code, Number(r.value)]));
}
