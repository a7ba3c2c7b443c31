// The problem as the search reads it: typed arrays indexed by job and vehicle number, so the
// inner loops touch no objects, strings or maps. Validation happens here once, with messages
// that name the offending job or vehicle.
//
// Open routes (`end: null`) end at an extra location, NOWHERE = size, with zero travel to and
// from everything: the insertion and schedule code then never special-cases them.
import type { Job, RoutingProblem, Vehicle } from './model.ts';

export interface CompiledProblem {
  problem: RoutingProblem;
  /** Locations including NOWHERE (the last index). */
  nLoc: number;
  nowhere: number;
  /** Objective per leg (distance or duration), durations, distances: nLoc × nLoc. */
  cost: Float64Array;
  dur: Float64Array;
  dist: Float64Array;
  symmetric: boolean;

  nJobs: number;
  jobIds: string[];
  jobIndex: Map<string, number>;
  jobLoc: Int32Array;
  service: Float64Array;
  demand: Float64Array;
  /** Windows of job j are twStart/twEnd[twOffset[j] .. twOffset[j+1]), sorted by start. */
  twOffset: Int32Array;
  twStart: Float64Array;
  twEnd: Float64Array;
  priority: Float64Array;
  required: Uint8Array;
  /** Objective cost of leaving job j out: required ≫ any priority ≫ any travel. */
  penalty: Float64Array;
  /** Vehicle number a job is locked to, or -1. */
  lockVehicle: Int32Array;
  /** Order among the vehicle's ordered locked stops, or NaN. */
  lockOrder: Float64Array;

  nVehicles: number;
  vehicleIds: string[];
  vehicleIndex: Map<string, number>;
  vStart: Int32Array;
  vEnd: Int32Array;
  /** Shifts of vehicle v are shiftStart/End[shiftOffset[v] .. shiftOffset[v+1]). */
  shiftOffset: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  maxWork: Float64Array;
  capacity: Float64Array;
  /** Vehicle.fixedCost, 0 when not given. */
  fixed: Float64Array;
  /** One shift, no working-time cap: insertion is checked in O(1) with time slacks. */
  simple: Uint8Array;
  /** Vehicles with the same class are interchangeable when empty. */
  vClass: Int32Array;

  /** Any time window or finite shift anywhere: without, the search skips all time arithmetic. */
  timed: boolean;
  /** For each job, other jobs by closeness (first `neighbourCount` of them). */
  neighbours: Int32Array;
  neighbourCount: number;
}

const MAX_NEIGHBOURS = 100;

function fail(message: string): never {
  throw new RangeError(message);
}

function checkWindows(what: string, windows: readonly { start: number; end: number }[]): void {
  for (const w of windows) {
    if (!(w.start <= w.end) || Number.isNaN(w.start)) fail(`${what}: time window ${w.start}-${w.end} ends before it starts`);
  }
}

