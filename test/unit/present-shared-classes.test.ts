import { describe, expect, it } from 'vitest';
import { sharedChoropleth } from '../../client/present/shared-classes.ts';

describe('one legend for maps side by side', () => {
  const request = { method: 'equal' as const, classes: 4, palette: 'YlOrRd' };

  it('classes come from both years pooled: the same value has the same colour on both maps', () => {
    const y2022 = { codes: ['01', '02', '03'], values: [10, 20, 30], shown: ['01', '02', '03'] };
    const y2024 = { codes: ['01', '02', '03'], values: [2, 6, 10], shown: ['01', '02', '03'] };
    const shared = sharedChoropleth([y2022, y2024], request);
    expect(shared.classification.breaks[0]).toBe(2);
    expect(shared.classification.breaks.at(-1)).toBe(30);
    // 10 in 2022 and 10 in 2024: one colour
    expect(shared.panels[0].fills.get('01')).toBe(shared.panels[1].fills.get('03'));
    expect(shared.panels.map((p) => p.counts.reduce((a, b) => a + b, 0))).toEqual([3, 3]);
  });

  it('only the units shown count (a region), and a missing value is no data', () => {
    const shared = sharedChoropleth([{ codes: ['01', '02', '03'], values: [1, null, 99], shown: ['01', '02', '04'] }], request);
    expect([...shared.panels[0].fills.keys()].sort()).toEqual(['01', '02', '04']);
    expect(shared.panels[0].noData).toBe(2);
    expect(shared.classification.breaks).toEqual([1, 1]);
  });
});
