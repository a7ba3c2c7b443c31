// The solver against exhaustive search on small random instances: every order of the
// customers, each cut into routes in the best way (a split by dynamic programming, which is
// exact for a fixed order), gives the true optimum. The solver must reach it.
import { describe, expect, it } from 'vitest';
import type { Job, RoutingProblem, Vehicle } from '../../core/routing/model.ts';
import { SearchRandom } from '../../core/routing/prng.ts';
import { solve } from '../../core/routing/solve.ts';

interface Small {
  n: number; // customers; location 0 is the depot
  d: Float64Array; // (n+1)²
  demand: number[];
  capacity: number;
  ready: number[];
  due: number[];
  service: number[];
  horizon: number;
}

function randomInstance(seed: number, n: number, withTime: boolean): Small {
  const rng = new SearchRandom(seed);
  const x = Array.from({ length: n + 1 }, () => rng.int(100));
  const y = Array.from({ length: n + 1 }, () => rng.int(100));
  const d = new Float64Array((n + 1) ** 2);
  for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) d[i * (n + 1) + j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
  const demand = [0, ...Array.from({ length: n }, () => 1 + rng.int(5))];
  const ready = [0];
  const due = [withTime ? 400 : Infinity];
  for (let i = 1; i <= n; i++) {
    const open = withTime ? rng.int(200) : 0;
    ready.push(open);
    due.push(withTime ? open + 30 + rng.int(80) : Infinity);
  }
  return { n, d, demand, capacity: 10, ready, due, service: [0, ...Array.from({ length: n }, () => (withTime ? 10 : 0))], horizon: due[0] };
}

function toProblem(s: Small, vehicles: number, capacity = s.capacity): RoutingProblem {
  const jobs: Job[] = [];
  for (let i = 1; i <= s.n; i++) {
    jobs.push({
      id: `c${i}`, location: i, demand: s.demand[i], service: s.service[i],
      ...(Number.isFinite(s.due[i]) ? { timeWindows: [{ start: s.ready[i], end: s.due[i] }] } : {}),
    });
  }
  const fleet: Vehicle[] = Array.from({ length: vehicles }, (_, v) => ({
    id: `v${v}`, start: 0, end: 0, capacity, shifts: [{ start: 0, end: s.horizon }],
  }));
  return { matrix: { size: s.n + 1, durations: s.d, distances: s.d }, jobs, vehicles: fleet, objective: 'distance' };
}

/** Cost of one route 0 → seq → 0, or Infinity when it breaks capacity or a window. */
function routeCost(s: Small, seq: number[], capacity: number): number {
  const m = s.n + 1;
  let load = 0;
  let t = 0;
  let cost = 0;
  let prev = 0;
  for (const c of seq) {
    load += s.demand[c];
    cost += s.d[prev * m + c];
    t = Math.max(t + s.d[prev * m + c], s.ready[c]);
    if (t > s.due[c]) return Infinity;
    t += s.service[c];
    prev = c;
  }
  cost += s.d[prev * m];
  if (load > capacity || t + s.d[prev * m] > s.horizon) return Infinity;
  return cost;
}

function bruteForce(s: Small, capacity: number, singleRoute: boolean): number {
  const perm = Array.from({ length: s.n }, (_, i) => i + 1);
  let best = Infinity;
  const visit = (k: number) => {
    if (k === perm.length) {
      if (singleRoute) {
        best = Math.min(best, routeCost(s, perm, capacity));
        return;
      }
      const split = new Array(perm.length + 1).fill(Infinity);
      split[0] = 0;
      for (let i = 1; i <= perm.length; i++) {
        for (let j = 0; j < i; j++) split[i] = Math.min(split[i], split[j] + routeCost(s, perm.slice(j, i), capacity));
      }
      best = Math.min(best, split[perm.length]);
      return;
    }
    for (let i = k; i < perm.length; i++) {
      [perm[k], perm[i]] = [perm[i], perm[k]];
      visit(k + 1);
      [perm[k], perm[i]] = [perm[i], perm[k]];
    }
  };
  visit(0);
  return best;
}

describe('solver reaches the proven optimum on small random instances', () => {
  it('one closed tour (TSP fast path), 8 customers', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const s = randomInstance(seed, 8, false);
      const plan = solve(toProblem(s, 1, Infinity), { iterations: 300, seed });
      expect(plan.unassigned).toEqual([]);
      expect(plan.cost).toBeCloseTo(bruteForce(s, Infinity, true), 6);
    }
  });

  it('capacitated routes (CVRP), 7 customers', () => {
    for (let seed = 11; seed <= 14; seed++) {
      const s = randomInstance(seed, 7, false);
      const plan = solve(toProblem(s, 7), { iterations: 3000, seed });
      expect(plan.unassigned).toEqual([]);
      expect(plan.cost).toBeCloseTo(bruteForce(s, s.capacity, false), 6);
      for (const r of plan.routes) expect(r.load).toBeLessThanOrEqual(s.capacity);
    }
  });

  it('time windows with service times (VRPTW), 7 customers', () => {
    let checked = 0;
    for (let seed = 21; checked < 4 && seed < 60; seed++) {
      const s = randomInstance(seed, 7, true);
      const optimum = bruteForce(s, s.capacity, false);
      if (!Number.isFinite(optimum)) continue; // some customer unreachable in time: draw again
      checked++;
      const plan = solve(toProblem(s, 7), { iterations: 3000, seed });
      expect(plan.unassigned).toEqual([]);
      expect(plan.cost).toBeCloseTo(optimum, 6);
      for (const r of plan.routes) {
        for (const stop of r.stops) {
          const c = Number(stop.jobId.slice(1));
          expect(stop.start).toBeGreaterThanOrEqual(s.ready[c]);
          expect(stop.start).toBeLessThanOrEqual(s.due[c] + 1e-9);
        }
      }
    }
    expect(checked).toBe(4);
  });
});
