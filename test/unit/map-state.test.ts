import { describe, expect, it } from 'vitest';
import {
  childLevel,
  defaultMapState,
  isNavigation,
  levelBelow,
  nationalLevels,
  parseMapState,
  serializeMapState,
} from '../../client/lib/map-state.ts';

describe('map state in the URL', () => {
  it('round-trips a drilled-down map with a selected commune', () => {
    const query = '?s=2025&lv=commune&u=66&sel=24121&i=poor_rate&y=2025&m=jenks&k=7&p=Blues';
    const state = parseMapState(query);
    expect(state).toEqual({
      structure: '2025', level: 'commune', unit: '66', selected: '24121', indicator: 'poor_rate', year: 2025,
      method: 'jenks', classes: 7, palette: 'Blues', breaks: [],
    });
    expect(serializeMapState(state)).toBe(query);
    expect(parseMapState(serializeMapState(state))).toEqual(state);
  });

  it('opens the national map of 2025 on the poor-household rate for an empty query', () => {
    expect(parseMapState('')).toEqual(defaultMapState('2025'));
    expect(parseMapState('').indicator).toBe('poor_rate');
  });

  it('keeps the plain map when the link says so (i= empty)', () => {
    const state = parseMapState('s=2025&i=');
    expect(state.indicator).toBeNull();
    expect(parseMapState(serializeMapState(state)).indicator).toBeNull();
  });

  it('falls back per field on bad values', () => {
    const state = parseMapState('s=pre2025&lv=ward&u=5x&y=abc&m=bogus&k=42&p=Nope&i=DROP%20TABLE');
    expect(state.level).toBe('province');
    expect(state.unit).toBeNull();
    expect(state.year).toBeNull();
    expect(state.method).toBe('quantile');
    expect(state.classes).toBe(9);
    expect(state.palette).toBe('YlOrRd');
    expect(state.indicator).toBe('poor_rate');
  });

  it('derives the level from the unit drilled into', () => {
    expect(parseMapState('s=pre2025&lv=commune&u=54')).toMatchObject({ level: 'district', unit: '54' });
    expect(parseMapState('s=pre2025&lv=district&u=562')).toMatchObject({ level: 'commune', unit: '562' });
    // 2025 has no districts, and a commune has nothing below it: national view
    expect(parseMapState('s=2025&u=562')).toMatchObject({ level: 'province', unit: null });
    expect(parseMapState('s=2025&u=24121')).toMatchObject({ level: 'province', unit: null });
  });

  it('colours the whole country at the level below provinces when asked', () => {
    expect(parseMapState('s=2025&lv=commune')).toMatchObject({ level: 'commune', unit: null });
    expect(parseMapState('s=pre2025&lv=district')).toMatchObject({ level: 'district', unit: null });
    // 10,047 old communes have no polygons: not a national level
    expect(parseMapState('s=pre2025&lv=commune')).toMatchObject({ level: 'province', unit: null });
  });

  it('keeps manual class edges, and falls back to quantiles without usable ones', () => {
    const state = parseMapState('m=manual&b=2.5_5_10_20');
    expect(state).toMatchObject({ method: 'manual', breaks: [2.5, 5, 10, 20], classes: 5 });
    expect(parseMapState(serializeMapState(state))).toEqual(state);
    expect(parseMapState('m=manual&b=5_2').method).toBe('quantile');
    expect(parseMapState('m=manual').method).toBe('quantile');
    expect(parseMapState('m=manual&b=1_x').method).toBe('quantile');
  });

  it('knows the levels of each structure', () => {
    expect(childLevel('2025')).toBe('commune');
    expect(childLevel('pre2025')).toBe('district');
    expect(levelBelow('pre2025', 'district')).toBe('commune');
    expect(levelBelow('2025', 'commune')).toBeNull();
    expect(nationalLevels('pre2025')).toEqual(['province', 'district']);
  });

  it('tells navigation (a history entry) from restyling', () => {
    const a = defaultMapState();
    expect(isNavigation(a, { ...a, year: 2024, palette: 'Blues' })).toBe(false);
    expect(isNavigation(a, { ...a, unit: '66', level: 'commune' })).toBe(true);
    expect(isNavigation(a, { ...a, selected: '24121' })).toBe(true);
  });
});
