// Putting jobs back into a solution: the cheapest feasible place for each, with "blinks"
// (SISR, Christiaens & Vanden Berghe 2020): each candidate position is skipped with a small
// probability, which makes the greedy rebuild a little random and lets the search leave
// places greedy insertion would always pick.
//
// The feasibility test is O(1) for single-shift vehicles without a working-time cap (time
// slacks kept by RouteSet) and an O(n) walk of the schedule otherwise (overnight trips, caps).
// Cost is compared before feasibility: most positions lose on cost and never pay the check.
import type { CompiledProblem } from './compile.ts';
import { earliestStart } from './compile.ts';
import type { SearchRandom } from './prng.ts';
import type { RouteSet } from './route-set.ts';
import { ScheduleWalker } from './schedule.ts';

export class Inserter {
  bestVehicle = -1;
  bestPos = -1;
  bestDelta = Infinity;
  private readonly walker: ScheduleWalker;
  private readonly classStamp: Int32Array;
  private stamp = 0;
  /** Positions left before the next blink (drawn geometrically: one draw per blink, not per position). */
  private untilBlink = 0;

  constructor(private readonly cp: CompiledProblem) {
    this.walker = new ScheduleWalker(cp);
    let classes = 0;
    for (let v = 0; v < cp.nVehicles; v++) classes = Math.max(classes, cp.vClass[v] + 1);
    this.classStamp = new Int32Array(classes);
  }

  /** Finds the cheapest feasible position of job j; false when there is none. */
  findBest(rs: RouteSet, j: number, rng: SearchRandom | null, blinkRate: number): boolean {
    const cp = this.cp;
    const blinking = rng !== null && blinkRate > 0;
    const logKeep = blinking ? Math.log(1 - blinkRate) : 0;
    if (blinking && this.untilBlink <= 0) this.untilBlink = 1 + Math.floor(Math.log(1 - rng.next()) / logKeep);
    this.bestVehicle = -1;
    this.bestPos = -1;
    this.bestDelta = Infinity;
    const locked = cp.lockVehicle[j];
    if (locked >= 0) {
      this.scanRoute(rs, j, locked, rng, logKeep);
      return this.bestVehicle >= 0;
    }
    this.stamp++;
    for (let v = 0; v < cp.nVehicles; v++) {
      if (rs.len[v] === 0) {
        // Identical empty vehicles are one choice, not many.
        const c = cp.vClass[v];
        if (this.classStamp[c] === this.stamp) continue;
        this.classStamp[c] = this.stamp;
      }
      this.scanRoute(rs, j, v, rng, logKeep);
    }
    return this.bestVehicle >= 0;
  }

  /** Tries every position of route v for job j, keeping the best in bestVehicle/bestPos/bestDelta. */
  private scanRoute(rs: RouteSet, j: number, v: number, rng: SearchRandom | null, logKeep: number): void {
    const cp = this.cp;
    const { cost, nLoc, jobLoc } = cp;
    const n = rs.len[v];
    if (rs.load[v] + cp.demand[j] > cp.capacity[v]) return;
    let lo = 0;
    let hi = n;
    if (!Number.isNaN(cp.lockOrder[j])) {
      this.lockedRange(rs, v, j);
      lo = this.rangeLo;
      hi = this.rangeHi;
      if (lo > hi) return;
    }
    const loc = jobLoc[j];
    const b = v * rs.cap;
    const end = cp.vEnd[v];
    const blinking = logKeep !== 0;
    for (let p = lo; p <= hi; p++) {
      if (blinking && --this.untilBlink === 0) {
        this.untilBlink = 1 + Math.floor(Math.log(1 - rng!.next()) / logKeep);
        continue;
      }
      const prev = p === 0 ? cp.vStart[v] : jobLoc[rs.seq[b + p - 1]];
      const next = p === n ? end : jobLoc[rs.seq[b + p]];
      const delta = n === 0
        ? cost[prev * nLoc + loc] + cost[loc * nLoc + next] + cp.fixed[v]
        : cost[prev * nLoc + loc] + cost[loc * nLoc + next] - cost[prev * nLoc + next];
      if (delta >= this.bestDelta) continue;
      if (!this.feasibleAt(rs, v, p, j)) continue;
      this.bestDelta = delta;
      this.bestVehicle = v;
      this.bestPos = p;
    }
  }

