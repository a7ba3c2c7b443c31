import type { Breaks } from './types.ts';

/**
 * Planner-given breaks, e.g. "5, 10, 20, 40" for poor rates. Inner edges are taken as given
 * (sorted, de-duplicated); the data's minimum and maximum close the outer classes unless the
 * planner's edges already reach beyond them.
 */
export function manualBreaks(sorted: readonly number[], inner: readonly number[]): Breaks {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const edges = [...new Set(inner.filter((e) => Number.isFinite(e)))].sort((a, b) => a - b);
  const low = edges.length > 0 && edges[0] <= min ? [] : [min];
  const high = edges.length > 0 && edges[edges.length - 1] >= max ? [] : [max];
  return [...low, ...edges, ...high];
}
