// Household totals for the tree nodes with real figures. Households are never published: they
// are recovered from count / printed rate within the rate's rounding window (4.03 % means
// 4.025-4.035 %), carried from year to year by the growth rate and kept inside each year's
// window (real-targets.ts, rule 3).
import { derived, type Cell, type TargetValue } from './target-cell.ts';
import type { PrintedRate } from './reference-figures.ts';

/** Household intervals implied by (real count, printed rate) pairs. */
function intervals(c: Cell): [number, number][] {
  const out: [number, number][] = [];
  const pair = (count: TargetValue | undefined, rate: PrintedRate | undefined) => {
    if (!count || count.provenance !== 'real' || !rate || count.value <= 0) return;
    const half = rate.halfUnit * 0.9; // stay inside the window so the rate re-rounds to its printed value
    out.push([(100 * count.value) / (rate.value + half), rate.value - half > 0 ? (100 * count.value) / (rate.value - half) : Infinity]);
  };
  pair(c.P, c.pr);
  pair(c.N, c.nr);
  pair(c.C, c.cr);
  return out;
}

function window(list: [number, number][]): [number, number] | null {
  if (list.length === 0) return null;
  const lo = Math.max(...list.map((i) => i[0]));
  const hi = Math.min(...list.map((i) => i[1]));
  if (lo <= hi) return [lo, hi];
  return list.reduce((a, b) => (a[1] / a[0] <= b[1] / b[0] ? a : b)); // the narrowest
}

const clamp = (x: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, x));

export function regionHouseholds(key: string, years: number[], cells: Map<number, Map<string, Cell>>, growth: number, notes: string[]): void {
  let previous: number | null = null;
  for (const year of years) {
    const c = cells.get(year)!.get(key) ?? { citations: [] };
    const w = window(intervals(c));
    let value: number | null = null;
    let how = '';
    if (previous === null) {
      if (w) [value, how] = [(w[0] + w[1]) / 2, 'giữa khoảng số hộ suy từ số hộ / tỷ lệ đã công bố'];
    } else {
      const preferred: number = previous * (1 + growth);
      [value, how] = w ? [clamp(preferred, w), `năm trước × ${1 + growth}, trong khoảng suy từ tỷ lệ`] : [preferred, `năm trước × ${1 + growth}`];
    }
    if (value === null) {
      notes.push(`${year} ${key}: không suy được số hộ / no household total`);
      continue;
    }
    previous = value;
    cells.get(year)!.set(key, Object.assign(c, { H: c.H ?? derived(Math.round(value), how) }));
  }
}

export function provinceHouseholds(key: string, years: number[], cells: Map<number, Map<string, Cell>>, anchors: Map<number, TargetValue>, growth: number): void {
  for (const year of years) {
    const c = cells.get(year)!.get(key);
    if (!c) continue;
    if (c.H) anchors.set(year, c.H);
    else {
      const w = window(intervals(c));
      if (w) anchors.set(year, derived(Math.round((w[0] + w[1]) / 2), 'giữa khoảng số hộ suy từ số hộ / tỷ lệ đã công bố'));
    }
  }
  if (anchors.size === 0) return;
  for (const year of years) {
    const m = cells.get(year)!;
    const c = m.get(key) ?? { citations: [] };
    if (c.H) continue;
    const own = anchors.get(year);
    if (own) c.H = own;
    else {
      const nearest = [...anchors.keys()].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b)[0];
      const value = anchors.get(nearest)!.value * (1 + growth) ** (year - nearest);
      c.H = derived(Math.round(value), `số hộ năm ${nearest} × ${1 + growth}^${year - nearest}`);
    }
    m.set(key, c);
  }
}

