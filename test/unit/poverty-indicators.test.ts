import { describe, expect, it } from 'vitest';
import { computeIndicator, indicatorByKey, indicatorYears, INDICATORS, TARGET_INDICATORS } from '../../core/poverty/indicators.ts';
import { DEPRIVATION_INDICATORS, POVERTY_DIMENSIONS, standardForYear } from '../../core/poverty/standard.ts';
import { toCounts } from '../../core/poverty/counts.ts';
import { sumCounts } from '../../core/poverty/aggregate.ts';

const now = toCounts({ households: 2000, poor: 60, near_poor: 40, escaped: 30, newly_poor: 8, re_poor: 2, d01: 50, d02: 30, d10: 80 });
const before = toCounts({ households: 1980, poor: 80, near_poor: 50 });

describe('indicator catalogue', () => {
  it('has unique keys, both names, a unit and a kind for every indicator', () => {
    expect(new Set(INDICATORS.map((d) => d.key)).size).toBe(INDICATORS.length);
    for (const d of INDICATORS) {
      expect(d.nameVi.length).toBeGreaterThan(3);
      expect(d.nameEn.length).toBeGreaterThan(3);
      expect(['hộ', '%', 'điểm %', 'loại']).toContain(d.unit);
    }
    expect(DEPRIVATION_INDICATORS).toHaveLength(12);
    expect(POVERTY_DIMENSIONS.flatMap((d) => d.indicators)).toEqual(DEPRIVATION_INDICATORS.map((d) => d.key));
    expect(INDICATORS.filter((d) => d.kind === 'deprivation-share')).toHaveLength(12);
    expect(INDICATORS.filter((d) => d.kind === 'dimension-share')).toHaveLength(6);
  });

  it('computes rates, counts, changes and target gaps from summed counts', () => {
    expect(computeIndicator('poor_rate', { counts: now })).toBeCloseTo(3, 12);
    expect(computeIndicator('poor_near_poor_rate', { counts: now })).toBeCloseTo(5, 12);
    expect(computeIndicator('poor_near_poor', { counts: now })).toBe(100);
    // start of year = 60 − 8 − 2 + 30 = 80 poor
    expect(computeIndicator('escaped_share', { counts: now })).toBeCloseTo(37.5, 12);
    const change = computeIndicator('poor_rate_change', { counts: now, previous: before })!;
    expect(change).toBeCloseTo(3 - (100 * 80) / 1980, 12);
    expect(computeIndicator('poor_rate_target_gap', { counts: now, previous: before, target: 1 })).toBeCloseTo(-change - 1, 12);
    expect(computeIndicator('poor_rate_target_gap', { counts: now, previous: before, target: null })).toBeNull();
    expect(computeIndicator('poor_rate_change', { counts: now, previous: null })).toBeNull();
  });

  it('deprivation shares are over poor + near-poor households; a dimension is the mean of its two', () => {
    expect(computeIndicator('deprivation_d10', { counts: now })).toBeCloseTo(80, 12);
    expect(computeIndicator('deprivation_dim1', { counts: now })).toBeCloseTo((100 * (50 + 30)) / 200, 12);
    expect(computeIndicator('deprivation_dim2', { counts: now })).toBeNull();
  });

  it('a parent’s indicator is computed on the sum of its children, never averaged', () => {
    const parent = sumCounts([now, toCounts({ households: 100, poor: 50, near_poor: 0, escaped: 0, newly_poor: 0, re_poor: 0, d01: 0, d02: 0, d10: 0 })]);
    expect(computeIndicator('poor_rate', { counts: parent })).toBeCloseTo((100 * 110) / 2100, 12);
  });

  it('codes the BC 150 coordination status', () => {
    expect(computeIndicator('coordination_status', { counts: null, coordination: { signed: 1, reported: 1 } })).toBe(3);
    expect(computeIndicator('coordination_status', { counts: null, coordination: { signed: 0, reported: 1 } })).toBe(2);
    expect(computeIndicator('coordination_status', { counts: null, coordination: { signed: 1, reported: null } })).toBeNull();
    expect(indicatorByKey('coordination_status')!.categories).toHaveLength(4);
  });

  it('lists years: no change across the 2021 → 2022 change of standard; gaps only with targets', () => {
    expect(standardForYear(2021)).toBe('QD59_2015');
    expect(standardForYear(2022)).toBe('ND07_2021');
    const data = { reviewYears: [2021, 2022, 2023, 2024], targetYears: { [TARGET_INDICATORS.poorRateReduction]: [2023] }, coordinationYears: [2023] };
    expect(indicatorYears(indicatorByKey('poor_rate')!, data)).toEqual([2021, 2022, 2023, 2024]);
    expect(indicatorYears(indicatorByKey('poor_rate_change')!, data)).toEqual([2023, 2024]);
    expect(indicatorYears(indicatorByKey('poor_rate_target_gap')!, data)).toEqual([2023]);
    expect(indicatorYears(indicatorByKey('coordination_status')!, data)).toEqual([2023]);
    // a 2025 unit's previous year comes through the crosswalk
    expect(indicatorYears(indicatorByKey('poor_rate_change')!, { reviewYears: [2025], previousYears: [2025] })).toEqual([2025]);
  });
});
