// solve(problem, options): the one entry point. The problem decides the path, not the caller:
// a single closed tour with nothing but travel to minimise (a TSP) goes to the tour search of
// tsp-tour.ts; everything else (capacities, time windows, shifts, overnight trips, locks,
// optional jobs) goes to ruin-and-recreate (search.ts). Both return the same Plan.
import { type CompiledProblem, compileProblem } from './compile.ts';
import { Inserter } from './insertion.ts';
import type { Plan, PlannedRoute, RoutingProblem, SolveOptions, UnassignedJob } from './model.ts';
import { SearchRandom } from './prng.ts';
import { reportRoute } from './route-report.ts';
import { RouteSet } from './route-set.ts';
import { RuinRecreate } from './search.ts';
import { improveTour } from './tsp-tour.ts';

const DEFAULT_TIME_LIMIT_MS = 2000;

const now = (): number => globalThis.performance.now();

export function solve(problem: RoutingProblem, options: SolveOptions = {}): Plan {
  const started = now();
  const cp = compileProblem(problem);
  const rng = new SearchRandom(options.seed ?? 1);
  const maxIterations = options.iterations ?? Infinity;
  const timeLimit = options.timeLimitMs ?? (options.iterations !== undefined ? Infinity : DEFAULT_TIME_LIMIT_MS);
  const deadline = started + timeLimit;

  const rs = new RouteSet(cp);
  if (options.initialRoutes) placeInitialRoutes(cp, rs, options.initialRoutes);

  let best: RouteSet;
  let iterations: number;
  if (isPlainTour(cp)) {
    ({ best, iterations } = solveTour(cp, rs, rng, (it) => it >= maxIterations || ((it & 7) === 0 && now() >= deadline)));
  } else {
    const search = new RuinRecreate(cp);
    search.construct(rs, rng);
    ({ best, iterations } = search.run(rs, rng, { now, deadline, maxIterations }));
  }
  return buildPlan(cp, best, iterations, now() - started);
}

/** One vehicle, a closed tour, no time, capacity that never binds, symmetric travel, no order locks. */
function isPlainTour(cp: CompiledProblem): boolean {
  if (cp.nVehicles !== 1 || cp.timed || !cp.symmetric || cp.vEnd[0] !== cp.vStart[0]) return false;
  let demand = 0;
  for (let j = 0; j < cp.nJobs; j++) {
    demand += cp.demand[j];
    if (!Number.isNaN(cp.lockOrder[j])) return false;
  }
  return demand <= cp.capacity[0];
}

function solveTour(cp: CompiledProblem, rs: RouteSet, rng: SearchRandom, stop: (it: number) => boolean): { best: RouteSet; iterations: number } {
  // City 0 is the vehicle's start, city 1 + j is job j.
  const n = cp.nJobs + 1;
  const loc = Int32Array.from([cp.vStart[0], ...cp.jobLoc]);
  const d = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) d[a * n + b] = cp.cost[loc[a] * cp.nLoc + loc[b]];
  let initial: number[] | null = null;
  if (rs.len[0] === cp.nJobs) {
    initial = [0];
    for (let k = 0; k < rs.len[0]; k++) initial.push(rs.seq[k] + 1);
  }
  const { tour, iterations } = improveTour(d, n, initial, rng, stop);
  const at = tour.indexOf(0);
  const order: number[] = [];
  for (let k = 1; k < n; k++) order.push(tour[(at + k) % n] - 1);
  rs.setRoute(0, order, order.length);
  for (let j = 0; j < cp.nJobs; j++) rs.routeOf[j] = 0;
  rs.recomputeTotal();
  return { best: rs, iterations };
}

/** Jobs of a given plan go where they were, in order, as long as they fit there. */
function placeInitialRoutes(cp: CompiledProblem, rs: RouteSet, routes: readonly PlannedRoute[]): void {
  const inserter = new Inserter(cp);
  for (const route of routes) {
    const v = cp.vehicleIndex.get(route.vehicleId);
    if (v === undefined) throw new RangeError(`initial route: no vehicle ${route.vehicleId}`);
    for (const id of route.jobIds) {
      const j = cp.jobIndex.get(id);
      if (j === undefined) throw new RangeError(`initial route ${route.vehicleId}: no job ${id}`);
      if (rs.routeOf[j] >= 0) continue;
      const p = rs.len[v];
      if (rs.load[v] + cp.demand[j] > cp.capacity[v] || !inserter.lockAllows(rs, v, p, j)) continue;
      if (inserter.feasibleAt(rs, v, p, j)) rs.insert(v, p, j);
    }
  }
}

function buildPlan(cp: CompiledProblem, rs: RouteSet, iterations: number, elapsedMs: number): Plan {
  const routes: Plan['routes'] = [];
  let cost = 0;
  let distance = 0;
  let travelTime = 0;
  for (let v = 0; v < cp.nVehicles; v++) {
    const n = rs.len[v];
    if (n === 0) continue;
    const { route } = reportRoute(cp, v, rs.seq.subarray(v * rs.cap, v * rs.cap + n), n);
    routes.push(route);
    cost += route.cost;
    distance += route.distance;
    travelTime += route.travelTime;
  }
  return { routes, unassigned: explainUnassigned(cp, rs), cost, distance, travelTime, iterations, elapsedMs };
}

/** Why each left-out job is out: it fits no vehicle even alone, or there was no room beside the rest. */
function explainUnassigned(cp: CompiledProblem, rs: RouteSet): UnassignedJob[] {
  const out: UnassignedJob[] = [];
  const empty = new RouteSet(cp);
  const inserter = new Inserter(cp);
  for (let j = 0; j < cp.nJobs; j++) {
    if (rs.routeOf[j] >= 0) continue;
    const jobId = cp.jobIds[j];
    const required = cp.required[j] === 1;
    const locked = cp.lockVehicle[j];
    let maxCapacity = 0;
    for (let v = 0; v < cp.nVehicles; v++) if (locked < 0 || v === locked) maxCapacity = Math.max(maxCapacity, cp.capacity[v]);
    if (inserter.findBest(empty, j, null, 0)) {
      out.push({
        jobId, required, reason: 'no-room',
        message: required
          ? `${jobId} fits a vehicle alone but not beside the other required visits`
          : `${jobId} (optional, priority ${cp.priority[j]}) left out: no room beside visits that weigh more`,
      });
    } else if (cp.demand[j] > maxCapacity) {
      out.push({ jobId, required, reason: 'capacity', message: `${jobId} needs ${cp.demand[j]}, more than any vehicle carries (${maxCapacity})` });
    } else if (locked >= 0) {
      out.push({ jobId, required, reason: 'lock', message: `${jobId} is locked to ${cp.vehicleIds[locked]}, which cannot reach it in time` });
    } else {
      out.push({ jobId, required, reason: 'time-window', message: `${jobId} cannot be reached inside its time windows and the working hours of any vehicle` });
    }
  }
  return out;
}
