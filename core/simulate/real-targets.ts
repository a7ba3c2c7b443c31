// From real figures to the exact totals the simulation must hit, per year and tree node
// (national 'VN', region 'VN-<key>', province code), for households, poor and near-poor.
//
// Every target is 'real' (a published count, or exact arithmetic on published counts) or
// 'derived' (needs an assumption, stated in `how`). Rules, in order:
// 1. Counts as published; a missing one of poor / near-poor / combined is the difference of the
//    other two.
// 2. Sources that contradict themselves are reconciled only when one reading makes every total
//    agree (2022: Đồng bằng sông Hồng prints 69,239 poor, but its own combined 169,566 − near-poor
//    100,237 = 69,329, and only 69,329 makes the six regions sum to the national 1,057,374).
// 3. Households are never published: they are recovered from count / printed rate, within the
//    rate's rounding (4.03 % means 4.025-4.035 %); in later years the previous year × growth,
//    kept inside that window. A province's households found in one year are carried to the
//    others by the growth rate. The nation gets no household target: it is the sum of regions
//    (the regional rates imply ~2 % more households than the national rate; we keep regional
//    rates exact and report the national one as it comes out).
// 4. A count known only as a rate is rate × households (derived).
// 5. Regions missing from a national total share the remainder by last year's weight.
// 6. A combined figure without its poor / near-poor split is split by last year's poor share
//    times the national change in that share (2024: 1.93 % / 4.06 % printed nationally), then
//    adjusted so regions sum to the national poor count when there is one.
import { NATIONAL_CODE, regionCode, type RegionKey } from '../poverty/regions.ts';
import { DEFAULT_GROWTH, HOUSEHOLD_GROWTH } from './params.ts';
import type { FigureScope, PrintedRate, RealFigure } from './reference-figures.ts';
import { both, complete, derived, real, REGION_KEYS, type Cell, type TargetValue, type YearTargets } from './target-cell.ts';
import { provinceHouseholds, regionHouseholds } from './target-households.ts';
import { shareRemainder, splitCombined } from './target-splits.ts';

export type { Provenance, TargetValue, YearTargets } from './target-cell.ts';

export interface DeriveInput {
  figures: readonly RealFigure[];
  years: readonly number[];
  regionOfProvince: ReadonlyMap<string, RegionKey>;
  /** 2025 provinces that are one unchanged pre-2025 province (2025 code → pre-2025 code). */
  unchangedProvinces?: ReadonlyMap<string, string>;
}

export interface DerivedTargets {
  years: Map<number, YearTargets>;
  notes: string[];
}

export function nodeKeyOf(scope: FigureScope): string | null {
  if (scope.kind === 'national') return NATIONAL_CODE;
  if (scope.kind === 'region') return regionCode(scope.region);
  if (scope.kind === 'province') return scope.code;
  return null;
}

