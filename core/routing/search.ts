// The general search: ruin and recreate with simulated annealing (SISR, Christiaens & Vanden
// Berghe 2020). Chosen because one simple loop handles every constraint the model has — time
// windows, capacities, shifts, overnight trips, locks, optional jobs — through the insertion
// test alone, and because it is among the best published methods for CVRP and VRPTW at short
// running times. Each iteration cuts ~15 nearby stops out and puts them back greedily in a
// shuffled order with blinks; the result replaces the current solution when it is better, or
// worse by less than a temperature that cools from T0 to Tf over the run.
//
// The temperatures are relative to the mean leg of the first solution, so the same settings
// work for coordinates in tens (Augerat) or thousands (X) and for minutes or metres.
import type { CompiledProblem } from './compile.ts';
import { Inserter } from './insertion.ts';
import type { SearchRandom } from './prng.ts';
import { RoutePolisher } from './route-polish.ts';
import { RouteSet } from './route-set.ts';
import { type RuinParams, Ruiner, SISR_RUIN } from './ruin.ts';

export interface AnnealingParams {
  /** Start and end temperature as fractions of the mean leg length. */
  startTemperature: number;
  endTemperature: number;
  blinkRate: number;
}

// Measured on the development set (Augerat/X and Solomon, CPU-time budgets of 1.5-2.5 s, 4
// seeds, then 4 other seeds to confirm): 0.3 → 0.05 of the mean leg gave 0.09-0.19 % mean gap
// on the harder Augerat/X instances, against 0.27-0.35 % for 0.5 → 0.01 and 0.37 % for 0.3 →
// 0.005. Ending warm keeps the short run exploring instead of freezing in its first valley.
export const DEFAULT_ANNEALING: AnnealingParams = { startTemperature: 0.3, endTemperature: 0.05, blinkRate: 0.01 };

export interface SearchBudget {
  /** Clock in ms and the time to stop at. */
  now: () => number;
  deadline: number;
  maxIterations: number;
}

const OTHERS_TRIED = 10;

const enum Order {
  Random,
  DemandFirst,
  FarFirst,
  CloseFirst,
  EarlyWindowFirst,
}

export class RuinRecreate {
  private readonly inserter: Inserter;
  private readonly ruiner: Ruiner;
  private readonly polisher: RoutePolisher;
  private readonly pending: Int32Array;
  private readonly key: Float64Array;
  private readonly depotDistance: Float64Array;
  private readonly others: Int32Array;
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly hasOptional: boolean;

  constructor(
    private readonly cp: CompiledProblem,
    private readonly params: AnnealingParams = DEFAULT_ANNEALING,
    ruinParams: RuinParams = SISR_RUIN,
  ) {
    this.inserter = new Inserter(cp);
    this.ruiner = new Ruiner(cp, ruinParams);
    this.polisher = new RoutePolisher(cp);
    this.pending = new Int32Array(cp.nJobs);
    this.key = new Float64Array(cp.nJobs);
    this.depotDistance = new Float64Array(cp.nJobs);
    this.others = new Int32Array(cp.nJobs);
    this.mark = new Int32Array(cp.nJobs);
    this.hasOptional = cp.required.some((r) => r === 0);
    const depot = cp.vStart[0];
    for (let j = 0; j < cp.nJobs; j++) this.depotDistance[j] = cp.cost[depot * cp.nLoc + cp.jobLoc[j]];
  }

  /** Insert every unassigned job of rs (random order, no blinks): the first solution. */
  construct(rs: RouteSet, rng: SearchRandom): void {
    let count = 0;
    for (let j = 0; j < this.cp.nJobs; j++) if (rs.routeOf[j] < 0) this.pending[count++] = j;
    this.sort(count, rng, Order.Random);
    // Required jobs first, then by priority: optional ones take what room is left.
    const jobs = Array.from(this.pending.subarray(0, count)).sort(
      (a, b) => this.cp.required[b] - this.cp.required[a] || this.cp.priority[b] - this.cp.priority[a],
    );
    this.inserter.insertAll(rs, jobs, count, null, 0);
  }

