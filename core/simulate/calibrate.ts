// Raking on the logit (or log) scale: for every tree node with a target, one shift δ is added
// to the linear predictor of the leaves it "owns" (those whose nearest targeted ancestor it is),
// chosen so that the node's total equals its target minus what its targeted descendants already
// hold. With nested targets (nation ⊃ region ⊃ province) the owned sets are disjoint, so each δ
// is a one-dimensional monotone root — bisection, exact to far below one household. A shift on
// the logit scale keeps every rate inside its cap, unlike scaling counts.
import type { TreeNode, UnitTree } from './unit-tree.ts';

export interface CalibrationResult {
  /** Shift applied to each leaf (0 where no ancestor has a target). */
  leafShift: Float64Array;
  /** Shift found for each targeted node. */
  nodeShift: Map<string, number>;
  /** For each leaf, the key of the node whose shift it got, or null. */
  owner: (string | null)[];
}

const LOW = -40;
const HIGH = 40;

/**
 * `value(leaf, shift)` must be non-decreasing in shift; `targets` maps node keys to totals.
 * Throws when a target cannot be reached (it lies outside what the leaves can hold).
 */
export function calibrate(
  tree: UnitTree,
  targets: ReadonlyMap<string, number>,
  value: (leaf: number, shift: number) => number,
  label: string,
): CalibrationResult {
  const owner: (string | null)[] = tree.leaves.map(() => null);
  const owned = new Map<string, number[]>();
  const fixedBelow = new Map<string, number>();

  const walk = (node: TreeNode, ownerKey: string | null) => {
    const targeted = targets.has(node.key) && node.leaves.length > 0;
    const here = targeted ? node.key : ownerKey;
    if (targeted) {
      owned.set(node.key, []);
      if (ownerKey !== null) fixedBelow.set(ownerKey, (fixedBelow.get(ownerKey) ?? 0) + targets.get(node.key)!);
    }
    if (node.children.length === 0) {
      for (const leaf of node.leaves) {
        owner[leaf] = here;
        if (here !== null) owned.get(here)!.push(leaf);
      }
      return;
    }
    for (const child of node.children) walk(child, here);
  };
  walk(tree.root, null);

  const leafShift = new Float64Array(tree.leaves.length);
  const nodeShift = new Map<string, number>();
  for (const [key, leaves] of owned) {
    const goal = targets.get(key)! - (fixedBelow.get(key) ?? 0);
    const total = (shift: number) => {
      let sum = 0;
      for (const leaf of leaves) sum += value(leaf, shift);
      return sum;
    };
    let shift: number;
    if (leaves.length === 0) {
      if (Math.abs(goal) > 0.5) throw new Error(`${label}: ${key} targets ${targets.get(key)} but its targeted parts already hold ${fixedBelow.get(key)}`);
      shift = 0;
    } else if (goal <= 0) {
      if (goal < -0.5) throw new Error(`${label}: ${key}'s targeted parts hold more (${fixedBelow.get(key)}) than its target ${targets.get(key)}`);
      shift = LOW;
    } else {
      if (total(HIGH) < goal) throw new Error(`${label}: ${key} cannot reach ${goal.toFixed(0)} (at most ${total(HIGH).toFixed(0)} within the caps)`);
      // Solved on log(total / goal): exactly linear in the shift for household sizes (log
      // scale) and nearly so for low rates (logit scale), so a few steps suffice. The integer
      // allocation then hits the target exactly; the continuous sum need only be close.
      const gap = (s: number) => {
        const t = total(s);
        return t > 0 ? Math.log(t / goal) : -745;
      };
      let lo = -2;
      let hi = 2;
      while (lo > LOW && gap(lo) > 0) lo = Math.max(LOW, lo * 2);
      while (hi < HIGH && gap(hi) < 0) hi = Math.min(HIGH, hi * 2);
      shift = solveMonotone(gap, lo, hi, Math.max(1e-10, 1e-3 / goal));
    }
    nodeShift.set(key, shift);
    for (const leaf of leaves) leafShift[leaf] = shift;
  }
  return { leafShift, nodeShift, owner };
}

/**
 * Root of a non-decreasing f on [lo, hi] with f(lo) ≤ 0 ≤ f(hi): regula falsi with the Illinois
 * modification (about ten evaluations on these smooth sums, where bisection needs 50+), and a
 * bisection step whenever it stalls.
 */
export function solveMonotone(f: (x: number) => number, lo: number, hi: number, tolerance: number): number {
  let fLo = f(lo);
  let fHi = f(hi);
  if (fLo >= 0) return lo;
  if (fHi <= 0) return hi;
  let side = 0;
  for (let i = 0; i < 200; i++) {
    let x = (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
    const fx = f(x);
    if (Math.abs(fx) <= tolerance || hi - lo < 1e-13) return x;
    if (fx < 0) {
      lo = x;
      fLo = fx;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = x;
      fHi = fx;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return (lo + hi) / 2;
}
