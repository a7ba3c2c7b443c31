import { describe, expect, it } from 'vitest';
import { aggregateBy, nearPoorRate, poorRate, sumCounts } from '../../core/poverty/aggregate.ts';
import { toCounts } from '../../core/poverty/counts.ts';
import { Rng } from '../../core/simulate/prng.ts';

describe('aggregation: sums of counts, rates of sums', () => {
  it('a parent rate is Σ poor / Σ households, not the mean of its children’s rates', () => {
    const ward = { households: 300, poor: 30, near_poor: 15 }; // 10 %
    const commune = { households: 3000, poor: 30, near_poor: 60 }; // 1 %
    const parent = sumCounts([ward, commune]);
    expect(parent.households).toBe(3300);
    expect(poorRate(parent)).toBeCloseTo((100 * 60) / 3300, 12);
    expect(poorRate(parent)).not.toBeCloseTo((10 + 1) / 2, 2);
    expect(nearPoorRate(parent)).toBeCloseTo((100 * 75) / 3300, 12);
  });

  it('property: for random trees, every parent rate equals its summed counts over summed households', () => {
    const rng = new Rng(3, 'aggregate');
    for (let trial = 0; trial < 50; trial++) {
      const communes = Array.from({ length: 50 + Math.floor(rng.next() * 200) }, (_, i) => {
        const households = 100 + Math.floor(rng.next() * 5000);
        const poor = Math.floor(rng.next() * households * 0.5);
        return { code: `c${i}`, district: `d${Math.floor(rng.next() * 8)}`, province: `p${Math.floor(rng.next() * 3)}`, households, poor, near_poor: Math.floor(rng.next() * (households - poor)) };
      });
      const byDistrict = aggregateBy(communes, (c) => `${c.province}/${c.district}`, (c) => c);
      const byProvince = aggregateBy(communes, (c) => c.province, (c) => c);
      for (const [key, sums] of byDistrict) {
        const members = communes.filter((c) => `${c.province}/${c.district}` === key);
        const poor = members.reduce((s, c) => s + c.poor, 0);
        const households = members.reduce((s, c) => s + c.households, 0);
        expect(sums.units).toBe(members.length);
        expect(poorRate(sums)).toBeCloseTo((100 * poor) / households, 10);
      }
      // summing districts gives the same province as summing communes directly (associativity)
      const viaDistricts = aggregateBy([...byDistrict], ([key]) => key.split('/')[0], ([, s]) => s);
      for (const [province, sums] of byProvince) {
        expect(viaDistricts.get(province)!.poor).toBe(sums.poor);
        expect(viaDistricts.get(province)!.households).toBe(sums.households);
      }
    }
  });

  it('a column missing in any child makes the parent’s column null, never a partial sum', () => {
    const parent = sumCounts([toCounts({ households: 100, poor: 5, escaped: 2 }), toCounts({ households: 200, poor: 7 })]);
    expect(parent.poor).toBe(12);
    expect(parent.escaped).toBeNull();
    expect(sumCounts([]).households).toBeNull();
    expect(poorRate({ households: 0, poor: 0 })).toBeNull();
  });
});
