import { describe, expect, it } from 'vitest';
import { childLevel, defaultMapState, parseMapState, serializeMapState } from '../../client/lib/map-state.ts';

describe('map state in the URL', () => {
  it('round-trips a drilled-down map', () => {
    const query = '?s=2025&lv=commune&u=66&i=poor_rate&y=2025&m=jenks&k=7&p=Blues';
    const state = parseMapState(query);
    expect(state).toEqual({ structure: '2025', level: 'commune', unit: '66', indicator: 'poor_rate', year: 2025, method: 'jenks', classes: 7, palette: 'Blues' });
    expect(serializeMapState(state)).toBe(query);
    expect(parseMapState(serializeMapState(state))).toEqual(state);
  });

  it('opens the national map of 2025 for an empty query', () => {
    expect(parseMapState('')).toEqual(defaultMapState('2025'));
  });

  it('falls back per field on bad values', () => {
    const state = parseMapState('s=pre2025&lv=commune&u=54&y=abc&m=manual&k=42&p=Nope&i=DROP%20TABLE');
    // pre2025 communes have no polygons: the drill-down level must be district, so this is the national view
    expect(state.level).toBe('province');
    expect(state.unit).toBeNull();
    expect(state.year).toBeNull();
    expect(state.method).toBe('quantile');
    expect(state.classes).toBe(9);
    expect(state.palette).toBe('YlOrRd');
    expect(state.indicator).toBeNull();
  });

  it('keeps a pre2025 district drill-down', () => {
    const state = parseMapState('s=pre2025&lv=district&u=54&i=poor_rate&y=2023');
    expect(state).toMatchObject({ structure: 'pre2025', level: 'district', unit: '54', year: 2023 });
  });

  it('knows the level below a province', () => {
    expect(childLevel('2025')).toBe('commune');
    expect(childLevel('pre2025')).toBe('district');
  });
});
