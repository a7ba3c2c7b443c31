// The district plan (which 2021 polygons make each 2025-03-01 district) and the polygon identity
// check, on a made-up province: 2021 districts 100 (communes a, b), 101 (c, d), 102 (e); by
// 2025-03-01, 102 was merged into 101, and commune b moved from 100 to the new district 103.
import { describe, expect, it } from 'vitest';
import type { LinkEnd } from '../../geodata/crosswalk.ts';
import { planDistricts } from '../../geodata/district-plan.ts';
import { applySwaps, checkPolygonIdentity } from '../../geodata/polygon-identity.ts';
import type { BoundaryFeature } from '../../geodata/read-sources.ts';
import type { ListUnit, UnitList, Units2021 } from '../../geodata/units.ts';

function list(units: [string, 'province' | 'district' | 'commune', string | null][]): UnitList {
  const all: ListUnit[] = units.map(([code, level, parent]) => ({
    structure: 'pre2025',
    code,
    level,
    name: code,
    fullName: `${level} ${code}`,
    nameEn: null,
    type: '',
    parentCode: parent,
    provinceCode: '99',
  }));
  return {
    file: 'test',
    units: all,
    byCode: new Map(all.map((u) => [u.code, u])),
    spacingFixed: [],
    typeDisagrees: [],
  };
}

const oldList = list([
  ['99', 'province', null],
  ['100', 'district', '99'],
  ['101', 'district', '99'],
  ['103', 'district', '99'],
  ['a', 'commune', '100'],
  ['b', 'commune', '103'],
  ['c', 'commune', '101'],
  ['d', 'commune', '101'],
  ['e', 'commune', '101'],
]);
const units2021: Units2021 = {
  communeDistrict: new Map([
    ['a', '100'],
    ['b', '100'],
    ['c', '101'],
    ['d', '101'],
    ['e', '102'],
  ]),
  districtName: new Map([
    ['100', 'Huyện Một'],
    ['101', 'Huyện Hai'],
    ['102', 'Huyện Ba'],
  ]),
};

describe('planDistricts', () => {
  const plan = planDistricts(
    oldList,
    units2021,
    new Map([
      ['100', '99'],
      ['101', '99'],
      ['102', '99'],
    ]),
  );

  it('keeps an unchanged polygon as source and dissolves a merged one', () => {
    expect(plan.districts.get('101')).toMatchObject({ wholePolygons: ['101', '102'], status: 'rebuilt' });
    expect(plan.districts.get('101')!.note).toMatch(/102 Huyện Ba/);
  });

  it('divides a polygon whose communes went to two districts, both approximate', () => {
    expect(plan.polygons.get('100')).toMatchObject({ major: '100', minors: ['103'] });
    expect(plan.districts.get('100')!.status).toBe('approximate');
    expect(plan.districts.get('103')).toMatchObject({ dividedPolygons: ['100'], status: 'approximate' });
  });
});

describe('checkPolygonIdentity', () => {
  const square = (x: number): BoundaryFeature => ({
    type: 'Feature',
    properties: { code: '', provinceCode: '99' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
          [x, 0],
        ],
      ],
    },
  });
  const polygons = new Map([
    ['100', { ...square(0), properties: { code: '100', provinceCode: '99' } }],
    ['101', { ...square(1), properties: { code: '101', provinceCode: '99' } }],
  ]);
  const full = (code: string): LinkEnd => ({ code, kind: 'full' });

  it('finds two polygons carrying each other’s codes and swaps their geometry back', () => {
    // 2025 communes N1, N2 come from 100's communes but lie in polygon 101; N3, N4 the reverse.
    const predecessors = new Map([
      ['N1', [full('a')]],
      ['N2', [full('b')]],
      ['N3', [full('c')]],
      ['N4', [full('d')]],
    ]);
    const labels = new Map([
      ['N1', [1.5, 0.5]],
      ['N2', [1.4, 0.4]],
      ['N3', [0.5, 0.5]],
      ['N4', [0.4, 0.6]],
    ]);
    const result = checkPolygonIdentity(polygons, predecessors, units2021, labels);
    expect(result.swaps.map((s) => [s.a, s.b])).toEqual([['100', '101']]);
    const fixed = applySwaps(polygons, result.swaps);
    expect(fixed.get('100')!.geometry).toEqual(polygons.get('101')!.geometry);
    expect(fixed.get('100')!.properties.code).toBe('100');
  });

  it('leaves polygons alone when the communes are where they belong', () => {
    const predecessors = new Map([
      ['N1', [full('a')]],
      ['N3', [full('c')]],
      ['N4', [full('d')]],
    ]);
    const labels = new Map([
      ['N1', [0.5, 0.5]],
      ['N3', [1.5, 0.5]],
      ['N4', [1.4, 0.6]],
    ]);
    expect(checkPolygonIdentity(polygons, predecessors, units2021, labels)).toEqual({ swaps: [], displaced: [] });
  });
});
