// Ranking: score every candidate commune against the comparison set, order them, number them.
// Ties share a rank ("1, 2, 2, 4", standard competition ranking): two communes with the same
// score are equally urgent, and the table should not pretend otherwise.
import { FactorScales, weightedFactors, type FactorValues, type ScoredCommune, type WeightedFactor, type Weights } from './score.ts';

export interface Candidate {
  code: string;
  values: FactorValues;
}

export interface RankedCommune extends ScoredCommune {
  rank: number;
}

export interface RankOptions {
  weights: Weights;
  /** The communes percentiles are taken among; defaults to the candidates themselves. */
  reference?: readonly FactorValues[];
}

export interface Ranking {
  /** The weighted factors: the order of every commune's per-factor arrays. */
  factors: WeightedFactor[];
  communes: RankedCommune[];
}

export function rankCommunes(candidates: readonly Candidate[], options: RankOptions): Ranking {
  const factors = weightedFactors(options.weights);
  const scales = new FactorScales(factors, options.reference ?? candidates.map((c) => c.values));
  const scored = candidates.map((c) => {
    const s = scales.score(c.code, c.values) as RankedCommune;
    s.rank = 0;
    return { s, poor: c.values.poor ?? -1 };
  });
  // more poor households first among equal scores (more people behind the same urgency), then
  // the code, so the order never depends on the input order
  scored.sort((a, b) => compareScores(a.s.score, b.s.score) || b.poor - a.poor || (a.s.code < b.s.code ? -1 : a.s.code > b.s.code ? 1 : 0));
  const communes = scored.map((x) => x.s);
  for (let i = 0; i < communes.length; i++) {
    const previous = communes[i - 1];
    communes[i]!.rank = previous !== undefined && previous.score === communes[i]!.score ? previous.rank : i + 1;
  }
  return { factors, communes };
}

/** Higher score first; no score last. Scores are rounded to 0.01, so equal is equal. */
function compareScores(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return b - a;
}
