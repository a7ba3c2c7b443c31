import { describe, expect, it } from 'vitest';
import {
  buildTrend,
  checkTarget,
  formatPoints,
  formatRate,
  niceMax,
  pickYear,
  type UnitSummaryView,
  type UnitYear,
} from '../../client/views/explore/unit-summary.ts';

function year(y: number, poorRate: number | null, nearPoorRate: number | null, extra: Partial<UnitYear> = {}): UnitYear {
  return {
    year: y,
    via: null,
    exact: true,
    counts: { households: 1000, poor: null, near_poor: null, escaped: null, newly_poor: null, re_poor: null },
    poorRate,
    nearPoorRate,
    targets: { poor_rate_reduction: 1, near_poor_rate_reduction: 0.75 },
    simulated: false,
    source: 'test',
    ...extra,
  };
}

function summary(years: UnitYear[]): UnitSummaryView {
  return { structure: '2025', code: '22276', level: 'commune', name: 'Xã Hòa Đồng', path: [], years, coordination: [] };
}

describe('pickYear', () => {
  const s = summary([year(2022, 5, 4), year(2024, 3, 3), year(2023, 4, 3.5)]);
  it('takes the map year, else the latest', () => {
    expect(pickYear(s, 2023)?.year).toBe(2023);
    expect(pickYear(s, null)?.year).toBe(2024);
    expect(pickYear(s, 2021)).toBeNull();
    expect(pickYear(summary([]), null)).toBeNull();
  });
});

describe('checkTarget', () => {
  it('compares the fall from the year before with the target, at 2 decimals', () => {
    const s = summary([year(2023, 1.51, 4), year(2024, 0.51, 3.5)]);
    const c = checkTarget(s, s.years[1]);
    expect(c).toEqual({ achieved: 1, target: 1, met: true, estimate: false, standardChanged: false });
    const near = checkTarget(s, s.years[1], 'nearPoorRate');
    expect(near.achieved).toBe(0.5);
    expect(near.met).toBe(false);
  });

  it('counts a rise as a negative achievement', () => {
    const s = summary([year(2023, 2, 4), year(2024, 2.3, 4)]);
    expect(checkTarget(s, s.years[1])).toMatchObject({ achieved: -0.3, met: false });
  });

  it('only compares with the calendar year before, and says unknown otherwise', () => {
    const s = summary([year(2022, 5, 4), year(2024, 3, 3)]);
    expect(checkTarget(s, s.years[1])).toMatchObject({ achieved: null, met: null });
    const noTarget = summary([year(2023, 5, 4), year(2024, 3, 3, { targets: { poor_rate_reduction: null, near_poor_rate_reduction: null } })]);
    expect(checkTarget(noTarget, noTarget.years[1])).toMatchObject({ achieved: 2, target: null, met: null });
  });

  it('flags crosswalk estimates and the 2022 change of poverty standard', () => {
    const s = summary([year(2021, 6, 5, { via: 'crosswalk', exact: false }), year(2022, 4, 4)]);
    expect(checkTarget(s, s.years[1])).toMatchObject({ estimate: true, standardChanged: true });
  });
});

describe('buildTrend', () => {
  it('scales both rates from 0 to a round top and joins consecutive years', () => {
    const t = buildTrend([year(2024, 2, 4), year(2022, 6, 8), year(2023, 4, 6)], 320, 140);
    expect(t.yMax).toBe(10);
    expect(t.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(t.years[0].x).toBe(t.left);
    expect(t.years[2].x).toBe(t.right);
    const poor = t.series[0];
    expect(poor.key).toBe('poorRate');
    expect(poor.points.map((p) => p.y)).toEqual([t.bottom - 0.6 * (t.bottom - t.top), t.bottom - 0.4 * (t.bottom - t.top), t.bottom - 0.2 * (t.bottom - t.top)].map((v) => Math.round(v * 10) / 10));
    expect(poor.segments).toHaveLength(1);
    expect(poor.segments[0].dashed).toBe(false);
    expect(poor.segments[0].d.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    expect(t.anyEstimate).toBe(false);
  });

  it('dashes segments touching a crosswalk year and breaks at missing values', () => {
    const t = buildTrend([
      year(2021, 6, 5, { via: 'crosswalk', exact: false }),
      year(2022, 5, null, { via: 'crosswalk', exact: true }),
      year(2023, 4, 4),
      year(2024, 3, 3),
    ]);
    expect(t.anyEstimate).toBe(true);
    expect(t.series[0].segments.map((s) => s.dashed)).toEqual([true, false]);
    expect(t.series[0].points.filter((p) => p.estimate).map((p) => p.year)).toEqual([2021, 2022]);
    // near-poor has no 2022 value: 2021 is not joined to 2023
    expect(t.series[1].segments).toHaveLength(1);
    expect(t.series[1].segments[0].d.startsWith(`M${t.years[2].x},`)).toBe(true);
  });

  it('centres a single year and survives no rates at all', () => {
    const t = buildTrend([year(2024, null, null)], 300, 100);
    expect(t.years[0].x).toBe((t.left + t.right) / 2);
    expect(t.yMax).toBe(1);
    expect(t.series.every((s) => s.points.length === 0 && s.segments.length === 0)).toBe(true);
  });
});

describe('formatting', () => {
  it('rounds the axis top up to a readable value', () => {
    expect([0, 0.7, 1, 1.3, 2.2, 3, 7, 12, 26].map(niceMax)).toEqual([1, 1, 1, 2, 2.5, 5, 10, 20, 50]);
  });

  it('writes rates and points with 2 decimals, the Vietnamese way', () => {
    expect(formatRate(1.5, 'vi')).toBe('1,50 %');
    expect(formatRate(12.345, 'en')).toBe('12.35 %');
    expect(formatPoints(-0.3, 'vi')).toBe('-0,30');
  });
});
