// The fast path for one closed tour without time limits or capacity (a TSP): iterated local
// search. 2-opt and Or-opt moves are tried only towards each city's nearest neighbours and
// only for cities whose surroundings changed (don't-look bits kept as a queue); a local
// double-bridge kick (swap two short adjacent blocks) leaves a local optimum, and the result
// is kept when it is no longer. This is the classic ILS of Johnson & McGeoch: a few hundred
// lines that reach ~1% of the optimum on a few hundred cities in a second, where the general
// ruin-and-recreate search would spend its time re-inserting stops one by one.
//
// The tour is an array of cities with their positions; a reversal flips the shorter side of
// the cycle, which is the same cycle read the other way round.
import type { SearchRandom } from './prng.ts';

const EPS = 1e-9;
const NEIGHBOURS = 10;

export class TourSearch {
  readonly tour: Int32Array;
  readonly pos: Int32Array;
  private readonly nb: Int32Array;
  private readonly k: number;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private qHead = 0;
  private qSize = 0;
  private readonly segment = new Int32Array(3);
  private readonly block: Int32Array;
  cost = 0;

  /** d: n×n symmetric distances between cities 0..n-1. */
  constructor(private readonly d: Float64Array, private readonly n: number) {
    this.tour = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.queued = new Uint8Array(n);
    this.block = new Int32Array(n);
    this.k = Math.min(NEIGHBOURS, n - 1);
    this.nb = new Int32Array(n * this.k);
    const others = Array.from({ length: n }, (_, i) => i);
    for (let a = 0; a < n; a++) {
      const sorted = others.filter((b) => b !== a).sort((x, y) => d[a * n + x] - d[a * n + y] || x - y);
      for (let i = 0; i < this.k; i++) this.nb[a * this.k + i] = sorted[i];
    }
  }

  /** Start from the given order, or from nearest-neighbour order starting at city 0. */
  setTour(order: ArrayLike<number> | null): void {
    const { n, d } = this;
    if (order) {
      for (let i = 0; i < n; i++) this.tour[i] = order[i];
    } else {
      const seen = new Uint8Array(n);
      let cur = 0;
      seen[0] = 1;
      this.tour[0] = 0;
      for (let i = 1; i < n; i++) {
        let best = -1;
        for (let c = 0; c < n; c++) if (!seen[c] && (best < 0 || d[cur * n + c] < d[cur * n + best])) best = c;
        seen[best] = 1;
        this.tour[i] = best;
        cur = best;
      }
    }
    for (let i = 0; i < n; i++) this.pos[this.tour[i]] = i;
    this.cost = this.tourCost();
  }

  tourCost(): number {
    let c = 0;
    for (let i = 0; i < this.n; i++) c += this.d[this.tour[i] * this.n + this.tour[(i + 1) % this.n]];
    return c;
  }

  private next(c: number): number {
    const p = this.pos[c] + 1;
    return this.tour[p === this.n ? 0 : p];
  }

  private prev(c: number): number {
    const p = this.pos[c];
    return this.tour[p === 0 ? this.n - 1 : p - 1];
  }

  private push(c: number): void {
    if (this.queued[c]) return;
    this.queued[c] = 1;
    this.queue[(this.qHead + this.qSize) % this.n] = c;
    this.qSize++;
  }

  /** Reverse the cyclic run of positions i..j (or, equivalently, the rest of the cycle). */
  private reverse(i: number, j: number): void {
    const n = this.n;
    let len = ((j - i + n) % n) + 1;
    if (len * 2 > n) {
      const ni = (j + 1) % n;
      j = (i - 1 + n) % n;
      i = ni;
      len = n - len;
    }
    const { tour, pos } = this;
    for (let k = 0; k < len >> 1; k++) {
      const a = (i + k) % n;
      const b = (j - k + n) % n;
      const ca = tour[a];
      const cb = tour[b];
      tour[a] = cb;
      pos[cb] = a;
      tour[b] = ca;
      pos[ca] = b;
    }
  }

  private twoOpt(a: number): boolean {
    const { d, n, nb, k } = this;
    for (let dir = 0; dir < 2; dir++) {
      const b = dir === 0 ? this.next(a) : this.prev(a);
      const dab = d[a * n + b];
      for (let i = 0; i < k; i++) {
        const c = nb[a * k + i];
        const dac = d[a * n + c];
        if (dac >= dab - EPS) break;
        const dd = dir === 0 ? this.next(c) : this.prev(c);
        if (c === b || dd === a) continue;
        const delta = dac + d[b * n + dd] - dab - d[c * n + dd];
        if (delta < -EPS) {
          if (dir === 0) this.reverse(this.pos[b], this.pos[c]);
          else this.reverse(this.pos[c], this.pos[b]);
          this.cost += delta;
          this.push(a);
          this.push(b);
          this.push(c);
          this.push(dd);
          return true;
        }
      }
    }
    return false;
  }

