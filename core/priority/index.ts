// Priority scoring (xếp hạng xã ưu tiên), pure: factors, scales, score, ranking, filters, presets.
export * from './factors.ts';
export * from './filters.ts';
export * from './percentile.ts';
export * from './presets.ts';
export * from './rank.ts';
export * from './score.ts';
export * from './months.ts';
