import { describe, expect, it } from 'vitest';
import { classIndex, classify } from '../../core/classify/index.ts';

const ramp = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100

describe('classify', () => {
  it('quantiles put about the same number of units in each class', () => {
    const c = classify(ramp, { method: 'quantile', classes: 4 });
    expect(c.counts).toEqual([25, 25, 25, 25]);
    expect(c.breaks[0]).toBe(1);
    expect(c.breaks.at(-1)).toBe(100);
  });

  it('equal intervals have equal widths', () => {
    const c = classify([0, 10, 20, 30, 40, 50, 60], { method: 'equal', classes: 3 });
    expect(c.breaks).toEqual([0, 20, 40, 60]);
    expect(c.counts).toEqual([2, 2, 3]);
  });

  it('natural breaks find obvious clusters', () => {
    const values = [1, 2, 3, 50, 51, 52, 100, 101, 102];
    const c = classify(values, { method: 'jenks', classes: 3 });
    expect(c.breaks).toEqual([1, 50, 100, 102]);
    expect(c.counts).toEqual([3, 3, 3]);
  });

  it('standard deviation classes are centred on the mean, one sigma wide', () => {
    const c = classify(ramp, { method: 'stddev', classes: 4 });
    const mean = 50.5;
    expect(c.breaks[2]).toBeCloseTo(mean, 6);
    expect(c.breaks[3] - c.breaks[2]).toBeCloseTo(c.breaks[2] - c.breaks[1], 6);
    expect(c.counts.reduce((a, b) => a + b)).toBe(100);
  });

  it('manual breaks are used as given and closed by the data range', () => {
    const c = classify(ramp, { method: 'manual', classes: 3, manualBreaks: [50, 10] });
    expect(c.breaks).toEqual([1, 10, 50, 100]);
    expect(c.counts).toEqual([9, 40, 51]);
  });

  it('counts missing values in the no-data class and never in a colour class', () => {
    const c = classify([1, null, 2, Number.NaN, 3, undefined], { method: 'quantile', classes: 3 });
    expect(c.noData).toBe(3);
    expect(c.counts.reduce((a, b) => a + b)).toBe(3);
    expect(classIndex(null, c.breaks)).toBe(-1);
  });

  it('all-equal values give one class instead of empty ones', () => {
    const c = classify([5, 5, 5], { method: 'jenks', classes: 5 });
    expect(c.breaks).toEqual([5, 5]);
    expect(c.counts).toEqual([3]);
  });

  it('clamps the class count to 3..9', () => {
    expect(classify(ramp, { method: 'equal', classes: 20 }).counts).toHaveLength(9);
    expect(classify(ramp, { method: 'equal', classes: 1 }).counts).toHaveLength(3);
  });
});
