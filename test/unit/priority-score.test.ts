// core/priority: the score's promises — worse data never lowers it, equal values and missing
// values change no order, a lone commune is scored, points add up, ties share a rank.
import { describe, expect, it } from 'vitest';
import { Distribution, FACTORS, matchesFilters, monthsBetween, monthsSinceVisit, rankCommunes, type Candidate } from '../../core/priority/index.ts';
import { Rng } from '../../core/simulate/prng.ts';

const randomFrom = (seed: number) => {
  const rng = new Rng(seed, 'priority-test');
  return () => rng.next();
};

const ALL_WEIGHTS = Object.fromEntries(FACTORS.map((f, i) => [f.key, 1 + (i % 3)]));

function randomCommunes(n: number, seed: number, missingShare = 0): Candidate[] {
  const random = randomFrom(seed);
  return Array.from({ length: n }, (_, i) => ({
    code: String(10000 + i),
    values: Object.fromEntries(
      FACTORS.map((f) => {
        if (random() < missingShare) return [f.key, null];
        if (f.kind === 'flag') return [f.key, random() < 0.3 ? 1 : 0];
        // few distinct values, so ties are common
        return [f.key, f.key === 'months_since_visit' && random() < 0.2 ? Infinity : Math.round(random() * 20)];
      }),
    ),
  }));
}

const rank = (...args: Parameters<typeof rankCommunes>) => rankCommunes(...args).communes;
const scoreOf = (ranked: ReturnType<typeof rank>, code: string) => ranked.find((r) => r.code === code)!.score!;

describe('priority score', () => {
  it('never lowers a commune’s score when one of its factors gets worse', () => {
    const random = randomFrom(7);
    for (let trial = 0; trial < 300; trial++) {
      const communes = randomCommunes(40, trial);
      const target = communes[Math.floor(random() * communes.length)]!;
      const factor = FACTORS[Math.floor(random() * FACTORS.length)]!;
      const before = scoreOf(rank(communes, { weights: ALL_WEIGHTS }), target.code);
      const current = target.values[factor.key] as number;
      const worse = factor.kind === 'flag' ? 1 : current + 1 + Math.floor(random() * 5);
      const changed = communes.map((c) => (c === target ? { ...c, values: { ...c.values, [factor.key]: worse } } : c));
      const after = scoreOf(rank(changed, { weights: ALL_WEIGHTS }), target.code);
      expect(after, `${factor.key} ${current} → ${worse}`).toBeGreaterThanOrEqual(before);
    }
  });

  it('raises the score strictly when a commune passes others on a weighted measure', () => {
    const communes = [
      { code: 'a', values: { poor_rate: 5 } },
      { code: 'b', values: { poor_rate: 10 } },
      { code: 'c', values: { poor_rate: 15 } },
    ];
    const ranked = rank(communes, { weights: { poor_rate: 1 } });
    expect(ranked.map((r) => [r.code, r.rank, r.score])).toEqual([['c', 1, 83.33], ['b', 2, 50], ['a', 3, 16.67]]);
    const worse = rank([{ code: 'a', values: { poor_rate: 20 } }, ...communes.slice(1)], { weights: { poor_rate: 1 } });
    expect(worse[0]!.code).toBe('a');
    expect(worse[0]!.score).toBeGreaterThan(ranked[2]!.score!);
  });

  it('scores all-equal values alike: every commune 50 points on that factor, one shared rank', () => {
    const communes = Array.from({ length: 5 }, (_, i) => ({ code: `c${i}`, values: { poor_rate: 12.5, coastal: 0 } }));
    const ranked = rank(communes, { weights: { poor_rate: 2, coastal: 1 } });
    expect(new Set(ranked.map((r) => r.score))).toEqual(new Set([33.33]));
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1, 1, 1]);
  });

  it('leaves a missing value out of the score and lists it; no known factor means no score, ranked last', () => {
    const ranked = rank(
      [
        { code: 'known', values: { poor_rate: 10, poor: 100 } },
        { code: 'half', values: { poor_rate: 20, poor: null } },
        { code: 'none', values: {} },
      ],
      { weights: { poor_rate: 1, poor: 1 } },
    );
    const half = ranked.find((r) => r.code === 'half')!;
    expect(half.missing).toEqual(['poor']);
    // the mean of what is known: its poor-rate percentile alone (0.75 of 2 known values)
    expect(half.score).toBe(75);
    // per-factor arrays follow the weighted factors in catalogue order: poor_rate, poor
    expect([half.values[1], half.normalised[1], half.points[1]]).toEqual([null, null, 0]);
    expect(ranked.at(-1)).toMatchObject({ code: 'none', score: null, rank: 3 });
  });

  it('scores a commune compared with itself alone at 50, not NaN', () => {
    const [only] = rank([{ code: 'x', values: { poor_rate: 31, poor: 400, poor_district: 1 } }], { weights: { poor_rate: 1, poor: 1 } });
    expect(only).toMatchObject({ code: 'x', score: 50, rank: 1 });
  });

  it('makes points add up to the score and orders ties by poor households, then code, whatever the input order', () => {
    const communes = randomCommunes(200, 42, 0.1);
    const ranked = rank(communes, { weights: ALL_WEIGHTS });
    for (const r of ranked) if (r.score !== null) expect(r.points.reduce((s, p) => s + p, 0)).toBeCloseTo(r.score, 1);
    const shuffled = rank([...communes].reverse(), { weights: ALL_WEIGHTS });
    expect(shuffled.map((r) => r.code)).toEqual(ranked.map((r) => r.code));
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      if (a.score === b.score) expect(b.rank).toBe(a.rank);
      else expect(b.rank).toBe(i + 1);
    }
  });

  it('compares with a reference set when given one (the whole country)', () => {
    const reference = Array.from({ length: 100 }, (_, i) => ({ poor_rate: i }));
    const [r] = rank([{ code: 'x', values: { poor_rate: 90 } }], { weights: { poor_rate: 1 }, reference });
    expect(r!.score).toBe(90.5);
  });
});

