// What the explore map shows, as the query part of the hash route (`#/?s=2025&lv=province&...`),
// so a link or a reload reopens the same map. Parsing is forgiving: an old or hand-edited link
// with a bad value falls back to that field's default instead of failing, because the map must
// always open. Pure (no window access) so it is unit-tested in test/unit/map-state.test.ts.
import { CLASSIFICATION_METHODS, MAX_CLASSES, MIN_CLASSES, type ClassificationMethod } from '../../core/classify/types.ts';
import { DEFAULT_SEQUENTIAL, PALETTES } from '../../core/palettes.ts';

export type Structure = '2025' | 'pre2025';
export type MapLevel = 'province' | 'district' | 'commune';

export interface MapState {
  structure: Structure;
  /** The level whose units are coloured. */
  level: MapLevel;
  /** The unit drilled into (its children are shown); null at the national view. */
  unit: string | null;
  /** A unit whose figures the side panel shows (clicked, or found by search); null for none. */
  selected: string | null;
  /** Indicator key; null shows the plain map. */
  indicator: string | null;
  /** null: the indicator's latest year. */
  year: number | null;
  method: ClassificationMethod;
  classes: number;
  palette: string;
  /** Inner class edges typed by the user (method 'manual' only), ascending. */
  breaks: number[];
}

/** The map opens on the programme's headline figure: what every planner and leader looks for first. */
export const DEFAULT_INDICATOR = 'poor_rate';

export function defaultMapState(structure: Structure = '2025'): MapState {
  return {
    structure,
    level: 'province',
    unit: null,
    selected: null,
    indicator: DEFAULT_INDICATOR,
    year: null,
    method: 'quantile',
    classes: 5,
    palette: DEFAULT_SEQUENTIAL,
    breaks: [],
  };
}

/** GSO code lengths: 2 digits a province, 3 a district (pre-2025 only), 5 a commune. */
export function levelOfCode(code: string): MapLevel | null {
  return code.length === 2 ? 'province' : code.length === 3 ? 'district' : code.length === 5 ? 'commune' : null;
}

/**
 * The level shown inside a unit: 2025 has no districts (Nghị quyết 202/2025/QH15); before 2025 a
 * district's communes are shown as symbols (they have no polygons). null: nothing below.
 */
export function levelBelow(structure: Structure, level: MapLevel): MapLevel | null {
  if (level === 'province') return structure === '2025' ? 'commune' : 'district';
  if (level === 'district' && structure === 'pre2025') return 'commune';
  return null;
}

/** The level below a province in a structure. */
export function childLevel(structure: Structure): MapLevel {
  return levelBelow(structure, 'province')!;
}

/** Levels the whole country can be coloured at: provinces, or every polygon of the level below. */
export function nationalLevels(structure: Structure): MapLevel[] {
  return ['province', childLevel(structure)];
}

const CODE = /^\d{2,5}$/;
const INNER_BREAKS_MAX = MAX_CLASSES - 1;

/** `query` is what follows "?" in the hash (with or without the "?"). */
export function parseMapState(query: string): MapState {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const structure: Structure = p.get('s') === 'pre2025' ? 'pre2025' : '2025';
  const state = defaultMapState(structure);
  const unit = p.get('u');
  const level = p.get('lv') as MapLevel | null;
  const unitLevel = unit && CODE.test(unit) ? levelOfCode(unit) : null;
  const below = unitLevel ? levelBelow(structure, unitLevel) : null;
  if (unit && below) {
    // The unit decides the level: a link with a stale `lv` still opens where it points.
    state.unit = unit;
    state.level = below;
  } else if (level && nationalLevels(structure).includes(level)) {
    state.level = level;
  }
  const selected = p.get('sel');
  if (selected && CODE.test(selected) && levelOfCode(selected)) state.selected = selected;
  // `i=` (present and empty) is the plain map someone chose; absent means the default indicator.
  const indicator = p.get('i');
  if (indicator === '') state.indicator = null;
  else if (indicator && /^[a-z0-9_]{1,64}$/.test(indicator)) state.indicator = indicator;
  const year = Number(p.get('y'));
  if (p.has('y') && Number.isInteger(year) && year >= 2000 && year <= 2100) state.year = year;
  const method = p.get('m');
  if (CLASSIFICATION_METHODS.includes(method as ClassificationMethod)) state.method = method as ClassificationMethod;
  const classes = Number(p.get('k'));
  if (p.has('k') && Number.isInteger(classes)) state.classes = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, classes));
  const palette = p.get('p');
  if (palette && PALETTES.some((x) => x.key === palette)) state.palette = palette;
  if (state.method === 'manual') {
    const breaks = parseBreaks(p.get('b'));
    // Manual classes without usable edges cannot be drawn: quantiles until the user types some.
    if (breaks) {
      state.breaks = breaks;
      state.classes = breaks.length + 1;
    } else state.method = 'quantile';
  }
  return state;
}

/** "1.5_3_10" → [1.5, 3, 10]: finite, strictly ascending, 2-8 edges (3-9 classes); else null. */
function parseBreaks(text: string | null): number[] | null {
  if (!text) return null;
  const values = text.split('_').map(Number);
  if (values.length < MIN_CLASSES - 1 || values.length > INNER_BREAKS_MAX) return null;
  if (!values.every((v, i) => Number.isFinite(v) && (i === 0 || v > values[i - 1]))) return null;
  return values;
}

/** Stable key order, so the same map always has the same link. Returns "?s=…". */
export function serializeMapState(state: MapState): string {
  const p = new URLSearchParams();
  p.set('s', state.structure);
  p.set('lv', state.level);
  if (state.unit) p.set('u', state.unit);
  if (state.selected) p.set('sel', state.selected);
  p.set('i', state.indicator ?? '');
  if (state.year !== null) p.set('y', String(state.year));
  p.set('m', state.method);
  p.set('k', String(state.classes));
  if (state.method === 'manual' && state.breaks.length > 0) p.set('b', state.breaks.join('_'));
  p.set('p', state.palette);
  return `?${p.toString()}`;
}

/** True when going from `a` to `b` changes where the map is (a history entry), not only how it looks. */
export function isNavigation(a: MapState, b: MapState): boolean {
  return a.structure !== b.structure || a.unit !== b.unit || a.level !== b.level || a.selected !== b.selected;
}
