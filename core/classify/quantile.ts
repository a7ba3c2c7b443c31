import { quantileSorted } from 'simple-statistics';
import type { Classifier } from './types.ts';

/** Equal-count classes: each holds about n/k units (Vietnamese: phân vị). */
export const quantileBreaks: Classifier = (sorted, classes) => {
  const edges: number[] = [];
  for (let i = 0; i <= classes; i++) edges.push(quantileSorted(sorted as number[], i / classes));
  return edges;
};