  run(start: RouteSet, rng: SearchRandom, budget: SearchBudget): { best: RouteSet; iterations: number } {
    const cp = this.cp;
    const current = new RouteSet(cp);
    current.copyFrom(start);
    let candidate = new RouteSet(cp);
    let cur = current;
    const best = new RouteSet(cp);
    best.copyFrom(start);
    if (cp.nJobs === 0) return { best, iterations: 0 };

    let legs = 0;
    let travel = 0;
    for (let v = 0; v < cp.nVehicles; v++) {
      if (start.len[v] > 0) {
        legs += start.len[v] + 1;
        travel += start.routeCost[v];
      }
    }
    const meanLeg = legs > 0 ? travel / legs : 1;
    const t0 = Math.max(this.params.startTemperature * meanLeg, 1e-9);
    const tf = Math.max(this.params.endTemperature * meanLeg, 1e-12);
    const t0Clock = budget.now();
    const span = Math.max(budget.deadline - t0Clock, 1e-9);

    let iterations = 0;
    let temperature = t0;
    while (iterations < budget.maxIterations) {
      {
        // Every iteration: on overnight plans one iteration can take tens of milliseconds.
        const t = budget.now();
        if (t >= budget.deadline) break;
        const progress = Math.max((t - t0Clock) / span, Number.isFinite(budget.maxIterations) ? iterations / budget.maxIterations : 0);
        temperature = t0 * Math.pow(tf / t0, Math.min(1, progress));
      }
      iterations++;
      candidate.copyFrom(cur);
      const count = this.collectPending(candidate, rng);
      this.sort(count, rng, this.pickOrder(rng));
      if (this.hasOptional) this.weightiestFirst(count);
      this.inserter.insertAll(candidate, this.pending, count, rng, this.params.blinkRate);
      if (this.polisher.applicable) {
        const dirty = candidate.dirty;
        for (let v = 0; v < cp.nVehicles; v++) {
          if (dirty[v]) {
            this.polisher.polish(candidate, v);
            dirty[v] = 0;
          }
        }
      }

      if (candidate.total < cur.total - temperature * Math.log(rng.next() + 1e-300)) {
        const swap = cur;
        cur = candidate;
        candidate = swap;
        if (cur.total < best.total - 1e-9) best.copyFrom(cur);
      }
    }
    return { best, iterations };
  }

  /**
   * The jobs to put back: those the ruin just cut, plus at most as many (and at least
   * OTHERS_TRIED) of the jobs already out. When many optional visits cannot fit, trying every
   * one of them in every iteration would make each iteration cost the whole list.
   */
  private collectPending(candidate: RouteSet, rng: SearchRandom): number {
    const cp = this.cp;
    const removed = this.ruiner.ruin(candidate, rng, this.pending, 0);
    this.stamp++;
    for (let k = 0; k < removed; k++) this.mark[this.pending[k]] = this.stamp;
    let others = 0;
    for (let j = 0; j < cp.nJobs; j++) if (candidate.routeOf[j] < 0 && this.mark[j] !== this.stamp) this.others[others++] = j;
    const take = Math.min(others, Math.max(OTHERS_TRIED, removed));
    let count = removed;
    for (let k = 0; k < take; k++) {
      const r = k + rng.int(others - k);
      const j = this.others[r];
      this.others[r] = this.others[k];
      this.others[k] = j;
      this.pending[count++] = j;
    }
    return count;
  }

  /**
   * Required jobs first, then optional ones by priority (stable, so ties keep the drawn order):
   * a short visit of low priority must not take the last free hour before a must-visit is
   * placed. Without this the annealing has to find every such swap by chance.
   */
  private weightiestFirst(count: number): void {
    const { pending, key, cp } = this;
    for (let k = 0; k < count; k++) key[k] = cp.required[pending[k]] ? -Infinity : -cp.priority[pending[k]];
    for (let k = 1; k < count; k++) {
      const j = pending[k];
      const kv = key[k];
      let m = k - 1;
      while (m >= 0 && key[m] > kv) {
        pending[m + 1] = pending[m];
        key[m + 1] = key[m];
        m--;
      }
      pending[m + 1] = j;
      key[m + 1] = kv;
    }
  }

  private pickOrder(rng: SearchRandom): Order {
    // SISR's weights: random 4, demand 4, far 2, close 1; timed problems add window start 2.
    const total = this.cp.timed ? 13 : 11;
    const r = rng.int(total);
    if (r < 4) return Order.Random;
    if (r < 8) return Order.DemandFirst;
    if (r < 10) return Order.FarFirst;
    if (r < 11) return Order.CloseFirst;
    return Order.EarlyWindowFirst;
  }

  private sort(count: number, rng: SearchRandom, order: Order): void {
    const { pending, key, cp } = this;
    for (let k = count - 1; k > 0; k--) {
      const r = rng.int(k + 1);
      const t = pending[k];
      pending[k] = pending[r];
      pending[r] = t;
    }
    if (order === Order.Random) return;
    for (let k = 0; k < count; k++) {
      const j = pending[k];
      key[k] = order === Order.DemandFirst ? -cp.demand[j]
        : order === Order.FarFirst ? -this.depotDistance[j]
          : order === Order.CloseFirst ? this.depotDistance[j]
            : cp.twStart[cp.twOffset[j]];
    }
    // Insertion sort: a ruin removes a few dozen jobs at most, and it keeps ties shuffled.
    for (let k = 1; k < count; k++) {
      const j = pending[k];
      const kv = key[k];
      let m = k - 1;
      while (m >= 0 && key[m] > kv) {
        pending[m + 1] = pending[m];
        key[m + 1] = key[m];
        m--;
      }
      pending[m + 1] = j;
      key[m + 1] = kv;
    }
  }
}
