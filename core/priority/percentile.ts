// Where a value stands among the communes it is compared with, as a share in [0, 1]: the
// mid-rank percentile (share below + half the share equal). Percentiles, not min-max scaling:
// commune counts and rates are heavily skewed (a few communes with thousands of poor
// households would squash every other commune to ~0), a percentile reads as a sentence
// ("higher than 92 % of communes"), and moving one commune's value up never moves it down.
// All-equal values all sit at 0.5, so a factor that does not tell communes apart adds the same
// to everyone and changes no order.

//
// Each value of the distribution gets its percentile in one pass over the sorted values, kept in
// a Map: the communes ranked are almost always among those compared with, and a hash lookup
// is several times cheaper than two binary searches (bench/priority.ts); other values search.
export class Distribution {
  private readonly sorted: Float64Array;
  private readonly known = new Map<number, number>();

  /** Nulls are left out: a commune without the value is not compared on it. */
  constructor(values: Iterable<number | null>) {
    const kept: number[] = [];
    for (const v of values) if (v !== null && !Number.isNaN(v)) kept.push(v);
    this.sorted = Float64Array.from(kept).sort();
    const n = this.sorted.length;
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && this.sorted[end] === this.sorted[start]) end++;
      this.known.set(this.sorted[start]!, (start + 0.5 * (end - start)) / n);
      start = end;
    }
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Mid-rank percentile of `value` in [0, 1]; 0.5 for an empty distribution. */
  percentile(value: number): number {
    const n = this.sorted.length;
    if (n === 0) return 0.5;
    const known = this.known.get(value);
    if (known !== undefined) return known;
    const below = this.firstIndexNotBelow(value);
    const equal = this.firstIndexAbove(value) - below;
    return (below + 0.5 * equal) / n;
  }

  private firstIndexNotBelow(value: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private firstIndexAbove(value: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
