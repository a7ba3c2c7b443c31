// From calibrated continuous values to integer counts that hit every target exactly: top-down,
// each node's integer total is split between its children by largest remainder, children with
// their own target receiving exactly that. So a region's communes sum to the region's published
// count, its provinces with published counts to theirs, and the rest share the remainder.
import { apportion } from '../poverty/largest-remainder.ts';
import type { TreeNode, UnitTree } from './unit-tree.ts';

export function allocateIntegers(
  tree: UnitTree,
  continuous: ArrayLike<number>,
  targets: ReadonlyMap<string, number>,
  label: string,
): Int32Array {
  const out = new Int32Array(tree.leaves.length);
  const sumOf = (node: TreeNode) => {
    let s = 0;
    for (const leaf of node.leaves) s += continuous[leaf];
    return s;
  };
  const split = (node: TreeNode, total: number) => {
    if (node.children.length === 0) {
      // a leaf node holds exactly one leaf
      for (const leaf of node.leaves) out[leaf] = total;
      return;
    }
    const children = node.children.filter((c) => c.leaves.length > 0);
    const fixed = children.filter((c) => targets.has(c.key));
    const free = children.filter((c) => !targets.has(c.key));
    const remaining = total - fixed.reduce((s, c) => s + targets.get(c.key)!, 0);
    if (remaining < 0 || (free.length === 0 && remaining !== 0)) {
      throw new Error(`${label}: ${node.key} has ${total} but its targeted parts need ${total - remaining}`);
    }
    for (const c of fixed) split(c, targets.get(c.key)!);
    const parts = apportion(remaining, free.map(sumOf));
    free.forEach((c, i) => split(c, parts[i]));
  };
  split(tree.root, targets.get(tree.root.key) ?? Math.round(sumOf(tree.root)));
  return out;
}
