// priority.rank: the communes a caller may see, filtered, scored and ordered (core/priority),
// in a compact shape: one array of factor descriptions, and per commune arrays aligned to it.
import type { Kysely } from 'kysely';
import { matchesFilters, rankCommunes, type FactorDef, type PriorityFilters, type Weights } from '../../core/priority/index.ts';
import type { UnitPlace } from '../../core/scope.ts';
import type { Database } from '../db/schema.ts';
import { communeFacts, type FactsQuery } from './commune-facts.ts';

export type CompareWith = 'country' | 'selection';

export interface RankRequest extends FactsQuery {
  weights: Weights;
  filters: PriorityFilters;
  /** Percentiles among every commune of the country (default) or among the listed ones only. */
  compareWith: CompareWith;
}

export interface RankedFactor {
  key: string;
  nameVi: string;
  nameEn: string;
  kind: FactorDef['kind'];
  unit: string;
  decimals: number;
  weight: number;
}

export interface RankedRow {
  rank: number;
  code: string;
  fullName: string;
  /** "Huyện Tây Hoà · Tỉnh Phú Yên" / "Tỉnh Đắk Lắk". */
  place: string;
  provinceCode: string;
  districtCode: string | null;
  /** 0..100 (2 decimals), null when no weighted factor is known. */
  score: number | null;
  /** Per factor (aligned with `factors`): the raw value, 'never' (no visit yet), or null (unknown). */
  values: (number | 'never' | null)[];
  /** Per factor: 0..1 where 1 is the most need, null when unknown. */
  normalised: (number | null)[];
  /** Per factor: points of the score. */
  points: number[];
}

export interface PriorityRanking {
  structure: FactsQuery['structure'];
  year: number;
  asOf: string;
  programmeProject: string | null;
  compareWith: CompareWith;
  /** The weighted factors, in the order of every row's arrays. */
  factors: RankedFactor[];
  /** Communes percentiles were taken among. */
  compared: number;
  rows: RankedRow[];
  simulated: boolean;
  sources: string[];
  visitsKnown: boolean;
}

const POWERS = [1, 10, 100, 1_000, 10_000];
/** Math.round over a power of ten: toFixed costs far more over the 140,000 numbers of a national ranking. */
const round = (value: number, decimals: number) => Math.round(value * POWERS[decimals]!) / POWERS[decimals]!;

export async function rankPriority(
  db: Kysely<Database>,
  request: RankRequest,
  keepInScope: <T>(items: T[], placeOf: (item: T) => UnitPlace) => Promise<T[]>,
): Promise<PriorityRanking> {
  const facts = await communeFacts(db, request);
  const visible = await keepInScope(facts.communes, (c) => ({ structure: request.structure, code: c.code, level: 'commune', provinceCode: c.provinceCode }));
  const candidates = visible.filter((c) => matchesFilters(c, request.filters));
  const reference = request.compareWith === 'country' ? facts.communes.map((c) => c.values) : candidates.map((c) => c.values);
  const ranked = rankCommunes(candidates, { weights: request.weights, reference });
  const factors = ranked.factors.map((w) => w.factor);
  const byCode = new Map(candidates.map((c) => [c.code, c]));
  const rows = ranked.communes.map((r): RankedRow => {
    const reg = byCode.get(r.code)!.registry;
    return {
      rank: r.rank,
      code: r.code,
      fullName: reg.fullName,
      place: [reg.districtName, reg.provinceName].filter(Boolean).join(' · '),
      provinceCode: reg.provinceCode,
      districtCode: reg.districtCode,
      score: r.score,
      values: r.values.map((value, i) => (value === Number.POSITIVE_INFINITY ? 'never' : value === null ? null : round(value, factors[i]!.decimals + 1))),
      normalised: r.normalised.map((n) => (n === null ? null : round(n, 4))),
      points: r.points.map((p) => round(p, 2)),
    };
  });
  return {
    structure: request.structure,
    year: request.year,
    asOf: request.asOf,
    programmeProject: request.programmeProject,
    compareWith: request.compareWith,
    factors: factors.map((f) => ({ key: f.key, nameVi: f.nameVi, nameEn: f.nameEn, kind: f.kind, unit: f.unit, decimals: f.decimals, weight: request.weights[f.key]! })),
    compared: reference.length,
    rows,
    simulated: facts.simulated,
    sources: facts.sources,
    visitsKnown: facts.visitsKnown,
  };
}
