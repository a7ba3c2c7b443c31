// The spatial index of a FlatGeobuf file: features sorted along a Hilbert curve, then a packed
// (static, completely filled) R-tree over their bounding boxes. Layout per the FlatGeobuf spec:
// nodes of 40 bytes (minX, minY, maxX, maxY as float64, offset as uint64, little-endian), the
// root level first and the leaves last; a leaf's offset is its feature's byte offset in the
// feature section, an inner node's offset is the index of its first child node.
import type { BBox } from './geometry.ts';

export const NODE_BYTES = 40;
export const DEFAULT_NODE_SIZE = 16;
const HILBERT_SIDE = 1 << 16;

/**
 * Distance along the Hilbert curve of cell (x, y) in a side × side grid (side a power of 2). At each scale the
 * quadrant adds s² × (0, 1, 2, 3 in curve order), then the rest of the point is rotated/flipped
 * into that quadrant's frame. Plain arithmetic (not 32-bit bit ops) keeps values up to 2^32 exact.
 */
export function hilbertIndex(cellX: number, cellY: number, side = HILBERT_SIDE): number {
  let x = cellX;
  let y = cellY;
  let d = 0;
  for (let s = side >>> 1; s > 0; s >>>= 1) {
    const rx = (x & s) !== 0 ? 1 : 0;
    const ry = (y & s) !== 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - (x & (s - 1));
        y = s - 1 - (y & (s - 1));
      }
      const t = x;
      x = y;
      y = t;
    }
    x &= s - 1;
    y &= s - 1;
  }
  return d;
}

/** Feature order along the Hilbert curve of their bbox centres within `extent`. */
export function hilbertOrder(boxes: readonly BBox[], extent: BBox): number[] {
  const width = extent[2] - extent[0] || 1;
  const height = extent[3] - extent[1] || 1;
  const max = HILBERT_SIDE - 1;
  const values = boxes.map((b) => {
    const x = Math.floor((max * ((b[0] + b[2]) / 2 - extent[0])) / width);
    const y = Math.floor((max * ((b[1] + b[3]) / 2 - extent[1])) / height);
    return hilbertIndex(x, y);
  });
  // Ties keep input order (Array.prototype.sort is stable), so builds are reproducible.
  return boxes.map((_, i) => i).sort((a, b) => values[a] - values[b]);
}

/** Number of nodes per level, leaves first; always at least two levels, as readers expect. */
export function levelSizes(numItems: number, nodeSize: number): number[] {
  const sizes = [numItems];
  let n = numItems;
  do {
    n = Math.ceil(n / nodeSize);
    sizes.push(n);
  } while (n !== 1);
  return sizes;
}

/**
 * Serialises the packed R-tree for leaves already in Hilbert order. `leafOffsets[i]` is the byte
 * offset of feature i within the feature section.
 */
export function buildPackedRTree(
  leafBoxes: readonly BBox[],
  leafOffsets: readonly number[],
  nodeSize = DEFAULT_NODE_SIZE,
): Uint8Array {
  const sizes = levelSizes(leafBoxes.length, nodeSize);
  const total = sizes.reduce((a, b) => a + b, 0);
  // Level k starts after all levels above it (root level first in the file).
  const starts: number[] = [];
  let end = total;
  for (const size of sizes) {
    starts.push(end - size);
    end -= size;
  }
  const boxes = new Float64Array(total * 4);
  const offsets = new Array<number>(total).fill(0);
  leafBoxes.forEach((b, i) => {
    boxes.set(b, (starts[0] + i) * 4);
    offsets[starts[0] + i] = leafOffsets[i];
  });
  for (let level = 1; level < sizes.length; level++) {
    const childStart = starts[level - 1];
    const childEnd = childStart + sizes[level - 1];
    for (let p = 0; p < sizes[level]; p++) {
      const node = starts[level] + p;
      const first = childStart + p * nodeSize;
      const last = Math.min(first + nodeSize, childEnd);
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (let c = first; c < last; c++) {
        minX = Math.min(minX, boxes[c * 4]);
        minY = Math.min(minY, boxes[c * 4 + 1]);
        maxX = Math.max(maxX, boxes[c * 4 + 2]);
        maxY = Math.max(maxY, boxes[c * 4 + 3]);
      }
      boxes.set([minX, minY, maxX, maxY], node * 4);
      offsets[node] = first;
    }
  }
  const bytes = new Uint8Array(total * NODE_BYTES);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < total; i++) {
    for (let k = 0; k < 4; k++) view.setFloat64(i * NODE_BYTES + 8 * k, boxes[i * 4 + k], true);
    view.setBigUint64(i * NODE_BYTES + 32, BigInt(offsets[i]), true);
  }
  return bytes;
}