export function deriveTargets(input: DeriveInput): DerivedTargets {
  const notes: string[] = [];
  const years = [...input.years].sort((a, b) => a - b);
  const cells = new Map<number, Map<string, Cell>>(years.map((y) => [y, new Map()]));
  const cell = (year: number, key: string): Cell => {
    const m = cells.get(year)!;
    let c = m.get(key);
    if (!c) m.set(key, (c = { citations: [] }));
    return c;
  };
  const householdAnchors = new Map<string, Map<number, TargetValue>>();

  // 1. Published values.
  for (const f of input.figures) {
    const key = nodeKeyOf(f.scope);
    if (key === null) continue;
    if (f.structure === '2025') {
      const old = f.scope.kind === 'province' ? input.unchangedProvinces?.get(f.scope.code) : undefined;
      if (old && f.households !== undefined) {
        anchorsOf(householdAnchors, old).set(f.year, real(f.households, `${f.year}: ${f.citation}`));
      }
      continue;
    }
    if (!cells.has(f.year)) continue;
    const c = cell(f.year, key);
    // a figure that gives only rates shaped the totals through derived households: say so
    const hasCount = [f.poor, f.nearPoor, f.combined, f.households].some((v) => v !== undefined);
    const citation = hasCount ? f.citation : `${f.citation} (chỉ tỷ lệ / rate only)`;
    if (!c.citations.includes(citation)) c.citations.push(citation);
    const put = (field: 'P' | 'N' | 'C' | 'H', value: number | undefined) => {
      if (value === undefined) return;
      const had = c[field];
      if (had && had.value !== value) notes.push(`${f.year} ${key}: ${field} ${value} (${f.citation}) differs from ${had.value}; the first is kept`);
      else c[field] = real(value, f.citation);
    };
    put('P', f.poor);
    put('N', f.nearPoor);
    put('C', f.combined);
    put('H', f.households);
    c.pr ??= f.poorRate;
    c.nr ??= f.nearPoorRate;
    c.cr ??= f.combinedRate;
  }
  for (const m of cells.values()) for (const c of m.values()) complete(c);

  // 2. Reconcile regions with the nation.
  for (const year of years) reconcile(year, cells.get(year)!, notes);
  // Poor and near-poor are the counts the decisions publish; "poor + near-poor" is their sum,
  // added by the press. Where it disagrees once both agree with every other level (2022:
  // Tây Nguyên 129,160 + 107,487 = 236,647, printed 236,766, and the national sum with it),
  // the sum is recomputed.
  for (const [year, m] of cells) {
    for (const [key, c] of m) {
      if (c.P && c.N && c.C && c.P.value + c.N.value !== c.C.value) {
        notes.push(
          `${year} ${key}: nghèo ${c.P.value} + cận nghèo ${c.N.value} = ${c.P.value + c.N.value}, nguồn ghi tổng ${c.C.value}: dùng ${c.P.value + c.N.value} / ` +
            `printed combined ${c.C.value} ≠ poor + near-poor; recomputed`,
        );
        c.C = { value: c.P.value + c.N.value, provenance: both(c.P, c.N), how: 'nghèo + cận nghèo (tính lại / recomputed)' };
        // the printed combined rate was computed from the printed (wrong) sum: it no longer
        // pairs with the count to recover households
        c.cr = undefined;
      }
    }
  }

  // 3. Households.
  const growthOf = (key: string) => {
    const region = key.startsWith(`${NATIONAL_CODE}-`) ? (key.slice(3) as RegionKey) : input.regionOfProvince.get(key);
    return region ? HOUSEHOLD_GROWTH[region] : DEFAULT_GROWTH;
  };
  for (const key of REGION_KEYS) regionHouseholds(key, years, cells, growthOf(key), notes);
  const provinceKeys = new Set<string>(householdAnchors.keys());
  for (const m of cells.values()) for (const k of m.keys()) if (/^\d{2}$/.test(k)) provinceKeys.add(k);
  for (const key of provinceKeys) provinceHouseholds(key, years, cells, anchorsOf(householdAnchors, key), growthOf(key));

  // 4. Counts known only as rates.
  for (const [year, m] of cells) {
    for (const [key, c] of m) {
      if (!c.H) continue;
      const fromRate = (rate: PrintedRate | undefined, what: string) =>
        rate ? derived(Math.round((rate.value / 100) * c.H!.value), `${what} ${rate.value} % × ${Math.round(c.H!.value)} hộ (${year} ${key})`) : undefined;
      c.P ??= fromRate(c.pr, 'tỷ lệ nghèo');
      c.N ??= fromRate(c.nr, 'tỷ lệ cận nghèo');
      c.C ??= fromRate(c.cr, 'tỷ lệ nghèo + cận nghèo');
      complete(c);
    }
  }

  // 5-6. National remainders and poor / near-poor splits, year by year (each uses the previous).
  for (const year of years) {
    const m = cells.get(year)!;
    const prev = cells.get(year - 1);
    shareRemainder(year, m, prev, notes);
    splitCombined(year, m, prev);
  }

  checkNesting(cells, input.regionOfProvince);
  return { years: new Map(years.map((y) => [y, toYearTargets(y, cells.get(y)!)])), notes };
}

