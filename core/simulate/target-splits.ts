// Filling what the publications leave out (real-targets.ts, rules 5 and 6): regions missing from
// a national total share the remainder; a combined poor + near-poor figure is split into poor
// and near-poor by last year's split and the national change in it.
import { apportion } from '../poverty/largest-remainder.ts';
import { NATIONAL_CODE } from '../poverty/regions.ts';
import { complete, derived, REGION_KEYS, type Cell } from './target-cell.ts';

/** A national combined total with regions missing: they share the remainder by last year's totals. */
export function shareRemainder(year: number, m: Map<string, Cell>, prev: Map<string, Cell> | undefined, notes: string[]): void {
  const nation = m.get(NATIONAL_CODE);
  if (!nation?.C) return;
  const missing = REGION_KEYS.filter((k) => !m.get(k)?.C);
  if (missing.length === 0) return;
  const known = REGION_KEYS.filter((k) => m.get(k)?.C).reduce((s, k) => s + m.get(k)!.C!.value, 0);
  const remainder = nation.C.value - known;
  const weights = missing.map((k) => prev?.get(k)?.C?.value ?? m.get(k)?.H?.value ?? 1);
  if (remainder < 0) throw new Error(`${year}: known regions (${known}) exceed the national poor + near-poor total (${nation.C.value})`);
  apportion(remainder, weights).forEach((value, i) => {
    const c = m.get(missing[i]) ?? { citations: [] };
    c.C = derived(value, `phần còn lại của toàn quốc (${nation.C!.value} − ${known}) chia theo năm trước`);
    m.set(missing[i], c);
  });
  notes.push(`${year}: ${missing.join(', ')} không có số công bố; chia phần còn lại của toàn quốc theo tỷ trọng năm trước / not published: share of the national remainder`);
}

function poorShare(c: Cell | undefined): number | null {
  if (c?.P && c.C && c.C.value > 0) return c.P.value / c.C.value;
  if (c?.pr && c.cr && c.cr.value > 0) return c.pr.value / c.cr.value;
  return null;
}

export function splitCombined(year: number, m: Map<string, Cell>, prev: Map<string, Cell> | undefined): void {
  const nationNow = poorShare(m.get(NATIONAL_CODE));
  const nationBefore = poorShare(prev?.get(NATIONAL_CODE));
  const k = nationNow !== null && nationBefore !== null ? nationNow / nationBefore : 1;
  const estimate = (key: string, fallback: number | null) => {
    const before = poorShare(prev?.get(key));
    const share = before !== null ? Math.min(0.95, before * k) : fallback;
    return share === null ? null : m.get(key)!.C!.value * share;
  };
  const how = `tỷ trọng nghèo năm trước × ${k.toFixed(4)} (thay đổi tỷ trọng toàn quốc)`;

  const nation = m.get(NATIONAL_CODE);
  const toSplit = REGION_KEYS.filter((key) => m.get(key)?.C && !m.get(key)!.P);
  if (toSplit.length > 0) {
    const est = toSplit.map((key) => estimate(key, nationNow));
    if (est.some((e) => e === null)) throw new Error(`${year}: cannot split ${toSplit.join(', ')} into poor and near-poor`);
    let parts: number[];
    if (nation?.P) {
      const fixed = REGION_KEYS.filter((key) => m.get(key)?.P).reduce((s, key) => s + m.get(key)!.P!.value, 0);
      parts = apportion(nation.P.value - fixed, est as number[]);
    } else parts = (est as number[]).map(Math.round);
    toSplit.forEach((key, i) => {
      const c = m.get(key)!;
      c.P = derived(Math.min(parts[i], c.C!.value), nation?.P ? `${how}, khớp tổng hộ nghèo toàn quốc` : how);
      complete(c);
    });
  }
  if (nation && !nation.P && REGION_KEYS.every((key) => m.get(key)?.P)) {
    nation.P = derived(REGION_KEYS.reduce((s, key) => s + m.get(key)!.P!.value, 0), 'tổng các vùng');
    if (!nation.N && nation.C) complete(nation);
    else if (!nation.N) nation.N = derived(REGION_KEYS.reduce((s, key) => s + m.get(key)!.N!.value, 0), 'tổng các vùng');
  }
  for (const [key, c] of m) {
    if (!/^\d{2}$/.test(key) || !c.C || c.P || c.N) continue;
    const e = estimate(key, null);
    if (e === null) continue;
    c.P = derived(Math.round(e), how);
    complete(c);
  }
}

