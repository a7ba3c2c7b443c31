// Label points, validity, clean-up and the district plan's vote, on small hand-made shapes.
import { describe, expect, it } from 'vitest';
import { cleanParts, cleanRing, emptyCleanStats } from '../../geodata/geometry-clean.ts';
import { validityProblem } from '../../geodata/geometry-validity.ts';
import { centroidOf, pointInMultiPolygon, type MultiPolygonRings, type Ring } from '../../geodata/geometry.ts';
import { interiorPointOfIntersection, labelPointOf } from '../../geodata/label-points.ts';
import { voteOldDistrict } from '../../geodata/district-plan.ts';

const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

/** A C open to the east: its centroid lies in the mouth, outside the polygon. */
const cShape: Ring = [
  [105, 20],
  [105.3, 20],
  [105.3, 20.05],
  [105.05, 20.05],
  [105.05, 20.25],
  [105.3, 20.25],
  [105.3, 20.3],
  [105, 20.3],
  [105, 20],
];

describe('label points', () => {
  it('puts the label of a C-shaped commune inside it, where the centroid is not', () => {
    const parts: MultiPolygonRings = [[cShape]];
    const centroid = centroidOf(parts)!;
    expect(pointInMultiPolygon(centroid, parts)).toBe(false);
    const label = labelPointOf(parts)!;
    expect(pointInMultiPolygon(label, parts)).toBe(true);
  });

  it('avoids a hole and picks the largest part of an archipelago', () => {
    const withHole: MultiPolygonRings = [[square(106, 10, 1), square(106.2, 10.2, 0.6)], [square(110, 10, 0.01)]];
    const label = labelPointOf(withHole)!;
    expect(pointInMultiPolygon(label, withHole)).toBe(true);
    expect(label[0]).toBeLessThan(107);
    expect(pointInMultiPolygon(label, [[square(106.2, 10.2, 0.6)]])).toBe(false);
  });

  it('finds a point well inside a thin sliver', () => {
    const sliver: MultiPolygonRings = [
      [
        [
          [105, 20],
          [106, 20],
          [106, 20.0002],
          [105, 20.0002],
          [105, 20],
        ],
      ],
    ];
    expect(pointInMultiPolygon(labelPointOf(sliver)!, sliver)).toBe(true);
  });

  it('finds a point inside the overlap of two polygons, or none when apart', () => {
    const a: MultiPolygonRings = [[square(105, 20, 1)]];
    const b: MultiPolygonRings = [[square(105.8, 20.8, 1)]];
    const p = interiorPointOfIntersection(a, b)!;
    expect(pointInMultiPolygon(p, a) && pointInMultiPolygon(p, b)).toBe(true);
    expect(interiorPointOfIntersection(a, [[square(107, 20, 1)]])).toBeNull();
  });
});

describe('validityProblem', () => {
  it('accepts a square with a hole and a separate island', () => {
    expect(validityProblem([[square(0, 0, 10), square(2, 2, 2)], [square(20, 0, 1)]])).toBeNull();
  });

  it('finds a bow tie, an unclosed ring, a hole outside its shell and nested parts', () => {
    expect(
      validityProblem([
        [
          [
            [0, 0],
            [4, 2],
            [4, 0],
            [0, 3],
            [0, 0],
          ],
        ],
      ]),
    ).toMatch(/edges cross/);
    expect(
      validityProblem([
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      ]),
    ).toMatch(/not closed/);
    expect(validityProblem([[square(0, 0, 1), square(5, 5, 1)]])).toMatch(/hole outside/);
    expect(validityProblem([[square(0, 0, 10)], [square(2, 2, 1)]])).toMatch(/inside part/);
    expect(
      validityProblem([
        [
          [
            [0, 0],
            [1, 0],
            [2, 0],
            [0, 0],
          ],
        ],
      ]),
    ).toMatch(/without area|spike/);
  });

  it('finds a spike (a ring going out and straight back)', () => {
    expect(
      validityProblem([
        [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [2, 4],
            [2, 6],
            [2, 4],
            [0, 4],
            [0, 0],
          ],
        ],
      ]),
    ).toMatch(/spike|cross/);
  });
});

describe('clean-up after simplification', () => {
  it('removes spikes and repeated points', () => {
    const ring: Ring = [
      [0, 0],
      [4, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [2, 6],
      [2, 4],
      [0, 4],
      [0, 0],
    ];
    const clean = cleanRing(ring)!;
    expect(clean).toEqual([
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [0, 4],
      [0, 0],
    ]);
    expect(validityProblem([[clean]])).toBeNull();
  });

  it('drops an islet swallowed by its own mainland, keeps one in a lake', () => {
    const stats = emptyCleanStats();
    const parts = cleanParts([[square(0, 0, 10), square(6, 6, 3)], [square(1, 1, 1)], [square(7, 7, 1)]], stats, 6);
    expect(parts).toHaveLength(2);
    expect(stats.partsDropped).toBe(1);
    expect(validityProblem(parts)).toBeNull();
  });

  it('rounds what the repair left at full precision, and drops crumbs beside real parts', () => {
    const stats = emptyCleanStats();
    const crumb: Ring = [
      [20, 0],
      [20.00001, 0],
      [20.00001, 0.00001],
      [20, 0],
    ];
    const parts = cleanParts([[square(0, 0.123456789, 10)], [crumb]], stats, 4);
    expect(parts).toHaveLength(1);
    expect(parts[0][0][0]).toEqual([0, 0.1235]);
  });
});

describe('voteOldDistrict', () => {
  it('weighs whole predecessors over partial ones, ties to the lowest code', () => {
    const districtOf = (c: string) => ({ a: '562', b: '562', c: '563', d: '564' })[c];
    expect(
      voteOldDistrict(
        [
          { code: 'a', kind: 'partial' },
          { code: 'c', kind: 'full' },
        ],
        districtOf,
      ),
    ).toBe('563');
    expect(
      voteOldDistrict(
        [
          { code: 'a', kind: 'full' },
          { code: 'c', kind: 'full' },
        ],
        districtOf,
      ),
    ).toBe('562');
    expect(voteOldDistrict([{ code: 'x', kind: 'full' }], districtOf)).toBeNull();
  });
});
