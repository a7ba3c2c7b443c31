// Old communes placed through the crosswalk, on small hand-made shapes: old communes merged into
// one new commune get distinct points inside it (and inside their old district), the same every
// run, while an old commune alone in its new commune keeps the label point.
import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Crosswalk, LinkEnd } from '../../geodata/crosswalk.ts';
import { pointInMultiPolygon, type MultiPolygonRings, type Ring } from '../../geodata/geometry.ts';
import { placeOldCommunes, sharedPointFigures, type PlacementInput } from '../../geodata/old-commune-points.ts';
import { spreadPattern, spreadPoints, spreadRadius } from '../../geodata/old-commune-spread.ts';
import type { ListUnit, UnitList } from '../../geodata/units.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

const unit = (structure: '2025' | 'pre2025', level: ListUnit['level'], code: string, parentCode: string | null): ListUnit => ({
  structure,
  code,
  level,
  name: code,
  fullName: `Xã ${code}`,
  nameEn: null,
  type: 'Xã',
  parentCode,
  provinceCode: '54',
});
const list = (units: ListUnit[]): UnitList => ({
  file: 'synthetic',
  units,
  byCode: new Map(units.map((u) => [u.code, u])),
  spacingFixed: [],
  typeDisagrees: [],
});

/**
 * Two 2025 communes of ~10 × 10 km near 13° N: A (labelled at its middle) took old communes
 * 00001-00007 of old district D1 whole; B took 00008 alone. District D1 covers A and B.
 * Old 00009 of district D2 went to A but D2 only overlaps A's western strip.
 */
function synthetic(): PlacementInput {
  const a: MultiPolygonRings = [[rect(109.0, 13.0, 109.09, 13.09)]];
  const b: MultiPolygonRings = [[rect(109.1, 13.0, 109.19, 13.09)]];
  const oldCodes = ['00007', '00003', '00001', '00005', '00002', '00006', '00004']; // unsorted on purpose
  const successors = new Map<string, LinkEnd[]>(oldCodes.map((c) => [c, [{ code: 'A', kind: 'full' }]]));
  successors.set('00008', [{ code: 'B', kind: 'full' }]);
  successors.set('00009', [{ code: 'A', kind: 'partial' }]);
  return {
    oldList: list([
      ...oldCodes.map((c) => unit('pre2025', 'commune', c, 'D1')),
      unit('pre2025', 'commune', '00008', 'D1'),
      unit('pre2025', 'commune', '00009', 'D2'),
    ]),
    newList: list([unit('2025', 'commune', 'A', '54'), unit('2025', 'commune', 'B', '54')]),
    crosswalk: { successors } as Crosswalk,
    newLabelPoints: new Map([
      ['A', [109.045, 13.045]],
      ['B', [109.145, 13.045]],
    ]),
    newDetail: new Map([
      ['A', a],
      ['B', b],
    ]),
    districtDetail: new Map([
      ['D1', [[rect(108.99, 12.99, 109.2, 13.1)]]],
      ['D2', [[rect(108.9, 12.99, 109.01, 13.1)]]],
    ]),
  };
}

const metres = (p: Position, q: Position) => distance(p, q, { units: 'kilometers' }) * 1000;

