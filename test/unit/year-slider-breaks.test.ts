import { describe, expect, it } from 'vitest';
import { labelShown, nextPlayIndex, playStart, tickPercent, yearIndex } from '../../client/views/explore/year-slider.ts';
import { breakText, checkBreaks, initialInner } from '../../client/views/explore/manual-breaks.ts';

describe('year slider', () => {
  const years = [2021, 2022, 2023, 2024];
  it('places the map year, the latest by default', () => {
    expect(yearIndex(years, 2022)).toBe(1);
    expect(yearIndex(years, null)).toBe(3);
    expect(yearIndex(years, 2019)).toBe(3);
  });
  it('plays from the current year, from the first at the end, and stops at the last', () => {
    expect(playStart(1, 4)).toBe(1);
    expect(playStart(3, 4)).toBe(0);
    expect(nextPlayIndex(2, 4)).toBe(3);
    expect(nextPlayIndex(3, 4)).toBeNull();
  });
  it('labels every year up to eight, then every other one and the last, never two touching', () => {
    expect([0, 1, 2, 3].every((i) => labelShown(i, 4))).toBe(true);
    const shown = (n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => labelShown(i, n));
    expect(shown(10)).toEqual([0, 2, 4, 6, 9]);
    expect(shown(9)).toEqual([0, 2, 4, 6, 8]);
  });
  it('spreads ticks over the track', () => {
    expect([0, 1, 2, 3].map((i) => Math.round(tickPercent(i, 4) * 100) / 100)).toEqual([0, 33.33, 66.67, 100]);
    expect(tickPercent(0, 1)).toBe(50);
  });
});

describe('manual breaks', () => {
  it('prefills the inner edges, or equal steps when the edges do not match the classes', () => {
    expect(initialInner(3, [0, 2, 5, 9])).toEqual([2, 5]);
    expect(initialInner(4, [0, 2, 5, 8])).toEqual([2, 4, 6]);
  });

  it('writes prefills with a decimal comma and no thousands dots', () => {
    expect(breakText(1234.5, 2)).toBe('1234,5');
    expect(breakText(1.256, 2)).toBe('1,26');
    expect(breakText(Number.NaN, 2)).toBe('');
  });

  it('accepts strictly ascending edges inside (min, max)', () => {
    expect(checkBreaks(['1,5', '3', '7.25'], 0, 10)).toEqual({ ok: true, inner: [1.5, 3, 7.25] });
  });

  it('names the mistake per field', () => {
    const r = checkBreaks(['0', '5', '4', '', '1.234', '10'], 0, 10);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { kind: 'notAboveMin', bound: 0 },
      null,
      { kind: 'notAbovePrevious', bound: 5 },
      { kind: 'empty' },
      { kind: 'ambiguous' },
      { kind: 'notBelowMax', bound: 10 },
    ]);
  });
});
