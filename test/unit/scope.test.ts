import { describe, expect, it } from 'vitest';
import { allows, coveredProvinces, effectiveScope, reachOf, type CommuneLink, type ProvinceLink, type ScopeFacts } from '../../core/scope.ts';

// A small crosswalk shaped like the real one around Phú Yên (54) and Đắk Lắk (66), plus Hà Tĩnh
// (42, unchanged) and the odd commune that crossed a provincial border (99001 → 2025 province 42).
const provinceLinks: ProvinceLink[] = [
  { from: '54', to: '66', kind: 'full' },
  { from: '66', to: '66', kind: 'full' },
  { from: '42', to: '42', kind: 'full' },
  { from: '99', to: '42', kind: 'full' },
];
const link = (from: string, district: string, fromProvince: string, to: string, toProvince: string): CommuneLink => ({
  from: { code: from, districtCode: district, provinceCode: fromProvince },
  to: { code: to, provinceCode: toProvince },
});
const communeLinks: CommuneLink[] = [
  link('22276', '562', '54', '22276', '66'), // old Hòa Đồng → new Hòa Thịnh
  link('22294', '562', '54', '22276', '66'), // old Hòa Thịnh → new Hòa Thịnh
  link('24100', '643', '66', '24100', '66'), // an old Đắk Lắk commune
  link('24200', '643', '66', '22290', '66'), // an old Đắk Lắk commune merged with a Phú Yên one
  link('22290', '562', '54', '22290', '66'),
  link('18000', '436', '42', '18000', '42'),
];
const facts: ScopeFacts = { provinceLinks, communeLinks };

const unit = (structure: '2025' | 'pre2025', code: string, level: 'province' | 'district' | 'commune', provinceCode: string) => ({
  structure,
  code,
  level,
  provinceCode,
});

describe('scope: pre-2025 province', () => {
  const phuYen = effectiveScope([{ structure: 'pre2025', code: '54' }], facts);

  it('covers the old province wholly', () => {
    expect(reachOf(phuYen, unit('pre2025', '54', 'province', '54'))).toBe('data');
    expect(reachOf(phuYen, unit('pre2025', '562', 'district', '54'))).toBe('data');
    expect(reachOf(phuYen, unit('pre2025', '22276', 'commune', '54'))).toBe('data');
  });

  it('covers the 2025 communes that received any of its communes, and no other', () => {
    expect(reachOf(phuYen, unit('2025', '22276', 'commune', '66'))).toBe('data');
    expect(reachOf(phuYen, unit('2025', '22290', 'commune', '66'))).toBe('data'); // partly from Đắk Lắk: still covered
    expect(reachOf(phuYen, unit('2025', '24100', 'commune', '66'))).toBeNull();
  });

  it('opens the 2025 successor province for navigation only', () => {
    expect(reachOf(phuYen, unit('2025', '66', 'province', '66'))).toBe('navigate');
    expect(allows(phuYen, unit('2025', '66', 'province', '66'), 'navigate')).toBe(true);
    expect(allows(phuYen, unit('2025', '66', 'province', '66'), 'data')).toBe(false);
  });

  it('does not reach old Đắk Lắk or anything else', () => {
    expect(reachOf(phuYen, unit('pre2025', '66', 'province', '66'))).toBeNull();
    expect(reachOf(phuYen, unit('pre2025', '24100', 'commune', '66'))).toBeNull();
    expect(reachOf(phuYen, unit('pre2025', '42', 'province', '42'))).toBeNull();
  });

  it('covers a 2025 province wholly when all its predecessors are in scope', () => {
    const both = coveredProvinces([{ structure: 'pre2025', code: '54' }, { structure: 'pre2025', code: '66' }], provinceLinks);
    expect([...both['2025']]).toEqual(['66']);
    const alone = coveredProvinces([{ structure: 'pre2025', code: '54' }], provinceLinks);
    expect([...alone['2025']]).toEqual([]);
  });
});

describe('scope: 2025 province', () => {
  const dakLak = effectiveScope([{ structure: '2025', code: '66' }], facts);

  it('covers every 2025 unit of the province', () => {
    expect(reachOf(dakLak, unit('2025', '66', 'province', '66'))).toBe('data');
    expect(reachOf(dakLak, unit('2025', '24100', 'commune', '66'))).toBe('data');
  });

  it('covers the pre-2025 provinces that went wholly into it', () => {
    for (const old of ['54', '66']) expect(reachOf(dakLak, unit('pre2025', old, 'province', old))).toBe('data');
    expect(reachOf(dakLak, unit('pre2025', '22276', 'commune', '54'))).toBe('data');
    expect(reachOf(dakLak, unit('pre2025', '42', 'province', '42'))).toBeNull();
  });

  it('covers a commune that crossed a border into it, with its old province and district as containers', () => {
    const haTinh = effectiveScope([{ structure: '2025', code: '42' }], {
      provinceLinks: [{ from: '42', to: '42', kind: 'full' }, { from: '40', to: '40', kind: 'full' }],
      communeLinks: [link('17000', '420', '40', '18000', '42')],
    });
    expect(reachOf(haTinh, unit('pre2025', '17000', 'commune', '40'))).toBe('data');
    expect(reachOf(haTinh, unit('pre2025', '40', 'province', '40'))).toBe('navigate');
    expect(reachOf(haTinh, unit('pre2025', '420', 'district', '40'))).toBe('navigate');
    expect(reachOf(haTinh, unit('pre2025', '17001', 'commune', '40'))).toBeNull();
  });
});

describe('scope: country and empty', () => {
  it('the country reaches everything', () => {
    const country = effectiveScope(null, facts);
    expect(reachOf(country, unit('pre2025', '01', 'province', '01'))).toBe('data');
  });
  it('an empty list reaches nothing (signed-out callers get this)', () => {
    const nothing = effectiveScope([], facts);
    expect(reachOf(nothing, unit('2025', '66', 'province', '66'))).toBeNull();
    expect(reachOf(nothing, unit('pre2025', '22276', 'commune', '54'))).toBeNull();
  });
  it('a partial province link does not open the old province wholly', () => {
    const scope = coveredProvinces([{ structure: '2025', code: '66' }], [{ from: '54', to: '66', kind: 'partial' }]);
    expect([...scope.pre2025]).toEqual([]);
  });
});
