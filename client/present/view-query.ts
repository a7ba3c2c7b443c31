// A presented view as the query of `#/trinh-chieu?…`: the explore map's own keys (lib/map-state.ts:
// s, lv, u, i, y, m, k, p, b) plus what a slide adds — r (a socio-economic region, pre-2025),
// t / st (title and subtitle as typed; absent: written from the indicator and the place),
// cy (a second year beside the first), ci (a second indicator beside the first) and sm (small
// multiples: years side by side). A deck is a list of such queries (repeated `v=`), or a deck
// the app builds (`deck=country-regions`, `deck=TN`, `deck=42`). Pure: unit-tested, and the CLI
// passes its --view through the same parser.
import { REGIONS, type RegionKey } from '../../core/poverty/regions.ts';
import { parseMapState, serializeMapState, type MapState } from '../lib/map-state.ts';

export type Comparison =
  | { kind: 'year'; year: number }
  | { kind: 'indicator'; indicator: string }
  | { kind: 'multiples'; years: number[] };

export interface PresentView {
  map: MapState;
  /** A region frames and colours its provinces only (pre-2025 structure). */
  region: RegionKey | null;
  /** '' = automatic. */
  title: string;
  subtitle: string;
  compare: Comparison | null;
}

/** 2022-2024: the years of the 2022-2025 standard with review results on the old map. */
export const DEFAULT_MULTIPLE_YEARS = [2022, 2023, 2024];
const MAX_TEXT = 200;
const YEAR = /^(20\d\d)$/;

export function isRegionKey(value: string | null): value is RegionKey {
  return value !== null && REGIONS.some((r) => r.key === value);
}

/** `query`: what follows "?" (with or without it), or a whole app URL whose hash holds it. */
export function parsePresentView(query: string): PresentView {
  const q = queryPart(query);
  const p = new URLSearchParams(q);
  const map = parseMapState(q);
  const region = p.get('r');
  const view: PresentView = { map, region: null, title: clip(p.get('t')), subtitle: clip(p.get('st')), compare: null };
  if (isRegionKey(region)) {
    // regions are groups of pre-2025 provinces: the region's own map is the country's, framed
    view.region = region;
    view.map = { ...map, structure: 'pre2025', unit: null, selected: null, level: map.level === 'district' ? 'district' : 'province' };
  }
  const cy = p.get('cy');
  const ci = p.get('ci');
  const sm = p.get('sm');
  if (cy && YEAR.test(cy)) view.compare = { kind: 'year', year: Number(cy) };
  else if (ci && /^[a-z0-9_]{1,64}$/.test(ci)) view.compare = { kind: 'indicator', indicator: ci };
  else if (sm !== null) {
    const years = sm.split('_').filter((y) => YEAR.test(y)).map(Number).slice(0, 4);
    view.compare = { kind: 'multiples', years: years.length >= 2 ? years : DEFAULT_MULTIPLE_YEARS };
  }
  return view;
}

export function serializePresentView(view: PresentView): string {
  const p = new URLSearchParams(serializeMapState({ ...view.map, selected: null }).slice(1));
  if (view.region) p.set('r', view.region);
  if (view.compare?.kind === 'year') p.set('cy', String(view.compare.year));
  if (view.compare?.kind === 'indicator') p.set('ci', view.compare.indicator);
  if (view.compare?.kind === 'multiples') p.set('sm', view.compare.years.join('_'));
  if (view.title) p.set('t', view.title);
  if (view.subtitle) p.set('st', view.subtitle);
  return p.toString();
}

/** What one map panel of a view shows; year null = the indicator's latest. */
export interface PanelSpec {
  indicator: string;
  year: number | null;
}

export function panelsOf(view: PresentView): PanelSpec[] {
  const indicator = view.map.indicator ?? 'poor_rate';
  const year = view.map.year;
  const compare = view.compare;
  if (compare?.kind === 'year') return [{ indicator, year }, { indicator, year: compare.year }];
  if (compare?.kind === 'indicator') return [{ indicator, year }, { indicator: compare.indicator, year }];
  if (compare?.kind === 'multiples') return compare.years.map((y) => ({ indicator, year: y }));
  return [{ indicator, year }];
}

/** "http://host/#/trinh-chieu?s=…", "#/?s=…", "?s=…" or "s=…" → "s=…". */
export function queryPart(input: string): string {
  const text = input.trim();
  const hash = text.indexOf('#');
  const inHash = hash >= 0 ? text.slice(hash + 1) : text;
  const at = inHash.indexOf('?');
  if (at >= 0) return inHash.slice(at + 1);
  // a bare query string, or an app URL whose hash has no query (the default map)
  return hash >= 0 || /^[a-z]+:\/\//i.test(text) ? '' : inHash.replace(/^\?/, '');
}

function clip(text: string | null): string {
  return (text ?? '').trim().slice(0, MAX_TEXT);
}
