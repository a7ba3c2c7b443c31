import { describe, expect, it } from 'vitest';
import { allocateIntegers } from '../../core/simulate/allocate.ts';
import { calibrate, solveMonotone } from '../../core/simulate/calibrate.ts';
import { expit } from '../../core/simulate/pre2025-years.ts';
import { Rng } from '../../core/simulate/prng.ts';
import { buildTree } from '../../core/simulate/unit-tree.ts';
import type { SimUnit } from '../../core/simulate/types.ts';

/** 2 regions × 2 provinces × 2 districts × 5 communes. */
function smallTree() {
  const units: SimUnit[] = [];
  const base = { poorDistrict: false, coastal: false, lon: 105, lat: 20 };
  let c = 10000;
  const regions = ['Tây Nguyên', 'Đông Nam Bộ'];
  ['62', '64', '70', '72'].forEach((p, pi) => {
    const region = regions[Math.floor(pi / 2)];
    units.push({ ...base, code: p, level: 'province', name: p, type: 'Tỉnh', parentCode: null, provinceCode: p, region });
    for (let d = 0; d < 2; d++) {
      const dc = `${p}${d}`;
      units.push({ ...base, code: dc, level: 'district', name: dc, type: 'Huyện', parentCode: p, provinceCode: p, region });
      for (let k = 0; k < 5; k++) units.push({ ...base, code: String(c++), level: 'commune', name: 'x', type: 'Xã', parentCode: dc, provinceCode: p, region });
    }
  });
  return buildTree('pre2025', units);
}

describe('raking and integer allocation', () => {
  const tree = smallTree();
  const rng = new Rng(11, 'raking');
  const households = tree.leaves.map(() => 500 + Math.floor(rng.next() * 3000));
  const eta = tree.leaves.map(() => rng.normal() - 2);
  // nested targets: the nation, one region, one province inside it, one province elsewhere
  const targets = new Map([['VN', 12_345], ['VN-TN', 8_000], ['62', 3_001], ['72', 777]]);

  it('solves monotone equations to far below one household', () => {
    const x = solveMonotone((s) => Math.exp(s) - 1234.5, -40, 40, 1e-9);
    expect(Math.exp(x)).toBeCloseTo(1234.5, 6);
  });

  it('hits nested targets exactly with integers; shifts keep rates under the cap', () => {
    const value = (i: number, s: number) => households[i] * 0.78 * expit(eta[i] + s);
    const result = calibrate(tree, targets, value, 'test');
    const continuous = tree.leaves.map((_, i) => value(i, result.leafShift[i]));
    for (const [key, target] of targets) {
      const node = tree.nodes.get(key)!;
      // continuous sums are close; the integer allocation below makes them exact
      expect(Math.abs(node.leaves.reduce((s, i) => s + continuous[i], 0) - target)).toBeLessThan(0.01);
    }
    const poor = allocateIntegers(tree, continuous, targets, 'test');
    for (const [key, target] of targets) expect(tree.nodes.get(key)!.leaves.reduce((s, i) => s + poor[i], 0)).toBe(target);
    tree.leaves.forEach((_, i) => {
      expect(poor[i]).toBeGreaterThanOrEqual(0);
      expect(poor[i]).toBeLessThanOrEqual(Math.ceil(households[i] * 0.78));
      expect(Math.abs(poor[i] - continuous[i])).toBeLessThan(1);
    });
  });

  it('refuses targets that contradict each other', () => {
    const bad = new Map([['VN-TN', 100], ['62', 200]]);
    expect(() => calibrate(tree, bad, (i, s) => households[i] * expit(eta[i] + s), 'bad')).toThrow(/more/);
  });
});
