// A solution under search: every vehicle's sequence of job numbers in one flat Int32Array
// (vehicle v owns slots v*cap .. v*cap+cap), with per-route load and cost and, for timed
// problems, each stop's earliest start (forward) and latest start (backward). Those two make
// an insertion's time check O(1): the new stop must be reachable from its predecessor's
// earliest finish and must let its successor still start by its latest start.
//
// Copying a RouteSet is O(jobs + vehicles), which is what simulated annealing needs to keep
// the current and best solutions beside the candidate.
import { type CompiledProblem, earliestStart, latestStart } from './compile.ts';
import { ScheduleWalker } from './schedule.ts';

export class RouteSet {
  readonly cap: number;
  readonly seq: Int32Array;
  readonly len: Int32Array;
  readonly load: Float64Array;
  readonly routeCost: Float64Array;
  /** Earliest start of the stop in the slot (timed problems only). */
  readonly early: Float64Array;
  /** Latest start that keeps the rest of the route feasible (timed problems, simple vehicles). */
  readonly late: Float64Array;
  /** Walk state after each stop of a multi-shift or capped vehicle: shift index and the shift's start of work. */
  readonly shiftAt: Int32Array;
  readonly departAt: Float64Array;
  private readonly walker: ScheduleWalker;
  /** Route of each job, -1 when unassigned; position inside it. */
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  /** Routes changed since the flag was last cleared (by the search's polish step). */
  readonly dirty: Uint8Array;
  /** Sum of route costs plus the penalties of unassigned jobs. */
  total = 0;

  constructor(readonly cp: CompiledProblem) {
    this.cap = Math.max(1, cp.nJobs);
    const slots = cp.nVehicles * this.cap;
    this.seq = new Int32Array(slots);
    this.len = new Int32Array(cp.nVehicles);
    this.load = new Float64Array(cp.nVehicles);
    this.routeCost = new Float64Array(cp.nVehicles);
    this.early = new Float64Array(cp.timed ? slots : 0);
    this.late = new Float64Array(cp.timed ? slots : 0);
    const walked = cp.simple.some((x) => x === 0);
    this.shiftAt = new Int32Array(walked ? slots : 0);
    this.departAt = new Float64Array(walked ? slots : 0);
    this.walker = new ScheduleWalker(cp);
    this.routeOf = new Int32Array(cp.nJobs).fill(-1);
    this.posOf = new Int32Array(cp.nJobs);
    this.dirty = new Uint8Array(cp.nVehicles);
    for (let v = 0; v < cp.nVehicles; v++) this.refresh(v);
    this.recomputeTotal();
  }

  copyFrom(o: RouteSet): void {
    const cap = this.cap;
    const timed = this.cp.timed;
    for (let v = 0; v < this.cp.nVehicles; v++) {
      const n = o.len[v];
      const b = v * cap;
      for (let k = b, e = b + n; k < e; k++) this.seq[k] = o.seq[k];
      if (timed) {
        for (let k = b, e = b + n; k < e; k++) {
          this.early[k] = o.early[k];
          this.late[k] = o.late[k];
        }
        if (!this.cp.simple[v]) {
          for (let k = b, e = b + n; k < e; k++) {
            this.shiftAt[k] = o.shiftAt[k];
            this.departAt[k] = o.departAt[k];
          }
        }
      }
    }
    this.len.set(o.len);
    this.load.set(o.load);
    this.routeCost.set(o.routeCost);
    this.routeOf.set(o.routeOf);
    this.posOf.set(o.posOf);
    this.total = o.total;
  }

  recomputeTotal(): void {
    let total = 0;
    for (let v = 0; v < this.cp.nVehicles; v++) total += this.routeCost[v];
    for (let j = 0; j < this.cp.nJobs; j++) if (this.routeOf[j] < 0) total += this.cp.penalty[j];
    this.total = total;
  }

  /** Insert job j at position p of route v (no feasibility check), keeping totals current. */
  insert(v: number, p: number, j: number): void {
    const b = v * this.cap;
    const n = this.len[v];
    this.seq.copyWithin(b + p + 1, b + p, b + n);
    this.seq[b + p] = j;
    this.len[v] = n + 1;
    this.total -= this.cp.penalty[j] + this.routeCost[v];
    this.refresh(v);
    this.total += this.routeCost[v];
  }

