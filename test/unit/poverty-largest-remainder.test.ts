import { describe, expect, it } from 'vitest';
import { apportion } from '../../core/poverty/largest-remainder.ts';
import { Rng } from '../../core/simulate/prng.ts';

describe('apportion (largest remainder)', () => {
  it('splits an integer total exactly and proportionally', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportion(0, [3, 4])).toEqual([0, 0]);
    expect(apportion(5, [0, 0])).toEqual([3, 2]);
  });

  it('property: parts sum to the total and each is floor or ceil of its exact share', () => {
    const rng = new Rng(1, 'apportion');
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(rng.next() * 12);
      const weights = Array.from({ length: n }, () => (rng.next() < 0.2 ? 0 : rng.next() * 1000));
      const total = Math.floor(rng.next() * 100_000);
      const parts = apportion(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => {
        const exact = sum > 0 ? (weights[i] / sum) * total : total / n;
        expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(p).toBeLessThanOrEqual(Math.ceil(exact));
      });
    }
  });

  it('rejects what cannot be apportioned', () => {
    expect(() => apportion(-1, [1])).toThrow();
    expect(() => apportion(1.5, [1])).toThrow();
    expect(() => apportion(3, [])).toThrow();
    expect(() => apportion(3, [1, -1])).toThrow();
  });
});
