// The priority score (điểm ưu tiên) of a commune: the weighted mean of its factors, each first
// put on a 0-1 scale where 1 is the most need (measures: percentile among the communes compared
// with, flags: 0 or 1), times 100.
//
//   score = 100 × Σ wᵢ·nᵢ / Σ wᵢ   over the factors with weight > 0 that the commune has a value for
//   contributionᵢ = 100 × wᵢ·nᵢ / Σ wᵢ   (the contributions add up to the score, rounded to 0.01)
//
// A factor the commune has no value for is left out of both sums and listed as missing: an
// unknown value neither raises nor lowers the score, and the score stays a mean of what is
// known. A commune with no known weighted factor has no score and ranks after every scored one.
import { Distribution } from './percentile.ts';
import { FACTORS, type FactorDef } from './factors.ts';

/** Raw factor values of one commune; null or absent = not known. Infinity is allowed (never visited). */
export type FactorValues = Readonly<Record<string, number | null | undefined>>;

export type Weights = Readonly<Record<string, number>>;

export interface Contribution {
  key: string;
  /** The raw value (Infinity for "never"), null when unknown. */
  value: number | null;
  /** 0..1, 1 = most need; null when unknown. */
  normalised: number | null;
  /** Points of the score this factor gives (0 when unknown). */
  points: number;
  weight: number;
}

export interface ScoredCommune {
  code: string;
  /** 0..100, null when no weighted factor is known. */
  score: number | null;
  contributions: Contribution[];
  /** Weighted factors without a value for this commune. */
  missing: string[];
}

/** The percentile scales of the measure factors, built once per comparison set. */
export class FactorScales {
  private readonly scales = new Map<string, Distribution>();

  constructor(reference: readonly FactorValues[], factors: readonly FactorDef[] = FACTORS) {
    for (const f of factors) {
      if (f.kind === 'measure') this.scales.set(f.key, new Distribution(reference.map((r) => r[f.key] ?? null)));
    }
  }

  normalise(factor: FactorDef, value: number): number {
    if (factor.kind === 'flag') return value > 0 ? 1 : 0;
    return this.scales.get(factor.key)?.percentile(value) ?? 0.5;
  }
}

export function scoreCommune(code: string, values: FactorValues, weights: Weights, scales: FactorScales, factors: readonly FactorDef[] = FACTORS): ScoredCommune {
  const known: { factor: FactorDef; value: number; normalised: number; weight: number }[] = [];
  const missing: string[] = [];
  for (const factor of factors) {
    const weight = weights[factor.key] ?? 0;
    if (!(weight > 0)) continue;
    const value = values[factor.key];
    if (value === null || value === undefined || Number.isNaN(value)) missing.push(factor.key);
    else known.push({ factor, value, normalised: scales.normalise(factor, value), weight });
  }
  const totalWeight = known.reduce((sum, k) => sum + k.weight, 0);
  const contributions: Contribution[] = known.map((k) => ({
    key: k.factor.key,
    value: k.value,
    normalised: k.normalised,
    points: (100 * k.weight * k.normalised) / totalWeight,
    weight: k.weight,
  }));
  for (const key of missing) contributions.push({ key, value: null, normalised: null, points: 0, weight: weights[key] ?? 0 });
  // to 0.01 point, as shown: two communes that look tied are tied (rank.ts shares their rank)
  const score = known.length === 0 ? null : Math.round(100 * contributions.reduce((sum, c) => sum + c.points, 0)) / 100;
  return { code, score, contributions, missing };
}
