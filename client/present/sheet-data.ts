// What a sheet fetches besides boundaries: the indicator catalogue of a structure, the regions'
// provinces (both asked once per page) and one indicator's values for a place.
import { trpc } from '../lib/trpc.ts';
import type { Structure } from '../lib/map-state.ts';

export type IndicatorItem = Awaited<ReturnType<typeof trpc.indicators.list.query>>[number];
export type IndicatorValues = Awaited<ReturnType<typeof trpc.indicators.values.query>>;
export type RegionItem = Awaited<ReturnType<typeof trpc.present.regions.query>>[number];

const catalogues = new Map<Structure, Promise<IndicatorItem[]>>();
let regions: Promise<RegionItem[]> | null = null;

export function indicatorList(structure: Structure): Promise<IndicatorItem[]> {
  let list = catalogues.get(structure);
  if (!list) {
    list = trpc.indicators.list.query({ structure });
    // a failed answer is not kept: the next slide asks again
    list.catch(() => catalogues.delete(structure));
    catalogues.set(structure, list);
  }
  return list;
}

export function regionList(): Promise<RegionItem[]> {
  if (!regions) {
    regions = trpc.present.regions.query();
    regions.catch(() => (regions = null));
  }
  return regions;
}

/** The year a panel shows: the asked one when the indicator has it, else its latest. */
export function resolveYear(item: IndicatorItem, year: number | null): number | null {
  if (year !== null && item.years.includes(year)) return year;
  return item.years.length > 0 ? Math.max(...item.years) : null;
}

export function fetchValues(
  request: { structure: Structure; level: 'province' | 'district' | 'commune'; unit: string | null; indicator: string; year: number },
  signal?: AbortSignal,
): Promise<IndicatorValues> {
  const { structure, level, unit, indicator, year } = request;
  return trpc.indicators.values.query({ structure, level, year, indicator, ...(unit ? { parentCode: unit } : {}) }, { signal });
}
