// Ranking: score every candidate commune against the comparison set, order them, number them.
// Ties share a rank ("1, 2, 2, 4", standard competition ranking): two communes with the same
// score are equally urgent, and the table should not pretend otherwise.
import { FactorScales, scoreCommune, type FactorValues, type ScoredCommune, type Weights } from './score.ts';

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

export function rankCommunes(candidates: readonly Candidate[], options: RankOptions): RankedCommune[] {
  const scales = new FactorScales(options.reference ?? candidates.map((c) => c.values));
  const scored = candidates.map((c) => ({ scored: scoreCommune(c.code, c.values, options.weights, scales), poor: c.values.poor ?? null }));
  // more poor households first among equal scores (more people behind the same urgency), then
  // the code, so the order never depends on the input order
  scored.sort(
    (a, b) =>
      compareScores(a.scored.score, b.scored.score) ||
      (b.poor ?? -1) - (a.poor ?? -1) ||
      (a.scored.code < b.scored.code ? -1 : a.scored.code > b.scored.code ? 1 : 0),
  );
  const ranked: RankedCommune[] = [];
  scored.forEach(({ scored: s }, i) => {
    const previous = ranked[i - 1];
    const tied = previous !== undefined && sameScore(previous.score, s.score);
    ranked.push({ ...s, rank: tied ? previous.rank : i + 1 });
  });
  return ranked;
}

/** Higher score first; no score last. */
function compareScores(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return sameScore(a, b) ? 0 : b - a;
}

/** Scores are sums of floating-point shares: equal to 1e-9 is equal. */
function sameScore(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-9;
}
