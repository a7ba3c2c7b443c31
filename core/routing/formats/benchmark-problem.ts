// A benchmark instance as a RoutingProblem, so the benchmarks run through the same solve() the
// app uses: TSP = one vehicle from the first node and back; CVRP = a free fleet (see below)
// with the capacity; VRPTW = the file's fleet, the depot's
// window as the shift, customers' windows and service times. All minimise distance, with
// travel time equal to distance.
import type { Plan, RoutingProblem, Vehicle } from '../model.ts';
import { type BenchmarkInstance, edgeLength } from './instance.ts';
import { parseCvrplib } from './cvrplib.ts';
import { parseSolomon } from './solomon.ts';
import { parseTsplib } from './tsplib.ts';
import { FormatError } from './instance.ts';

export function distanceMatrix(inst: BenchmarkInstance): Float64Array {
  const n = inst.ids.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      d[i * n + j] = d[j * n + i] = edgeLength(inst.convention, inst.x[i] - inst.x[j], inst.y[i] - inst.y[j]);
    }
  }
  return d;
}

/** Job ids are the file's node numbers as text; location k is the k-th node of the file. */
export function benchmarkProblem(inst: BenchmarkInstance): RoutingProblem {
  const n = inst.ids.length;
  const d = distanceMatrix(inst);
  const matrix = { size: n, durations: d, distances: d };
  const depot = inst.depot;
  const jobs = [];
  for (let i = 0; i < n; i++) {
    if (i === depot) continue;
    const timed = inst.kind === 'vrptw';
    jobs.push({
      id: String(inst.ids[i]),
      location: i,
      service: inst.service[i],
      demand: inst.demand[i],
      ...(timed ? { timeWindows: [{ start: inst.ready[i], end: inst.due[i] }] } : {}),
    });
  }
  // CVRPLIB leaves the fleet free. Twice the fewest routes the demand allows, plus two, is
  // far more than a short plan ever uses, and keeps the search from scanning a hundred idle
  // vehicles per insertion.
  const fewestRoutes = Math.ceil(jobs.reduce((sum, j) => sum + j.demand, 0) / inst.capacity);
  const fleet = inst.kind === 'tsp' ? 1 : (inst.vehicles ?? Math.min(jobs.length, 2 * fewestRoutes + 2));
  const shift = inst.kind === 'vrptw' ? { start: inst.ready[depot], end: inst.due[depot] } : { start: 0, end: Infinity };
  const vehicles: Vehicle[] = [];
  for (let v = 0; v < fleet; v++) {
    vehicles.push({
      id: String(v + 1),
      start: depot,
      end: depot,
      shifts: [{ ...shift }],
      ...(inst.kind !== 'tsp' ? { capacity: inst.capacity } : {}),
      ...(Number.isFinite(inst.maxRouteLength) ? { maxWorkingTime: inst.maxRouteLength } : {}),
    });
  }
  return { matrix, jobs, vehicles, objective: 'distance' };
}

/** Picks the parser from the file name (.tsp, .vrp, .txt), falling back on the text itself. */
export function parseBenchmark(fileName: string, text: string): BenchmarkInstance {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsp')) return parseTsplib(text);
  if (lower.endsWith('.vrp')) return parseCvrplib(text);
  if (lower.endsWith('.txt')) return parseSolomon(text);
  if (/^\s*TYPE\s*:\s*TSP\b/m.test(text)) return parseTsplib(text);
  if (/^\s*TYPE\s*:\s*CVRP\b/m.test(text)) return parseCvrplib(text);
  if (/^\s*CUSTOMER\s*$/m.test(text)) return parseSolomon(text);
  throw new FormatError(`cannot tell the format of ${fileName}: expected .tsp (TSPLIB), .vrp (CVRPLIB) or .txt (Solomon)`);
}

/** A plan in the benchmarks' answer form: file ids per route (TSP: every node, first node first). */
export function benchmarkRoutes(inst: BenchmarkInstance, plan: Plan): number[][] {
  const routes = plan.routes.map((r) => r.stops.map((s) => Number(s.jobId)));
  if (inst.kind === 'tsp') return [[inst.ids[inst.depot], ...(routes[0] ?? [])]];
  return routes;
}
