import type { Classifier } from './types.ts';

/** Classes of equal width between the minimum and the maximum (khoảng đều). */
export const equalIntervalBreaks: Classifier = (sorted, classes) => {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const width = (max - min) / classes;
  return Array.from({ length: classes + 1 }, (_, i) => (i === classes ? max : min + i * width));
};
