// Intra-route polish after each rebuild: 2-opt and Or-opt (move 1-3 consecutive stops) on the
// routes the iteration changed, until neither finds a gain. Greedy re-insertion leaves routes
// whose order is slightly off (two crossing legs); fixing that directly costs O(m²) on a route
// of m stops, far less than waiting for the annealing to stumble on the right ruin.
//
// Only for problems where reordering a route cannot break it: no time constraints (capacity
// depends on which stops, not their order) and symmetric travel (a reversed stretch costs the
// same). Timed problems skip it; ruin-and-recreate alone handles their order.
import type { CompiledProblem } from './compile.ts';
import type { RouteSet } from './route-set.ts';

const EPS = 1e-9;

export class RoutePolisher {
  /** Locations of [start, stops…, end] and the stops' job numbers, for the route being polished. */
  private readonly loc: Int32Array;
  private readonly job: Int32Array;
  private readonly tmp: Int32Array;
  private readonly oldLoc: Int32Array;
  private readonly oldJob: Int32Array;
  private n = 0;
  readonly applicable: boolean;

  constructor(private readonly cp: CompiledProblem) {
    this.loc = new Int32Array(cp.nJobs + 2);
    this.job = new Int32Array(cp.nJobs + 2);
    this.tmp = new Int32Array(cp.nJobs + 2);
    this.oldLoc = new Int32Array(cp.nJobs + 2);
    this.oldJob = new Int32Array(cp.nJobs + 2);
    let orderLocks = false;
    for (let j = 0; j < cp.nJobs; j++) if (!Number.isNaN(cp.lockOrder[j])) orderLocks = true;
    this.applicable = !cp.timed && cp.symmetric && !orderLocks;
  }

  /** Improves route v in place; returns true when it changed. */
  polish(rs: RouteSet, v: number): boolean {
    const n = rs.len[v];
    if (n < 3) return false;
    this.n = n;
    const { loc, job, cp } = this;
    const b = v * rs.cap;
    loc[0] = cp.vStart[v];
    for (let k = 0; k < n; k++) {
      job[k + 1] = rs.seq[b + k];
      loc[k + 1] = cp.jobLoc[job[k + 1]];
    }
    loc[n + 1] = cp.vEnd[v];
    let changed = false;
    let improved = true;
    while (improved) {
      improved = this.twoOpt(n) || this.orOpt(n);
      changed ||= improved;
    }
    if (changed) rs.setRoute(v, job.subarray(1), n);
    return changed;
  }

  /** Reverse stops i..j (1-based, inside the route) when the two new legs are shorter. */
  private twoOpt(n: number): boolean {
    const { loc } = this;
    const { cost, nLoc } = this.cp;
    for (let i = 1; i < n; i++) {
      const a = loc[i - 1];
      const bl = loc[i];
      const dab = cost[a * nLoc + bl];
      for (let j = i + 1; j <= n; j++) {
        const c = loc[j];
        const d = loc[j + 1];
        const delta = cost[a * nLoc + c] + cost[bl * nLoc + d] - dab - cost[c * nLoc + d];
        if (delta < -EPS) {
          this.reverse(i, j);
          return true;
        }
      }
    }
    return false;
  }

  private reverse(i: number, j: number): void {
    const { loc, job } = this;
    for (; i < j; i++, j--) {
      let t = loc[i];
      loc[i] = loc[j];
      loc[j] = t;
      t = job[i];
      job[i] = job[j];
      job[j] = t;
    }
  }

  /** Move the run i..i+len-1 between stops k and k+1 (either direction, either way round). */
  private orOpt(n: number): boolean {
    const { loc } = this;
    const { cost, nLoc } = this.cp;
    for (let len = 1; len <= 3 && len < n; len++) {
      for (let i = 1; i + len - 1 <= n; i++) {
        const e = i + len - 1;
        const p = loc[i - 1];
        const q = loc[e + 1];
        const s1 = loc[i];
        const sL = loc[e];
        const gain = cost[p * nLoc + s1] + cost[sL * nLoc + q] - cost[p * nLoc + q];
        if (gain <= EPS) continue;
        for (let k = 0; k <= n; k++) {
          if (k >= i - 1 && k <= e) continue; // edge k→k+1 touches the run
          const x = loc[k];
          const y = loc[k + 1];
          const base = cost[x * nLoc + y];
          const forward = cost[x * nLoc + s1] + cost[sL * nLoc + y] - base;
          const backward = cost[x * nLoc + sL] + cost[s1 * nLoc + y] - base;
          if (forward < gain - EPS || backward < gain - EPS) {
            this.moveRun(i, len, k, backward < forward);
            return true;
          }
        }
      }
    }
    return false;
  }

  private moveRun(i: number, len: number, k: number, reversed: boolean): void {
    const { loc, job, tmp, oldLoc, oldJob } = this;
    const last = this.n + 1;
    // New order as old indices: everything but the run, with the run right after index k.
    let w = 0;
    for (let p = 0; p <= last; p++) {
      if (p >= i && p < i + len) continue;
      tmp[w++] = p;
      if (p === k) for (let t = 0; t < len; t++) tmp[w++] = reversed ? i + len - 1 - t : i + t;
    }
    oldLoc.set(loc.subarray(0, last + 1));
    oldJob.set(job.subarray(0, last + 1));
    for (let p = 0; p <= last; p++) {
      loc[p] = oldLoc[tmp[p]];
      job[p] = oldJob[tmp[p]];
    }
  }
}
