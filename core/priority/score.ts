// The priority score (điểm ưu tiên) of a commune: the weighted mean of its factors, each first
// put on a 0-1 scale where 1 is the most need (measures: percentile among the communes compared
// with, flags: 0 or 1), times 100.
//
//   score = 100 × Σ wᵢ·nᵢ / Σ wᵢ   over the factors with weight > 0 that the commune has a value for
//   pointsᵢ = 100 × wᵢ·nᵢ / Σ wᵢ   (the points add up to the score, rounded to 0.01)
//
// A factor the commune has no value for is left out of both sums and listed as missing: an
// unknown value neither raises nor lowers the score, and the score stays a mean of what is
// known. A commune with no known weighted factor has no score and ranks after every scored one.
//
// Per-factor results are arrays aligned with the weighted factors (not an object per factor):
// a national ranking scores 10,000 communes × 14 factors, and objects there cost more than the
// arithmetic (bench/priority.ts).
import { Distribution } from './percentile.ts';
import { FACTORS, type FactorDef } from './factors.ts';

/** Raw factor values of one commune; null or absent = not known. Infinity is allowed (never visited). */
export type FactorValues = Readonly<Record<string, number | null | undefined>>;

export type Weights = Readonly<Record<string, number>>;

export interface WeightedFactor {
  factor: FactorDef;
  weight: number;
}

export interface ScoredCommune {
  code: string;
  /** 0..100 to 0.01, null when no weighted factor is known. */
  score: number | null;
  /** Per weighted factor: the raw value (Infinity for "never"), null when unknown. */
  values: (number | null)[];
  /** Per weighted factor: 0..1, 1 = most need; null when unknown. */
  normalised: (number | null)[];
  /** Per weighted factor: points of the score (0 when unknown). */
  points: number[];
  /** Keys of the weighted factors without a value for this commune. */
  missing: string[];
}

/** The factors with a weight above 0, in catalogue order: the order of every per-factor array. */
export function weightedFactors(weights: Weights, factors: readonly FactorDef[] = FACTORS): WeightedFactor[] {
  return factors.filter((f) => (weights[f.key] ?? 0) > 0).map((factor) => ({ factor, weight: weights[factor.key]! }));
}

/** Puts raw values on the 0-1 scale: percentiles among the reference communes, flags as they are. */
export class FactorScales {
  private readonly scales: (Distribution | null)[];

  constructor(
    private readonly weighted: readonly WeightedFactor[],
    reference: readonly FactorValues[],
  ) {
    this.scales = weighted.map(({ factor }) => (factor.kind === 'measure' ? new Distribution(reference.map((r) => r[factor.key] ?? null)) : null));
  }

  normalise(index: number, value: number): number {
    const scale = this.scales[index];
    return scale ? scale.percentile(value) : value > 0 ? 1 : 0;
  }

  score(code: string, values: FactorValues): ScoredCommune {
    const n = this.weighted.length;
    const raw: (number | null)[] = new Array(n);
    const normalised: (number | null)[] = new Array(n);
    const points: number[] = new Array(n);
    const missing: string[] = [];
    let totalWeight = 0;
    for (let i = 0; i < n; i++) {
      const { factor, weight } = this.weighted[i]!;
      const value = values[factor.key];
      if (value === null || value === undefined || Number.isNaN(value)) {
        raw[i] = null;
        normalised[i] = null;
        missing.push(factor.key);
      } else {
        raw[i] = value;
        normalised[i] = this.normalise(i, value);
        totalWeight += weight;
      }
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const scaled = normalised[i];
      points[i] = scaled === null || scaled === undefined ? 0 : (100 * this.weighted[i]!.weight * scaled) / totalWeight;
      sum += points[i]!;
    }
    // to 0.01 point, as shown: two communes that look tied are tied (rank.ts shares their rank)
    const score = totalWeight === 0 ? null : Math.round(100 * sum) / 100;
    return { code, score, values: raw, normalised, points, missing };
  }
}
