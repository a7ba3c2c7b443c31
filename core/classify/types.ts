// A classification turns the values on a map into k classes. Every method returns the k+1
// class edges, ascending: class i holds edges[i] <= v < edges[i+1], the last class includes
// its upper edge. Values that are missing (null / NaN) fall in the "no data" class.

export type ClassificationMethod = 'quantile' | 'equal' | 'jenks' | 'stddev' | 'manual';

export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = ['quantile', 'equal', 'jenks', 'stddev', 'manual'];

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

/** Ascending class edges, length k+1 (fewer when the data has fewer distinct values). */
export type Breaks = number[];

export type Classifier = (sortedValues: readonly number[], classes: number) => Breaks;
