// Source texts written into every demo row. The prefixes are how the demo seed recognises its
// own rows when it replaces them (never rows imported by users), and how anyone reading a row,
// a map legend or an export sees at once whether a number is real or simulated.

export const SIMULATED_SOURCE_PREFIX = 'Mô phỏng (simulated) — povmap demo';
export const REAL_SOURCE_PREFIX = 'Số liệu thực (real) — ';

/**
 * Source of a simulated row: the seed, and the real totals it was raked to — or, where no real
 * total exists above it (2025 outside Lạng Sơn and Điện Biên), how its totals were derived.
 */
export function simulatedSource(seed: number, realTotals: readonly string[], derivation?: string): string {
  const matched =
    realTotals.length > 0
      ? `khớp tổng số thực / raked to real totals: ${realTotals.join(' | ')}`
      : `không có tổng số thực / no real total${derivation ? `: ${derivation}` : ''}`;
  return `${SIMULATED_SOURCE_PREFIX}, seed ${seed}; ${matched}`;
}

/** Source of a real figure stored by the demo seed: the reference file and the figure's own source. */
export function realSource(file: string, source: string): string {
  return `${REAL_SOURCE_PREFIX}${file}: ${source}`;
}
