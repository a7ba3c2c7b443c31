import { mean, standardDeviation } from 'simple-statistics';
import type { Classifier } from './types.ts';

/**
 * Classes one standard deviation wide, centred on the mean (độ lệch chuẩn). With an odd k the
 * middle class straddles the mean (mean ± ½σ); with an even k the mean is an edge. The outer
 * classes reach out to the data's minimum and maximum so every value has a class.
 */
export const standardDeviationBreaks: Classifier = (sorted, classes) => {
  const m = mean(sorted as number[]);
  const sd = standardDeviation(sorted as number[]);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (sd === 0) return [min, max];
  // Inner edge i sits (i - k/2)σ from the mean: k=4 → -1σ, 0, +1σ; k=3 → -½σ, +½σ.
  const inner: number[] = [];
  for (let i = 1; i < classes; i++) inner.push(m + (i - classes / 2) * sd);
  const clipped = inner.filter((e) => e > min && e < max);
  return [min, ...clipped, max];
};