  /** Remove positions [from, to) of route v, leaving `keep` positions inside that range in place. */
  removeRange(v: number, from: number, to: number, keepFrom = to, keepTo = to): void {
    const b = v * this.cap;
    const n = this.len[v];
    let w = b + from;
    for (let p = from; p < to; p++) {
      const j = this.seq[b + p];
      if (p >= keepFrom && p < keepTo) {
        this.seq[w++] = j;
      } else {
        this.routeOf[j] = -1;
        this.total += this.cp.penalty[j];
      }
    }
    this.seq.copyWithin(w, b + to, b + n);
    this.len[v] = w - b + (n - to);
    this.total -= this.routeCost[v];
    this.refresh(v);
    this.total += this.routeCost[v];
  }

  /**
   * Takes stops out of route v until its walk holds again, appending them to `out` from `count`;
   * returns the new count. Removing stops can break a route: on an overnight trip the team sleeps
   * where the day's last visit is, so a visit taken out can leave it farther from the next
   * morning's first stop (and late on the last day); a matrix that is not a metric (OSRM's) can
   * make a leg without the middle stop longer. The insertion test resumes stored walks on the
   * assumption that every route is feasible, so the ruin restores that at once.
   */
  restoreFeasibility(v: number, out: Int32Array, count: number): number {
    const cp = this.cp;
    if (!cp.timed) return count;
    const b = v * this.cap;
    const w = this.walker;
    for (;;) {
      const n = this.len[v];
      if (n === 0) return count;
      w.begin(v);
      let broken = -1;
      for (let p = 0; p < n && broken < 0; p++) if (!w.visit(this.seq[b + p])) broken = p;
      if (broken < 0 && w.finish()) return count;
      // the first stop that no longer fits, or the last one when the trip cannot get back
      const p = broken >= 0 ? broken : n - 1;
      out[count++] = this.seq[b + p];
      this.removeRange(v, p, p + 1);
    }
  }

  /** Replace route v's sequence wholesale (used by intra-route improvement). */
  setRoute(v: number, jobs: ArrayLike<number>, n: number): void {
    const b = v * this.cap;
    for (let k = 0; k < n; k++) this.seq[b + k] = jobs[k];
    this.len[v] = n;
    this.total -= this.routeCost[v];
    this.refresh(v);
    this.total += this.routeCost[v];
  }

  /** Recompute load, cost, positions and time slacks of route v. */
  refresh(v: number): void {
    const cp = this.cp;
    this.dirty[v] = 1;
    const { cost, nLoc, jobLoc } = cp;
    const b = v * this.cap;
    const n = this.len[v];
    let prev = cp.vStart[v];
    let c = 0;
    let load = 0;
    for (let p = 0; p < n; p++) {
      const j = this.seq[b + p];
      const loc = jobLoc[j];
      c += cost[prev * nLoc + loc];
      load += cp.demand[j];
      this.routeOf[j] = v;
      this.posOf[j] = p;
      prev = loc;
    }
    if (n > 0) c += cost[prev * nLoc + cp.vEnd[v]] + cp.fixed[v];
    this.routeCost[v] = c;
    this.load[v] = load;
    if (cp.timed && n > 0) this.refreshTimes(v);
  }

  private refreshTimes(v: number): void {
    const cp = this.cp;
    const { dur, nLoc, jobLoc, service } = cp;
    const b = v * this.cap;
    const n = this.len[v];
    if (!cp.simple[v]) {
      // Multi-shift or capped: record the walk so insertions can resume it (insertion.ts).
      const w = this.walker;
      w.begin(v);
      for (let p = 0; p < n; p++) {
        w.visit(this.seq[b + p]);
        this.early[b + p] = w.start;
        this.shiftAt[b + p] = w.shift;
        this.departAt[b + p] = w.shiftDepart;
      }
      return;
    }
    const s = cp.shiftOffset[v];
    let t = cp.shiftStart[s];
    let prev = cp.vStart[v];
    for (let p = 0; p < n; p++) {
      const j = this.seq[b + p];
      const e = earliestStart(cp, j, t + dur[prev * nLoc + jobLoc[j]]);
      this.early[b + p] = e;
      t = e + service[j];
      prev = jobLoc[j];
    }
    // Latest starts from the end: the last stop must leave time to reach `end` in the shift.
    const lastShiftEnd = cp.shiftEnd[cp.shiftOffset[v + 1] - 1];
    let next = cp.vEnd[v];
    let nextLatest = lastShiftEnd;
    for (let p = n - 1; p >= 0; p--) {
      const j = this.seq[b + p];
      const bound = nextLatest - dur[jobLoc[j] * nLoc + next] - service[j];
      const l = latestStart(cp, j, bound);
      this.late[b + p] = l;
      nextLatest = l;
      next = jobLoc[j];
    }
  }
}
