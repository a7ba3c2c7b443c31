import { describe, expect, it } from 'vitest';
import { aggregateOverCrosswalk, sharesByOldUnit, splitCounts, type CrosswalkLink } from '../../core/poverty/crosswalk.ts';
import { toCounts } from '../../core/poverty/counts.ts';
import { poorRate } from '../../core/poverty/aggregate.ts';

const link = (fromCode: string, toCode: string, kind: 'full' | 'partial', share: number | null = null): CrosswalkLink => ({ fromCode, toCode, kind, share });

describe('aggregation over the 2025 crosswalk', () => {
  const rows = new Map([
    ['A', toCounts({ households: 1000, poor: 100, near_poor: 50 })],
    ['B', toCounts({ households: 2000, poor: 40, near_poor: 80 })],
    ['C', toCounts({ households: 901, poor: 91, near_poor: 9 })],
  ]);

  it('full links move counts whole and are exact', () => {
    const out = aggregateOverCrosswalk(rows, [link('A', 'X', 'full'), link('B', 'X', 'full')]);
    const x = out.get('X')!;
    expect(x.exact).toBe(true);
    expect(x.counts.households).toBe(3000);
    expect(x.counts.poor).toBe(140);
    expect(poorRate(x.counts)).toBeCloseTo((100 * 140) / 3000, 12);
  });

  it('partial links split counts (equally without a share), conserve totals, and are flagged', () => {
    const out = aggregateOverCrosswalk(rows, [link('A', 'X', 'full'), link('C', 'X', 'partial'), link('C', 'Y', 'partial')]);
    const x = out.get('X')!;
    const y = out.get('Y')!;
    expect(x.exact).toBe(false);
    expect(x.partialFrom).toEqual(['C']);
    expect(y.partialFrom).toEqual(['C']);
    expect(x.counts.households! + y.counts.households!).toBe(1000 + 901);
    expect(x.counts.poor! + y.counts.poor!).toBe(100 + 91);
    expect(Math.abs(y.counts.households! - 450.5)).toBeLessThanOrEqual(0.5);
  });

  it('uses the crosswalk share when every link of an old unit has one', () => {
    const shares = sharesByOldUnit([link('C', 'X', 'partial', 0.75), link('C', 'Y', 'partial', 0.25)]).get('C')!;
    expect(shares.map((s) => s.share)).toEqual([0.75, 0.25]);
    const [x, y] = splitCounts({ households: 901, poor: 91 }, shares.map((s) => s.share));
    expect([x.households, y.households]).toEqual([676, 225]);
    expect(x.poor! + y.poor!).toBe(91);
  });

  it('reports predecessors without data instead of hiding them', () => {
    const out = aggregateOverCrosswalk(rows, [link('A', 'X', 'full'), link('Z', 'X', 'full')]);
    expect(out.get('X')!.exact).toBe(false);
    expect(out.get('X')!.missingFrom).toEqual(['Z']);
  });
});
