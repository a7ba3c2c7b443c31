// What the explore map shows, as the query part of the hash route (`#/?s=2025&lv=province&...`),
// so a link or a reload reopens the same map. Parsing is forgiving: an old or hand-edited link
// with a bad value falls back to that field's default instead of failing, because the map must
// always open. Pure (no window access) so it is unit-tested in test/unit/map-state.test.ts.
import { CLASSIFICATION_METHODS, MAX_CLASSES, MIN_CLASSES, type ClassificationMethod } from '../../core/classify/types.ts';
import { DEFAULT_SEQUENTIAL, PALETTES } from '../../core/palettes.ts';

export type Structure = '2025' | 'pre2025';
export type MapLevel = 'province' | 'district' | 'commune';
/** Manual breaks need an editor the first slice does not have. */
export type AutoMethod = Exclude<ClassificationMethod, 'manual'>;

export interface MapState {
  structure: Structure;
  /** The level whose units are coloured. */
  level: MapLevel;
  /** The unit drilled into (its children are shown); null at the national view. */
  unit: string | null;
  /** Indicator key; null shows the plain national map until one is picked. */
  indicator: string | null;
  /** null: the indicator's latest year. */
  year: number | null;
  method: AutoMethod;
  classes: number;
  palette: string;
}

export const AUTO_METHODS: readonly AutoMethod[] = CLASSIFICATION_METHODS.filter((m): m is AutoMethod => m !== 'manual');

export function defaultMapState(structure: Structure = '2025'): MapState {
  return { structure, level: 'province', unit: null, indicator: null, year: null, method: 'quantile', classes: 5, palette: DEFAULT_SEQUENTIAL };
}

/** The level below a province in a structure: 2025 has no districts (Nghị quyết 202/2025/QH15). */
export function childLevel(structure: Structure): MapLevel {
  return structure === '2025' ? 'commune' : 'district';
}

const CODE = /^\d{2,5}$/;

/** `query` is what follows "?" in the hash (with or without the "?"). */
export function parseMapState(query: string): MapState {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const structure: Structure = p.get('s') === 'pre2025' ? 'pre2025' : '2025';
  const state = defaultMapState(structure);
  const unit = p.get('u');
  const level = p.get('lv');
  // A drill-down needs both a unit and its children's level; either alone means the national view.
  if (unit && CODE.test(unit) && level === childLevel(structure)) {
    state.unit = unit;
    state.level = level;
  }
  const indicator = p.get('i');
  if (indicator && /^[a-z0-9_]{1,64}$/.test(indicator)) state.indicator = indicator;
  const year = Number(p.get('y'));
  if (p.has('y') && Number.isInteger(year) && year >= 2000 && year <= 2100) state.year = year;
  const method = p.get('m');
  if (AUTO_METHODS.includes(method as AutoMethod)) state.method = method as AutoMethod;
  const classes = Number(p.get('k'));
  if (p.has('k') && Number.isInteger(classes)) state.classes = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, classes));
  const palette = p.get('p');
  if (palette && PALETTES.some((x) => x.key === palette)) state.palette = palette;
  return state;
}

/** Stable key order, so the same map always has the same link. Returns "?s=…" (or "" for nothing). */
export function serializeMapState(state: MapState): string {
  const p = new URLSearchParams();
  p.set('s', state.structure);
  p.set('lv', state.level);
  if (state.unit) p.set('u', state.unit);
  if (state.indicator) p.set('i', state.indicator);
  if (state.year !== null) p.set('y', String(state.year));
  p.set('m', state.method);
  p.set('k', String(state.classes));
  p.set('p', state.palette);
  return `?${p.toString()}`;
}