  private rangeLo = 0;
  private rangeHi = 0;

  /** Positions [rangeLo, rangeHi] of route v where job j keeps its locked order. */
  private lockedRange(rs: RouteSet, v: number, j: number): void {
    const cp = this.cp;
    const o = cp.lockOrder[j];
    const b = v * rs.cap;
    const n = rs.len[v];
    let lo = 0;
    let hi = n;
    for (let k = 0; k < n; k++) {
      const ok = cp.lockOrder[rs.seq[b + k]];
      if (ok < o) lo = k + 1;
      else if (ok > o && k < hi) hi = k;
    }
    this.rangeLo = lo;
    this.rangeHi = hi;
  }

  /** Does position p of route v respect job j's lock (vehicle and order)? */
  lockAllows(rs: RouteSet, v: number, p: number, j: number): boolean {
    const cp = this.cp;
    if (cp.lockVehicle[j] >= 0 && cp.lockVehicle[j] !== v) return false;
    if (Number.isNaN(cp.lockOrder[j])) return true;
    this.lockedRange(rs, v, j);
    return p >= this.rangeLo && p <= this.rangeHi;
  }

  /** Can job j go at position p of route v, time-wise? (Capacity and locks checked by the caller.) */
  feasibleAt(rs: RouteSet, v: number, p: number, j: number): boolean {
    const cp = this.cp;
    if (!cp.timed) return true;
    const b = v * rs.cap;
    const n = rs.len[v];
    if (!cp.simple[v]) return this.walkWith(rs, v, p, j);
    const { dur, nLoc, jobLoc, service } = cp;
    const shift = cp.shiftOffset[v];
    const loc = jobLoc[j];
    let prevLoc: number;
    let prevDone: number;
    if (p === 0) {
      prevLoc = cp.vStart[v];
      prevDone = cp.shiftStart[shift];
    } else {
      const pj = rs.seq[b + p - 1];
      prevLoc = jobLoc[pj];
      prevDone = rs.early[b + p - 1] + service[pj];
    }
    const start = earliestStart(cp, j, prevDone + dur[prevLoc * nLoc + loc]);
    if (start === Infinity) return false;
    const nextLoc = p === n ? cp.vEnd[v] : jobLoc[rs.seq[b + p]];
    const nextLatest = p === n ? cp.shiftEnd[shift] : rs.late[b + p];
    return start + service[j] + dur[loc * nLoc + nextLoc] <= nextLatest;
  }

  /**
   * Walks route v with j at position p, resuming from the stored state before p and stopping
   * once the walk is back in the stored state of an old stop (same shift, time and start of
   * work): from there on nothing changes, and the old route was feasible.
   */
  private walkWith(rs: RouteSet, v: number, p: number, j: number): boolean {
    const cp = this.cp;
    const w = this.walker;
    const b = v * rs.cap;
    const n = rs.len[v];
    w.begin(v);
    if (p > 0) {
      const prev = rs.seq[b + p - 1];
      w.resume(rs.shiftAt[b + p - 1], rs.early[b + p - 1] + cp.service[prev], cp.jobLoc[prev], rs.departAt[b + p - 1]);
    }
    if (!w.visit(j)) return false;
    for (let k = p; k < n; k++) {
      const job = rs.seq[b + k];
      if (!w.visit(job)) return false;
      if (w.shift === rs.shiftAt[b + k] && w.time === rs.early[b + k] + cp.service[job] && w.shiftDepart === rs.departAt[b + k]) return true;
    }
    return w.finish();
  }

  /** Insert each job of `order` where it costs least; those that fit nowhere stay out. */
  insertAll(rs: RouteSet, order: ArrayLike<number>, count: number, rng: SearchRandom | null, blinkRate: number): void {
    for (let k = 0; k < count; k++) {
      const j = order[k];
      if (this.findBest(rs, j, rng, blinkRate)) rs.insert(this.bestVehicle, this.bestPos, j);
    }
  }
}
