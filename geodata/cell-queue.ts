// A binary max-heap of search cells, for the pole-of-inaccessibility search (label-points.ts):
// the cell that could still hold the farthest-from-the-edge point is always expanded first.

export interface Cell {
  x: number;
  y: number;
  half: number;
  distance: number;
  potential: number;
}

/** Binary max-heap on `potential`. */
export class CellQueue {
  private items: Cell[] = [];
  get size(): number {
    return this.items.length;
  }
  push(cell: Cell): void {
    const items = this.items;
    items.push(cell);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].potential >= cell.potential) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = cell;
  }
  pop(): Cell | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        let value = last.potential;
        if (left < items.length && items[left].potential > value) {
          largest = left;
          value = items[left].potential;
        }
        if (right < items.length && items[right].potential > value) largest = right;
        if (largest === i) break;
        items[i] = items[largest];
        i = largest;
      }
      items[i] = last;
    }
    return top;
  }
}
