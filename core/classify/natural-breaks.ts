import { ckmeans } from 'simple-statistics';
import type { Classifier } from './types.ts';

/**
 * Natural breaks (Jenks' goal, computed with Ckmeans.1d.dp: optimal, O(k·n log n), and
 * deterministic — Jenks' original algorithm is O(k·n²), too slow for 10,000 communes).
 * Each class starts at its first member; the last edge is the maximum.
 */
export const naturalBreaks: Classifier = (sorted, classes) => {
  const distinct = new Set(sorted).size;
  const groups = ckmeans(sorted as number[], Math.min(classes, distinct));
  const edges = groups.map((g) => g[0]);
  edges.push(sorted[sorted.length - 1]);
  return edges;
};