function anchorsOf(map: Map<string, Map<number, TargetValue>>, key: string): Map<number, TargetValue> {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  return m;
}

function reconcile(year: number, m: Map<string, Cell>, notes: string[]): void {
  const nation = m.get(NATIONAL_CODE);
  const regions = REGION_KEYS.map((k) => m.get(k));
  for (const field of ['P', 'N'] as const) {
    const other = field === 'P' ? 'N' : 'P';
    const total = nation?.[field]?.value;
    if (total === undefined || regions.some((r) => !r?.[field])) continue;
    const sum = regions.reduce((s, r) => s + r![field]!.value, 0);
    if (sum === total) continue;
    const fix = regions.find((r) => r!.C && r![other] && r![field]!.value + r![other]!.value !== r!.C.value && sum - r![field]!.value + (r!.C.value - r![other]!.value) === total);
    if (!fix) throw new Error(`${year}: regions sum to ${sum} ${field === 'P' ? 'poor' : 'near-poor'} households, the nation to ${total}, and no reading reconciles them`);
    const key = [...m].find(([, c]) => c === fix)![0];
    const value = fix.C!.value - fix[other]!.value;
    notes.push(
      `${year} ${key}: nguồn ghi ${fix[field]!.value} hộ ${field === 'P' ? 'nghèo' : 'cận nghèo'} nhưng (nghèo + cận nghèo) − ${field === 'P' ? 'cận nghèo' : 'nghèo'} = ${value}, ` +
        `và chỉ ${value} cho tổng các vùng bằng toàn quốc (${total}): dùng ${value} / source prints ${fix[field]!.value}; ${value} reconciles it with its own total and the national figure`,
    );
    fix[field] = real(value, `${fix.C!.how}: (nghèo + cận nghèo) − ${field === 'P' ? 'cận nghèo' : 'nghèo'} (hiệu chỉnh / reconciled)`);
  }
}

function checkNesting(cells: Map<number, Map<string, Cell>>, regionOf: ReadonlyMap<string, RegionKey>): void {
  for (const [year, m] of cells) {
    for (const field of ['H', 'P', 'N'] as const) {
      const nation = m.get(NATIONAL_CODE)?.[field];
      const regions = REGION_KEYS.map((k) => m.get(k)?.[field]);
      if (nation && regions.every(Boolean)) {
        const sum = regions.reduce((s, r) => s + r!.value, 0);
        if (sum !== nation.value) throw new Error(`${year}: regions' ${field} sum to ${sum}, the nation's is ${nation.value}`);
      }
      const byRegion = new Map<string, number>();
      for (const [key, c] of m) {
        const region = /^\d{2}$/.test(key) ? regionOf.get(key) : undefined;
        if (region && c[field]) byRegion.set(region, (byRegion.get(region) ?? 0) + c[field]!.value);
      }
      for (const [region, sum] of byRegion) {
        const total = m.get(regionCode(region as RegionKey))?.[field]?.value;
        if (total !== undefined && sum > total) throw new Error(`${year} ${region}: provinces with figures hold ${sum} (${field}), more than the region's ${total}`);
      }
    }
  }
}

function toYearTargets(year: number, m: Map<string, Cell>): YearTargets {
  const t: YearTargets = { year, households: new Map(), poor: new Map(), nearPoor: new Map(), citations: new Map() };
  for (const [key, c] of m) {
    // The nation's households are the sum of the regions' (rule 3).
    if (c.H && key !== NATIONAL_CODE) t.households.set(key, c.H);
    if (c.P) t.poor.set(key, c.P);
    if (c.N) t.nearPoor.set(key, c.N);
    if (c.citations.length > 0) t.citations.set(key, c.citations);
  }
  return t;
}
