// The route-planning model for supervision teams (đoàn giám sát) visiting communes, and the
// contract of the solver. Pure data: the caller (server, CLI, benchmark) builds a
// `RoutingProblem`, calls `solve(problem, options)` (solve.ts) and shows the `Plan`; a plan a
// person edited by hand goes through `checkPlan(problem, routes)` (check-plan.ts), which lists
// every broken constraint instead of refusing.
//
//   solve(problem: RoutingProblem, options?: SolveOptions): Plan
//   checkPlan(problem: RoutingProblem, routes: PlannedRoute[]): PlanCheck
//   greatCircleMatrix(points: LonLat[], settings?: TravelSettings): TravelMatrix   (travel-matrix.ts)
//   fleetForDays(teams: Team[], days: TimeWindow[], mode: FleetMode): Vehicle[]     (fleet.ts)
//   workingDay(day: number, from: 'HH:MM', to: 'HH:MM'): TimeWindow                 (fleet.ts)
//
// Units: time is minutes counted from 00:00 of the plan's first day (day 2 at 07:30 is
// 2*1440+450), so a time window can say "only on the second day". Distances are whatever the
// matrix holds (metres from greatCircleMatrix; the benchmarks' own units there).
//
// The benchmarks are special cases: TSP = one vehicle, no time limits, distance objective;
// CVRP = capacities, distance objective; Solomon VRPTW = time windows and service times,
// distance objective (travel time = distance).

/** Travel between location indices 0..size-1, row-major size×size, asymmetric allowed. */
export interface TravelMatrix {
  size: number;
  /** Minutes (or the benchmark's time unit). */
  durations: Float64Array;
  /** Metres (or the benchmark's distance unit). Absent: the durations stand in. */
  distances?: Float64Array;
}

/** [start, end] in minutes since 00:00 of day 0; a visit must *start* inside it. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Pins a job to a team-day (vehicle) when the rest of the plan is solved again. */
export interface JobLock {
  vehicleId: string;
  /** Relative order among this vehicle's locked stops that have an order (ascending). */
  order?: number;
}

/** One visit (chuyến giám sát tại một xã): where, how long, when it may start. */
export interface Job {
  id: string;
  location: number;
  /** Minutes on site. Default 0. */
  service?: number;
  /** The visit starts inside one of these; absent or empty: any time the vehicle works. */
  timeWindows?: TimeWindow[];
  /** Load it takes (people, documents…) against the vehicle's capacity. Default 0. */
  demand?: number;
  /** > 0; among optional jobs the lower priorities are dropped first. Default 1. */
  priority?: number;
  /** Must-visit (default true). A required job is left out only when it cannot fit at all. */
  required?: boolean;
  lock?: JobLock;
}

/**
 * A team on a day (return-to-base mode) or a team's whole multi-day trip (overnight mode):
 * with several shifts, each day ends where that day's last visit is and the next day starts
 * there (the team stays overnight), and the trip returns to `end` on the last day.
 */
export interface Vehicle {
  id: string;
  /** Which team this is (reports group by it); free text. */
  team?: string;
  start: number;
  /** Location to finish at, or null for an open route that ends at its last visit. */
  end: number | null;
  /** Working windows in time order (e.g. 07:30-17:00 of each day); at least one. */
  shifts: TimeWindow[];
  /** Per shift: from leaving for the first stop to finishing the last leg, in minutes. */
  maxWorkingTime?: number;
  capacity?: number;
  /**
   * Added to the objective when the vehicle serves at least one job (default 0). A visit plan
   * makes later team-days dearer, so work goes to the first days of every team (the round ends
   * sooner, no team sits idle) instead of piling onto one team because that drives a little less.
   * Never larger than what an optional job is worth: jobs are still served first.
   */
  fixedCost?: number;
}

export interface RoutingProblem {
  matrix: TravelMatrix;
  jobs: Job[];
  vehicles: Vehicle[];
  /** What the plan minimises once every job that can be served is: default 'duration'. */
  objective?: 'duration' | 'distance';
}

/** A route as a person or a previous solve wrote it: job ids in visiting order. */
export interface PlannedRoute {
  vehicleId: string;
  jobIds: string[];
}

export interface SolveOptions {
  /** Wall-clock budget; default 2000 ms. */
  timeLimitMs?: number;
  /** Stop after this many search iterations (with it and no time limit, fully reproducible). */
  iterations?: number;
  /** Seed of the search's random numbers; default 1. */
  seed?: number;
  /** A plan to start from (jobs that do not fit where given are inserted by the solver). */
  initialRoutes?: PlannedRoute[];
}

export interface ScheduledStop {
  jobId: string;
  location: number;
  /** Index into the vehicle's shifts (the day of the trip). */
  shift: number;
  arrival: number;
  start: number;
  /** start + service: when the team leaves. */
  end: number;
}

export interface RoutePlan {
  vehicleId: string;
  stops: ScheduledStop[];
  /** Leaves `start` (just in time for the first stop). */
  departure: number;
  /** Reaches `end` (the last stop's end for an open route). */
  arrival: number;
  distance: number;
  /** Travel time only, in minutes. */
  travelTime: number;
  /** departure → arrival, waiting and overnight gaps included. */
  duration: number;
  load: number;
  /** The objective's share of this route (travel distance or travel time). */
  cost: number;
}

export type UnassignedReason =
  | 'time-window' // no vehicle can reach it inside its windows and still finish its shift
  | 'capacity' // demand above every vehicle's capacity
  | 'lock' // locked to a vehicle that cannot take it
  | 'no-room'; // fits alone, but not beside the jobs kept (optional ones go first, lower priority first)

export interface UnassignedJob {
  jobId: string;
  required: boolean;
  reason: UnassignedReason;
  message: string;
}

export interface Plan {
  routes: RoutePlan[];
  unassigned: UnassignedJob[];
  /** Sum of the routes' costs (the objective), without penalties. */
  cost: number;
  distance: number;
  travelTime: number;
  iterations: number;
  elapsedMs: number;
}

export type ViolationKind =
  | 'unknown-vehicle'
  | 'unknown-job'
  | 'duplicate-visit'
  | 'missing-required'
  | 'capacity'
  | 'time-window'
  | 'shift'
  | 'working-time'
  | 'lock';

export interface Violation {
  kind: ViolationKind;
  vehicleId?: string;
  jobId?: string;
  message: string;
}

export interface PlanCheck {
  ok: boolean;
  violations: Violation[];
  /** Each route scheduled as given (late stops keep their late times). */
  routes: RoutePlan[];
  cost: number;
}
