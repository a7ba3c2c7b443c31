import { describe, expect, it } from 'vitest';
import { buildChoropleth, legendRows } from '../../client/views/explore/choropleth.ts';
import { NO_DATA_COLOUR, paletteColours } from '../../core/palettes.ts';

describe('explore choropleth', () => {
  const codes = ['01', '02', '04', '06', '08', '10'];
  const values = [1, 2, 3, 4, null, 6];

  it('colours every shown unit, no data included, and counts add up', () => {
    const c = buildChoropleth(codes, values, [...codes, '99'], { method: 'equal', classes: 5, palette: 'YlOrRd' });
    expect(c.colours).toEqual(paletteColours('YlOrRd', 5));
    expect(c.fills.get('01')).toBe(c.colours[0]);
    expect(c.fills.get('10')).toBe(c.colours[4]);
    expect(c.fills.get('08')).toBe(NO_DATA_COLOUR);
    // drawn but missing from the answer: no data too
    expect(c.fills.get('99')).toBe(NO_DATA_COLOUR);
    expect(c.classification.noData).toBe(2);
    expect(c.classification.counts.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('classifies only the units on screen', () => {
    const c = buildChoropleth(codes, values, ['01', '02', '04'], { method: 'equal', classes: 3, palette: 'Blues' });
    expect(c.classification.breaks).toEqual([1, 1 + 2 / 3, 1 + 4 / 3, 3]);
    expect(c.fills.size).toBe(3);
  });

  it('writes legend ranges in Vietnamese number format', () => {
    const c = buildChoropleth(['a', 'b', 'c'], [4.5, 7, 9.8], ['a', 'b', 'c'], { method: 'equal', classes: 3, palette: 'YlOrRd' });
    const rows = legendRows(c, '%', 1, 'vi');
    expect(rows.map((r) => r.range)).toEqual(['4,5 – 6,3 %', '6,3 – 8 %', '8 – 9,8 %']);
    expect(rows.map((r) => r.count)).toEqual([1, 1, 1]);
    const big = buildChoropleth(['a', 'b'], [1000, 1234.5], ['a', 'b'], { method: 'equal', classes: 3, palette: 'YlOrRd' });
    expect(legendRows(big, 'hộ', 1, 'vi').at(-1)!.range).toMatch(/ – 1\.234,5 hộ$/);
  });

  it('runs the colours the other way for an indicator where higher is better', () => {
    const codes = ['a', 'b', 'c'];
    const plain = buildChoropleth(codes, [1, 5, 9], codes, { method: 'equal', classes: 3, palette: 'YlOrRd' });
    const reversed = buildChoropleth(codes, [1, 5, 9], codes, { method: 'equal', classes: 3, palette: 'YlOrRd', reverse: true });
    expect(reversed.colours).toEqual([...plain.colours].reverse());
    expect(reversed.fills.get('a')).toBe(plain.fills.get('c'));
  });
});
