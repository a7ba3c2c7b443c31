// Integer apportionment by largest remainder (Hamilton's method): split an integer total into
// integer parts proportional to weights, so the parts sum to the total exactly. Used wherever a
// count must be divided without losing a household: simulated communes under a real provincial
// total, an old commune split over the 2025 communes it went to.

/**
 * Parts proportional to `weights` (≥ 0) that sum to `total` (a non-negative integer). Ties in
 * the remainders go to the lower index, so the result is deterministic. All-zero weights split
 * the total as evenly as possible.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`apportion: total must be a non-negative integer, got ${total}`);
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new RangeError(`apportion: ${total} to share among no parts`);
    return [];
  }
  if (n === 1) {
    if (!(weights[0] >= 0) || !Number.isFinite(weights[0])) throw new RangeError(`apportion: weights must be finite and ≥ 0, got ${weights[0]}`);
    return [total];
  }
  let sum = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`apportion: weights must be finite and ≥ 0, got ${w}`);
    sum += w;
  }
  const exact = sum > 0 ? weights.map((w) => (w / sum) * total) : weights.map(() => total / n);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => exact[b] - parts[b] - (exact[a] - parts[a]) || a - b);
    for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]]++;
  }
  return parts;
}
