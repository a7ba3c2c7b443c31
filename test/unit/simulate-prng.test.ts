import { describe, expect, it } from 'vitest';
import { distanceKm, smoothField } from '../../core/simulate/field.ts';
import { hash32, keyedNormal, Rng } from '../../core/simulate/prng.ts';

describe('seeded randomness', () => {
  it('is deterministic per seed and labels, and differs between them', () => {
    const a = new Rng(42, 'x');
    const b = new Rng(42, 'x');
    const c = new Rng(43, 'x');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(keyedNormal(1, 'commune', '22276')).toBe(keyedNormal(1, 'commune', '22276'));
    expect(hash32('ab', 'c')).not.toBe(hash32('a', 'bc'));
  });

  it('gives uniform and standard normal numbers', () => {
    const rng = new Rng(5, 'moments');
    const u = Array.from({ length: 20_000 }, () => rng.next());
    const z = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    expect(mean(z)).toBeCloseTo(0, 1);
    expect(mean(z.map((x) => x * x))).toBeCloseTo(1, 1);
  });
});

describe('smooth random field', () => {
  const field = smoothField(9, 'test');
  const rng = new Rng(9, 'points');
  const points = Array.from({ length: 3000 }, () => [rng.uniform(102.5, 109.5), rng.uniform(8.5, 23.3)] as const);
  const values = points.map(([lon, lat]) => field(lon, lat));

  it('has about unit variance over Vietnam', () => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(variance).toBeGreaterThan(0.3);
    expect(variance).toBeLessThan(2);
  });

  it('is close to itself nearby and independent far away', () => {
    let nearSq = 0;
    let farSq = 0;
    for (const [lon, lat] of points.slice(0, 500)) {
      nearSq += (field(lon, lat) - field(lon + 0.05, lat)) ** 2; // ~5 km
      farSq += (field(lon, lat) - field(lon + 4, lat - 6)) ** 2; // ~800 km
    }
    expect(distanceKm(106, 16, 106.05, 16)).toBeLessThan(6);
    expect(nearSq / 500).toBeLessThan(0.1);
    expect(farSq / 500).toBeGreaterThan(0.8);
  });
});