export function compileProblem(problem: RoutingProblem): CompiledProblem {
  const { matrix, jobs, vehicles } = problem;
  const size = matrix.size;
  if (!(size >= 1) || matrix.durations.length !== size * size) fail(`travel matrix: durations must hold size² = ${size * size} numbers`);
  if (matrix.distances && matrix.distances.length !== size * size) fail(`travel matrix: distances must hold size² = ${size * size} numbers`);
  if (vehicles.length === 0) fail('the problem has no vehicle');

  const nLoc = size + 1;
  const nowhere = size;
  const dur = new Float64Array(nLoc * nLoc);
  const dist = new Float64Array(nLoc * nLoc);
  const srcDist = matrix.distances ?? matrix.durations;
  let symmetric = true;
  let maxLeg = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const d = matrix.durations[i * size + j];
      const m = srcDist[i * size + j];
      if (!(d >= 0) || !(m >= 0)) fail(`travel matrix: entry ${i}→${j} is negative or not a number`);
      dur[i * nLoc + j] = d;
      dist[i * nLoc + j] = m;
      if (symmetric && (d !== matrix.durations[j * size + i] || m !== srcDist[j * size + i])) symmetric = false;
      const leg = problem.objective === 'distance' ? m : d;
      if (leg > maxLeg) maxLeg = leg;
    }
  }
  const cost = problem.objective === 'distance' ? dist : dur;

  const checkLoc = (what: string, loc: number) => {
    if (!Number.isInteger(loc) || loc < 0 || loc >= size) fail(`${what}: location ${loc} is not in the travel matrix (0..${size - 1})`);
  };

  const nVehicles = vehicles.length;
  const vehicleIndex = new Map<string, number>();
  const vStart = new Int32Array(nVehicles);
  const vEnd = new Int32Array(nVehicles);
  const shiftOffset = new Int32Array(nVehicles + 1);
  const maxWork = new Float64Array(nVehicles);
  const capacity = new Float64Array(nVehicles);
  const fixed = new Float64Array(nVehicles);
  const simple = new Uint8Array(nVehicles);
  const shiftStart: number[] = [];
  const shiftEnd: number[] = [];
  let timed = false;
  vehicles.forEach((v: Vehicle, i) => {
    const what = `vehicle ${v.id}`;
    if (vehicleIndex.has(v.id)) fail(`${what}: id used twice`);
    vehicleIndex.set(v.id, i);
    checkLoc(what, v.start);
    if (v.end !== null) checkLoc(what, v.end);
    vStart[i] = v.start;
    vEnd[i] = v.end === null ? nowhere : v.end;
    if (v.shifts.length === 0) fail(`${what}: no working shift`);
    checkWindows(what, v.shifts);
    for (let s = 0; s < v.shifts.length; s++) {
      if (s > 0 && v.shifts[s].start < v.shifts[s - 1].end) fail(`${what}: shifts overlap or are out of order`);
      shiftStart.push(v.shifts[s].start);
      shiftEnd.push(v.shifts[s].end);
      // A start alone binds nothing when no job has a window; an end always does.
      if (Number.isFinite(v.shifts[s].end)) timed = true;
    }
    shiftOffset[i + 1] = shiftStart.length;
    maxWork[i] = v.maxWorkingTime ?? Infinity;
    if (!(maxWork[i] > 0)) fail(`${what}: maxWorkingTime must be positive`);
    capacity[i] = v.capacity ?? Infinity;
    if (!(capacity[i] >= 0)) fail(`${what}: capacity must be >= 0`);
    fixed[i] = v.fixedCost ?? 0;
    if (!(fixed[i] >= 0 && Number.isFinite(fixed[i]))) fail(`${what}: fixedCost must be a finite number >= 0`);
    simple[i] = v.shifts.length === 1 && maxWork[i] === Infinity ? 1 : 0;
    if (!simple[i]) timed = true;
  });

  const nJobs = jobs.length;
  const jobIndex = new Map<string, number>();
  const jobLoc = new Int32Array(nJobs);
  const service = new Float64Array(nJobs);
  const demand = new Float64Array(nJobs);
  const twOffset = new Int32Array(nJobs + 1);
  const twStartList: number[] = [];
  const twEndList: number[] = [];
  const priority = new Float64Array(nJobs);
  const required = new Uint8Array(nJobs);
  const lockVehicle = new Int32Array(nJobs).fill(-1);
  const lockOrder = new Float64Array(nJobs).fill(NaN);
  let prioritySum = 0;
  jobs.forEach((job: Job, j) => {
    const what = `job ${job.id}`;
    if (jobIndex.has(job.id)) fail(`${what}: id used twice`);
    jobIndex.set(job.id, j);
    checkLoc(what, job.location);
    jobLoc[j] = job.location;
    service[j] = job.service ?? 0;
    demand[j] = job.demand ?? 0;
    if (!(service[j] >= 0)) fail(`${what}: service time must be >= 0`);
    if (!(demand[j] >= 0)) fail(`${what}: demand must be >= 0`);
    priority[j] = job.priority ?? 1;
    if (!(priority[j] > 0)) fail(`${what}: priority must be > 0`);
    prioritySum += priority[j];
    required[j] = job.required === false ? 0 : 1;
    const windows = [...(job.timeWindows ?? [])].sort((a, b) => a.start - b.start);
    checkWindows(what, windows);
    if (windows.length === 0) windows.push({ start: -Infinity, end: Infinity });
    else timed = true;
    for (const w of windows) {
      twStartList.push(w.start);
      twEndList.push(w.end);
    }
    twOffset[j + 1] = twStartList.length;
    if (job.lock) {
      const v = vehicleIndex.get(job.lock.vehicleId);
      if (v === undefined) fail(`${what}: locked to unknown vehicle ${job.lock.vehicleId}`);
      lockVehicle[j] = v;
      if (job.lock.order !== undefined) lockOrder[j] = job.lock.order;
    }
  });

  // Lexicographic objective in one number: every required job served outweighs any sum of
  // priorities, and one unit of priority outweighs the travel cost of any plan.
  // Any travel plus every vehicle's fixed cost stays below one job's worth.
  const travelBound = maxLeg * (nJobs + 2 * nVehicles) + fixed.reduce((a, b) => a + b, 0) + 1;
  const penalty = new Float64Array(nJobs);
  for (let j = 0; j < nJobs; j++) {
    penalty[j] = priority[j] * travelBound + (required[j] ? (prioritySum + 1) * travelBound : 0);
  }

  // Interchangeable empty vehicles: same places, shifts, limits, and nobody locked to them.
  const lockedTo = new Set<number>(Array.from(lockVehicle).filter((v) => v >= 0));
  const classKey = new Map<string, number>();
  const vClass = new Int32Array(nVehicles);
  vehicles.forEach((v, i) => {
    const key = lockedTo.has(i)
      ? `locked:${i}`
      : JSON.stringify([v.start, v.end, v.shifts.map((s) => [s.start, s.end]), v.maxWorkingTime ?? null, v.capacity ?? null, v.fixedCost ?? 0]);
    if (!classKey.has(key)) classKey.set(key, classKey.size);
    vClass[i] = classKey.get(key)!;
  });

  const neighbourCount = Math.min(Math.max(nJobs - 1, 0), MAX_NEIGHBOURS);
  const neighbours = new Int32Array(nJobs * neighbourCount);
  const order = Array.from({ length: nJobs }, (_, k) => k);
  for (let j = 0; j < nJobs; j++) {
    const a = jobLoc[j];
    const closeness = (k: number) => cost[a * nLoc + jobLoc[k]] + cost[jobLoc[k] * nLoc + a];
    const sorted = order.filter((k) => k !== j).sort((x, y) => closeness(x) - closeness(y) || x - y);
    for (let k = 0; k < neighbourCount; k++) neighbours[j * neighbourCount + k] = sorted[k];
  }

  return {
    problem, nLoc, nowhere, cost, dur, dist, symmetric,
    nJobs, jobIds: jobs.map((j) => j.id), jobIndex, jobLoc, service, demand, twOffset,
    twStart: Float64Array.from(twStartList), twEnd: Float64Array.from(twEndList),
    priority, required, penalty, lockVehicle, lockOrder,
    nVehicles, vehicleIds: vehicles.map((v) => v.id), vehicleIndex, vStart, vEnd, shiftOffset,
    shiftStart: Float64Array.from(shiftStart), shiftEnd: Float64Array.from(shiftEnd), maxWork, capacity, fixed, simple, vClass,
    timed, neighbours, neighbourCount,
  };
}

/** Earliest start ≥ t inside one of job j's windows, or Infinity. */
export function earliestStart(cp: CompiledProblem, j: number, t: number): number {
  for (let w = cp.twOffset[j], e = cp.twOffset[j + 1]; w < e; w++) {
    if (t <= cp.twEnd[w]) return t > cp.twStart[w] ? t : cp.twStart[w];
  }
  return Infinity;
}

/** Latest start ≤ t inside one of job j's windows, or -Infinity. */
export function latestStart(cp: CompiledProblem, j: number, t: number): number {
  for (let w = cp.twOffset[j + 1] - 1, b = cp.twOffset[j]; w >= b; w--) {
    if (t >= cp.twStart[w]) return t < cp.twEnd[w] ? t : cp.twEnd[w];
  }
  return -Infinity;
}