describe('old commune points', () => {
  it('gives old communes merged into one new commune distinct points inside it and their district', () => {
    const input = synthetic();
    const placed = placeOldCommunes(input);
    const inA = ['00001', '00002', '00003', '00004', '00005', '00006', '00007'].map((c) => placed.get(c)!);
    const keys = new Set(inA.map((p) => String(p.point)));
    expect(keys.size).toBe(7);
    for (const p of inA) {
      expect(p.placement).toBe('successor-in-district');
      expect(pointInMultiPolygon(p.point!, input.newDetail.get('A')!)).toBe(true);
      expect(pointInMultiPolygon(p.point!, input.districtDetail.get('D1')!)).toBe(true);
      expect(p.note).toMatch(/one of 7 old communes of 2025 commune A/);
      expect(p.note).toMatch(/symbolic position, not a location/);
    }
    // The lowest code keeps the label point; the others sit on a ring ~0.4 × equivalent radius out.
    expect(placed.get('00001')!.point).toEqual([109.045, 13.045]);
    const radius = 0.4 * Math.sqrt((9.75e3 * 9.75e3) / Math.PI); // A is ~9.75 × 9.75 km
    for (const p of inA.slice(1)) expect(metres(p.point!, [109.045, 13.045])).toBeGreaterThan(0.9 * radius);
    const spacing = Math.min(...inA.flatMap((p, i) => inA.slice(i + 1).map((q) => metres(p.point!, q.point!))));
    expect(spacing).toBeGreaterThan(0.9 * radius);
    expect(sharedPointFigures(placed)).toMatchObject({ distinct: 9, sharing: 0, spread: 7, within100m: [] });
    expect(sharedPointFigures(placed).nearestMetres!.min).toBeGreaterThan(0.9 * radius);
  });

  it('keeps the label point for an old commune alone in its new commune', () => {
    const placed = placeOldCommunes(synthetic());
    expect(placed.get('00008')).toMatchObject({ point: [109.145, 13.045], placement: 'successor-in-district', via: 'B' });
    expect(placed.get('00008')!.note).not.toMatch(/spread/);
  });

  it('places an old commune inside the part of its successor in its old district', () => {
    const input = synthetic();
    const p = placeOldCommunes(input).get('00009')!;
    expect(p.placement).toBe('successor-part-in-district');
    expect(pointInMultiPolygon(p.point!, input.newDetail.get('A')!)).toBe(true);
    expect(pointInMultiPolygon(p.point!, input.districtDetail.get('D2')!)).toBe(true);
  });

  it('is deterministic: the same points whatever the order of the lists', () => {
    const first = placeOldCommunes(synthetic());
    const input = synthetic();
    input.oldList = list([...input.oldList.units].reverse());
    const second = placeOldCommunes(input);
    for (const [code, p] of first) expect(second.get(code)!.point).toEqual(p.point);
  });

  it('pulls points toward the centre where the full ring would leave the polygon', () => {
    // A thin strip 1 km tall, 20 km wide: the ring (radius ~0.4 × 2.5 km) sticks out north and south.
    const strip: MultiPolygonRings = [[rect(105, 21, 105.19, 21.009)]];
    const centre: Position = [105.095, 21.0045];
    const members = ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code, within: [strip] }));
    const points = spreadPoints(centre, members, spreadRadius(centre, [strip]));
    expect(new Set(points.map(String)).size).toBe(5);
    for (const p of points) expect(p && pointInMultiPolygon(p, strip)).toBe(true);
  });

  it('keeps points apart when the shared point lies near an edge', () => {
    // ~10 km square; the shared point ~200 m from its east edge, so the east slot never fits.
    const square: MultiPolygonRings = [[rect(107, 11, 107.0917, 11.0904)]];
    const centre: Position = [107.09, 11.0452];
    const members = ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code, within: [square] }));
    const radius = spreadRadius(centre, [square]);
    const points = spreadPoints(centre, members, radius) as Position[];
    for (const p of points) expect(pointInMultiPolygon(p, square)).toBe(true);
    const spacing = Math.min(...points.flatMap((p, i) => points.slice(i + 1).map((q) => metres(p, q))));
    expect(spacing).toBeGreaterThan(0.5 * radius);
  });

  it('still gives distinct points where the successor and the old district overlap in a sliver', () => {
    // ~2 km square successor; the old district overlaps only its ~20 m × 20 m north-east corner.
    const successor: MultiPolygonRings = [[rect(106, 10, 106.018, 10.018)]];
    const district: MultiPolygonRings = [[rect(106.0178, 10.0178, 106.05, 10.05)]];
    const centre: Position = [106.0179, 10.0179];
    const members = ['a', 'b', 'c'].map((code) => ({ code, within: [successor, district] }));
    const points = spreadPoints(centre, members, spreadRadius(centre, [successor, district]));
    expect(new Set(points.map(String)).size).toBe(3);
    for (const p of points) {
      expect(p && pointInMultiPolygon(p, successor) && pointInMultiPolygon(p, district)).toBe(true);
    }
  });

  it('lays out slots as a centre and hexagonal rings', () => {
    expect(spreadPattern(1)).toEqual([{ fraction: 0, bearing: 0, arc: 0 }]);
    expect(spreadPattern(4).map((s) => s.bearing)).toEqual([0, 0, 120, 240]);
    const thirteen = spreadPattern(13);
    expect(thirteen.filter((s) => s.fraction === 0.5)).toHaveLength(6);
    expect(thirteen.filter((s) => s.fraction === 1)).toHaveLength(6);
    expect(spreadPattern(19)).toHaveLength(19);
  });
});