  /** Move the run of 1-3 cities starting at a between a near city and its neighbour. */
  private orOpt(a: number): boolean {
    const { d, n, nb, k, tour, pos } = this;
    for (let len = 1; len <= 3 && len + 3 <= n; len++) {
      const s1 = a;
      const sL = tour[(pos[a] + len - 1) % n];
      const p = this.prev(s1);
      const nx = this.next(sL);
      const removeGain = d[p * n + s1] + d[sL * n + nx] - d[p * n + nx];
      if (removeGain <= EPS) continue;
      for (let i = 0; i < k; i++) {
        const x = nb[s1 * k + i];
        if (d[s1 * n + x] >= removeGain - EPS) break;
        if (((pos[x] - pos[s1] + n) % n) < len) continue; // x inside the run
        for (let variant = 0; variant < 2; variant++) {
          // 0: c = x, run forward after it; 1: e = x, run reversed before it.
          const c = variant === 0 ? x : this.prev(x);
          const e = variant === 0 ? this.next(x) : x;
          if (((pos[c] - pos[s1] + n) % n) < len || ((pos[e] - pos[s1] + n) % n) < len) continue;
          const add = variant === 0
            ? d[c * n + s1] + d[sL * n + e] - d[c * n + e]
            : d[c * n + sL] + d[s1 * n + e] - d[c * n + e];
          if (add < removeGain - EPS) {
            this.moveRun(s1, len, c, e, variant === 1);
            this.cost += add - removeGain;
            this.push(p);
            this.push(nx);
            this.push(c);
            this.push(e);
            this.push(s1);
            this.push(sL);
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Put the run s1.. (len cities) between c and e = next(c), shifting the shorter stretch. */
  private moveRun(s1: number, len: number, c: number, e: number, reversed: boolean): void {
    const { n, tour, pos, segment } = this;
    const i = pos[s1];
    for (let t = 0; t < len; t++) segment[t] = tour[(i + t) % n];
    const after = (i + len) % n; // position of the city after the run
    const forward = (pos[c] - after + n) % n + 1; // cities from after-run to c
    const backward = (i - pos[e] + n) % n; // cities from e to before-run
    let at: number;
    if (forward <= backward) {
      for (let t = 0; t < forward; t++) {
        const city = tour[(after + t) % n];
        const to = (i + t) % n;
        tour[to] = city;
        pos[city] = to;
      }
      at = (i + forward) % n;
    } else {
      const from = pos[e];
      for (let t = backward - 1; t >= 0; t--) {
        const city = tour[(from + t) % n];
        const to = (from + t + len) % n;
        tour[to] = city;
        pos[city] = to;
      }
      at = from;
    }
    for (let t = 0; t < len; t++) {
      const city = reversed ? segment[len - 1 - t] : segment[t];
      const to = (at + t) % n;
      tour[to] = city;
      pos[city] = to;
    }
  }

  /** Improve until no queued city finds a move. */
  localSearch(): void {
    while (this.qSize > 0) {
      const a = this.queue[this.qHead];
      this.qHead = (this.qHead + 1) % this.n;
      this.qSize--;
      this.queued[a] = 0;
      while (this.twoOpt(a) || this.orOpt(a)) {
        // keep improving around a
      }
    }
  }

  queueAll(): void {
    for (let i = 0; i < this.n; i++) this.push(this.tour[i]);
  }

  /** Double bridge on a short stretch: A B C D → A C B D with B, C of 1..maxBlock cities. */
  kick(rng: SearchRandom, maxBlock: number): void {
    const { n, tour, pos, d } = this;
    const limit = Math.max(1, Math.min(maxBlock, Math.floor((n - 2) / 2)));
    const l1 = 1 + rng.int(limit);
    const l2 = 1 + rng.int(limit);
    const i = rng.int(n);
    const a = tour[i];
    const b1 = tour[(i + 1) % n];
    const bL = tour[(i + l1) % n];
    const c1 = tour[(i + l1 + 1) % n];
    const cL = tour[(i + l1 + l2) % n];
    const dd = tour[(i + l1 + l2 + 1) % n];
    this.cost += d[a * n + c1] + d[cL * n + b1] + d[bL * n + dd] - d[a * n + b1] - d[bL * n + c1] - d[cL * n + dd];
    const block = this.block;
    for (let t = 0; t < l1; t++) block[t] = tour[(i + 1 + t) % n];
    for (let t = 0; t < l2; t++) {
      const city = tour[(i + 1 + l1 + t) % n];
      const to = (i + 1 + t) % n;
      tour[to] = city;
      pos[city] = to;
    }
    for (let t = 0; t < l1; t++) {
      const to = (i + 1 + l2 + t) % n;
      tour[to] = block[t];
      pos[block[t]] = to;
    }
    for (const city of [a, b1, bL, c1, cL, dd]) this.push(city);
  }
}

/** Iterated local search from `initial` (or nearest neighbour); returns the best tour found. */
export function improveTour(
  d: Float64Array,
  n: number,
  initial: ArrayLike<number> | null,
  rng: SearchRandom,
  stop: (iteration: number) => boolean,
): { tour: Int32Array; cost: number; iterations: number } {
  const search = new TourSearch(d, n);
  search.setTour(initial);
  if (n < 5) return { tour: search.tour.slice(), cost: search.tourCost(), iterations: 0 };
  search.queueAll();
  search.localSearch();
  const saved = search.tour.slice();
  let savedCost = search.cost;
  let iterations = 0;
  while (!stop(iterations)) {
    iterations++;
    search.kick(rng, 30);
    search.localSearch();
    if (search.cost <= savedCost + EPS) {
      saved.set(search.tour);
      savedCost = search.cost;
    } else {
      search.tour.set(saved);
      for (let i = 0; i < n; i++) search.pos[saved[i]] = i;
      search.cost = savedCost;
    }
  }
  return { tour: saved, cost: savedCost, iterations };
}