describe('percentiles', () => {
  it('are mid-ranks: below + half of the equal ones', () => {
    const d = new Distribution([1, 2, 2, 3, null, Infinity]);
    expect(d.size).toBe(5);
    expect(d.percentile(2)).toBeCloseTo((1 + 1) / 5);
    expect(d.percentile(0)).toBe(0);
    expect(d.percentile(Infinity)).toBe(0.9);
    expect(new Distribution([]).percentile(3)).toBe(0.5);
  });
});

describe('filters', () => {
  const commune = { code: '1', provinceCode: '42', districtCode: '436', values: { poor_rate: 12, poor_district: 1, months_since_visit: Infinity } };
  it('keep a commune inside the places, flags and thresholds asked, and drop one with an unknown thresholded value', () => {
    expect(matchesFilters(commune, { provinces: ['42'], districts: ['436'], flags: ['poor_district'], thresholds: [{ factor: 'poor_rate', min: 10, max: 20 }] })).toBe(true);
    expect(matchesFilters(commune, { provinces: ['54'] })).toBe(false);
    expect(matchesFilters(commune, { flags: ['coastal'] })).toBe(false);
    expect(matchesFilters(commune, { thresholds: [{ factor: 'poor_rate', min: 12.5 }] })).toBe(false);
    expect(matchesFilters(commune, { thresholds: [{ factor: 'near_poor_rate', min: 0 }] })).toBe(false);
    // never visited passes "not visited for 12 months"
    expect(matchesFilters(commune, { thresholds: [{ factor: 'months_since_visit', min: 12 }] })).toBe(true);
    expect(matchesFilters({ ...commune, districtCode: null }, { districts: ['436'] })).toBe(false);
  });
});

describe('months since a visit', () => {
  it('counts whole calendar months, Infinity when never visited', () => {
    expect(monthsBetween('2025-01-15', '2025-02-14')).toBe(0);
    expect(monthsBetween('2025-01-15', '2025-02-15')).toBe(1);
    expect(monthsBetween('2024-11-30', '2025-11-22')).toBe(11);
    expect(monthsBetween('2025-03-10', '2026-11-22')).toBe(20);
    expect(monthsSinceVisit(null, '2025-01-01')).toBe(Infinity);
  });
});
