import { equalIntervalBreaks } from './equal-interval.ts';
import { manualBreaks } from './manual.ts';
import { naturalBreaks } from './natural-breaks.ts';
import { quantileBreaks } from './quantile.ts';
import { standardDeviationBreaks } from './standard-deviation.ts';
import { MAX_CLASSES, MIN_CLASSES, type Breaks, type ClassificationMethod, type Classifier } from './types.ts';

export * from './types.ts';

const CLASSIFIERS: Record<Exclude<ClassificationMethod, 'manual'>, Classifier> = {
  quantile: quantileBreaks,
  equal: equalIntervalBreaks,
  jenks: naturalBreaks,
  stddev: standardDeviationBreaks,
};

export interface ClassificationRequest {
  method: ClassificationMethod;
  classes: number;
  /** Inner edges for 'manual'. */
  manualBreaks?: readonly number[];
}

export interface Classification {
  breaks: Breaks;
  /** Units per class, same order as the classes (breaks.length - 1 entries). */
  counts: number[];
  /** Units without a value: the legend's "không có dữ liệu" class. */
  noData: number;
}

const isValue = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Classify the values shown on a map. Edges are de-duplicated, so skewed data (many zeros) can
 * give fewer classes than asked rather than empty ones the legend would have to explain.
 */
export function classify(values: readonly (number | null | undefined)[], request: ClassificationRequest): Classification {
  const present = values.filter(isValue);
  const noData = values.length - present.length;
  if (present.length === 0) return { breaks: [], counts: [], noData };
  const sorted = [...present].sort((a, b) => a - b);
  const classes = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(request.classes)));
  const raw =
    request.method === 'manual'
      ? manualBreaks(sorted, request.manualBreaks ?? [])
      : sorted[0] === sorted[sorted.length - 1]
        ? [sorted[0], sorted[0]]
        : CLASSIFIERS[request.method](sorted, classes);
  const breaks = dedupe(raw);
  const counts = new Array(Math.max(1, breaks.length - 1)).fill(0);
  for (const v of present) counts[classIndex(v, breaks)]++;
  return { breaks, counts, noData };
}

function dedupe(edges: Breaks): Breaks {
  const out: number[] = [];
  for (const e of edges) if (out.length === 0 || e > out[out.length - 1]) out.push(e);
  // A single distinct value still needs one class: [v, v].
  return out.length === 1 ? [out[0], out[0]] : out;
}

/** Class of a value: edges[i] <= v < edges[i+1]; the top class includes the maximum; -1 for no data. */
export function classIndex(value: number | null | undefined, breaks: Breaks): number {
  if (!isValue(value) || breaks.length < 2) return -1;
  const last = breaks.length - 2;
  if (value < breaks[0]) return 0;
  for (let i = 0; i < last; i++) if (value < breaks[i + 1]) return i;
  return last;
}
