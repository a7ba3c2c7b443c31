// The benchmark readers on real development-set files. The files live outside the repo, in
// ROUTING_BENCH_DIR (default ../shared/bench/routing beside the checkout).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkProblem, distanceMatrix, parseBenchmark } from '../../core/routing/formats/benchmark-problem.ts';
import { edgeLength, FormatError } from '../../core/routing/formats/instance.ts';
import { parseCvrplib } from '../../core/routing/formats/cvrplib.ts';
import { parseSolomon } from '../../core/routing/formats/solomon.ts';
import { parseTsplib } from '../../core/routing/formats/tsplib.ts';

const benchDir = path.resolve(process.env.ROUTING_BENCH_DIR ?? path.join(import.meta.dirname, '../../../shared/bench/routing'));
const read = (file: string) => readFileSync(path.join(benchDir, 'instances', file), 'utf8');

function tourLength(d: Float64Array, n: number, order: number[]): number {
  let c = 0;
  for (let k = 0; k < order.length; k++) c += d[order[k] * n + order[(k + 1) % order.length]];
  return c;
}

describe('TSPLIB reader', () => {
  it('reads eil51 and a280, and the optimal a280 tour costs 2579 under nint rounding', () => {
    const eil = parseTsplib(read('tsplib/eil51.tsp'));
    expect(eil.ids.length).toBe(51);
    expect([eil.ids[0], eil.x[0], eil.y[0]]).toEqual([1, 37, 52]);
    expect(eil.convention).toBe('nint');

    const a280 = parseTsplib(read('tsplib/a280.tsp'));
    const tourText = read('tsplib/opt_tours/a280.opt.tour');
    const ids = tourText.split('TOUR_SECTION')[1].split(/\s+/).map(Number).filter((x) => x > 0);
    const index = new Map(a280.ids.map((id, i) => [id, i]));
    expect(tourLength(distanceMatrix(a280), a280.ids.length, ids.map((id) => index.get(id)!))).toBe(2579);
  });

  it('refuses what it cannot read, saying why', () => {
    expect(() => parseTsplib('NAME : x\nTYPE : CVRP\n')).toThrow(/expected TSP/);
    expect(() => parseTsplib('NAME : x\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n')).toThrow(FormatError);
    expect(() => parseTsplib('NAME : x\nTYPE : TSP\nDIMENSION : 1\nEDGE_WEIGHT_TYPE : GEO\nNODE_COORD_SECTION\n1 0 0\n')).toThrow(/GEO is not supported/);
    expect(() => parseBenchmark('x.csv', 'a,b\n1,2\n')).toThrow(/cannot tell the format/);
  });

  it('rounds edges the TSPLIB way', () => {
    expect(edgeLength('nint', 3, 4)).toBe(5);
    expect(edgeLength('nint', 1, 1)).toBe(1); // 1.414 → 1
    expect(edgeLength('nint', 1.5, 0)).toBe(2); // floor(x + 0.5)
    expect(edgeLength('ceil', 1, 1)).toBe(2);
    expect(edgeLength('real', 1, 1)).toBeCloseTo(Math.SQRT2, 12);
  });
});

describe('CVRPLIB reader', () => {
  it('reads A-n32-k5 (capacity, demands, depot) and its optimal solution costs 784', () => {
    const inst = parseCvrplib(read('cvrp/augerat_A/A-n32-k5.vrp'));
    expect(inst.ids.length).toBe(32);
    expect(inst.capacity).toBe(100);
    expect(inst.ids[inst.depot]).toBe(1);
    expect(inst.demand[1]).toBe(19); // node 2
    expect(inst.demand.reduce((a, b) => a + b, 0)).toBe(410);
    const problem = benchmarkProblem(inst);
    expect(problem.jobs.length).toBe(31);
    expect(problem.jobs[0].id).toBe('2');
    // CVRPLIB .sol numbers customers 1..n-1, i.e. node id - 1.
    const d = distanceMatrix(inst);
    const n = inst.ids.length;
    let cost = 0;
    for (const line of read('cvrp/augerat_A/A-n32-k5.sol').split('\n').filter((l) => l.startsWith('Route'))) {
      const route = [0, ...line.split(':')[1].trim().split(/\s+/).map(Number), 0];
      for (let k = 0; k + 1 < route.length; k++) cost += d[route[k] * n + route[k + 1]];
    }
    expect(cost).toBe(784);
  });

  it('treats CMT files (route length limit, service time) as real-valued', () => {
    const inst = parseCvrplib(read('cvrp/CMT/CMT6.vrp'));
    expect(inst.convention).toBe('real');
    expect(inst.maxRouteLength).toBe(200);
    expect(inst.service[1]).toBe(10);
    expect(inst.service[inst.depot]).toBe(0);
  });

  it('refuses a demand above the capacity', () => {
    const text = read('cvrp/augerat_P/P-n16-k8.vrp').replace(/CAPACITY : \d+/, 'CAPACITY : 5');
    expect(() => parseCvrplib(text)).toThrow(/exceeds CAPACITY/);
  });
});

describe('Solomon reader', () => {
  it('reads C101: fleet, capacity, depot window, customer windows and service', () => {
    const inst = parseSolomon(read('vrptw/solomon/C101.txt'));
    expect(inst.name).toBe('C101');
    expect([inst.vehicles, inst.capacity]).toEqual([25, 200]);
    expect(inst.ids.length).toBe(101);
    expect([inst.ready[0], inst.due[0]]).toEqual([0, 1236]);
    expect([inst.ids[1], inst.x[1], inst.y[1], inst.demand[1], inst.ready[1], inst.due[1], inst.service[1]]).toEqual([1, 45, 68, 10, 912, 967, 90]);
    const problem = benchmarkProblem(inst);
    expect(problem.vehicles.length).toBe(25);
    expect(problem.vehicles[0].shifts).toEqual([{ start: 0, end: 1236 }]);
    expect(problem.jobs[0].timeWindows).toEqual([{ start: 912, end: 967 }]);
  });

  it('refuses a table with missing numbers', () => {
    const text = read('vrptw/solomon/C101.txt').replace(/\n\s+5\s+42\s+65[^\n]*\n/, '\n    5      42         65\n');
    expect(() => parseSolomon(text)).toThrow(/needs 7 numbers/);
  });
});
