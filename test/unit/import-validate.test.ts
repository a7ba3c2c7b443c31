// Matching units and validating whole files (core/imports/unit-match.ts, validate-file.ts, kinds/).
import { describe, expect, it } from 'vitest';
import { IMPORT_KIND_DEFS } from '../../core/imports/kinds/index.ts';
import { readProjectCode } from '../../core/imports/kinds/project.ts';
import type { Cell } from '../../core/imports/numbers.ts';
import { UnitIndex, type IndexedUnit } from '../../core/imports/unit-match.ts';
import { validateFile } from '../../core/imports/validate-file.ts';

const unit = (structure: IndexedUnit['structure'], code: string, fullName: string, ancestors: string[], level: IndexedUnit['level'] = 'commune', provinceCode = '42'): IndexedUnit => ({
  structure, code, level, name: fullName.replace(/^(Xã|Phường|Huyện|Tỉnh) /, ''), fullName, provinceCode, hasChildren: level !== 'commune', ancestors,
});

const UNITS = [
  unit('pre2025', '42', 'Tỉnh Hà Tĩnh', [], 'province'),
  unit('pre2025', '436', 'Huyện Kỳ Anh', ['Tỉnh Hà Tĩnh'], 'district'),
  unit('pre2025', '18814', 'Xã Kỳ Tân', ['Huyện Kỳ Anh', 'Tỉnh Hà Tĩnh']),
  unit('pre2025', '17320', 'Xã Kỳ Tân', ['Huyện Tân Kỳ', 'Tỉnh Nghệ An'], 'commune', '40'),
  unit('pre2025', '18073', 'Phường Nam Hà', ['Thành phố Hà Tĩnh', 'Tỉnh Hà Tĩnh']),
  unit('pre2025', '22276', 'Xã Hòa Đồng', ['Huyện Tây Hòa', 'Tỉnh Phú Yên'], 'commune', '54'),
  unit('2025', '22276', 'Xã Hoà Thịnh', ['Tỉnh Đắk Lắk'], 'commune', '66'),
  unit('pre2025', '00004', 'Phường Trúc Bạch', ['Quận Ba Đình', 'Thành phố Hà Nội'], 'commune', '01'),
];
const index = new UnitIndex(UNITS);
const everywhere = () => true;
const HEADER = ['Mã xã', 'Tên xã', 'Huyện', 'Năm', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)', 'Số hộ cận nghèo'];

describe('UnitIndex.match', () => {
  it('finds by code, restoring zeros Excel dropped, and tells the other structure apart', () => {
    expect(index.match({ code: '18073', name: null, parentName: null }, 'pre2025')).toMatchObject({ kind: 'match', unit: { code: '18073' } });
    expect(index.match({ code: '4', name: null, parentName: null }, 'pre2025')).toMatchObject({ kind: 'match', unit: { code: '00004' } });
    expect(index.match({ code: '18073', name: null, parentName: null }, '2025')).toMatchObject({ kind: 'wrong-structure' });
    expect(index.match({ code: '99999', name: null, parentName: null }, 'pre2025')).toEqual({ kind: 'unknown' });
  });

  it('finds by name however it is typed, within a named parent, and lists candidates when ambiguous', () => {
    expect(index.match({ code: null, name: 'xa hoa dong', parentName: null }, 'pre2025')).toMatchObject({ kind: 'match', unit: { code: '22276' } });
    expect(index.match({ code: null, name: 'Hoà Đồng'.normalize('NFD'), parentName: 'Tây Hoà' }, 'pre2025')).toMatchObject({ kind: 'match' });
    expect(index.match({ code: null, name: 'Kỳ Tân', parentName: 'Huyện Kỳ Anh' }, 'pre2025')).toMatchObject({ kind: 'match', unit: { code: '18814' } });
    const ambiguous = index.match({ code: null, name: 'Kỳ Tân', parentName: null }, 'pre2025');
    expect(ambiguous).toMatchObject({ kind: 'ambiguous' });
    expect(ambiguous.kind === 'ambiguous' && ambiguous.candidates.map((c) => c.path)).toEqual(['Huyện Kỳ Anh, Tỉnh Hà Tĩnh', 'Huyện Tân Kỳ, Tỉnh Nghệ An']);
  });
});

describe('validateFile (review)', () => {
  const rows: Cell[][] = [
    HEADER,
    ['18073', 'Phường Nam Hà', null, 2024, '4.210', '52', '1,24', '61'], // 2: clean
    ['18814', null, null, 2024, '1.000', '-5', null, '2,5'], // 3: negative, non-integer
    ['99999', null, null, 2024, '100', '1', null, '1'], // 4: unknown code
    [null, 'Kỳ Tân', null, 2024, '100', '10', null, '5'], // 5: ambiguous
    ['18073', null, null, 2024, '4.210', '52', null, '61'], // 6: duplicate of 2
    ['22276', null, null, 2024, '100', '60', '12', '50'], // 7: exceeds, rate contradicts, outside scope
    ['436', null, null, 2024, '100', '1', null, '1'], // 8: a district: not a leaf
    ['18073', null, null, 2025, 'abc', '1', null, '1'], // 9: year of the other structure, unparseable
    [null, null, null, null, null, null, null, null], // blank: skipped
    [null, 'Tổng cộng', null, null, '5.410', '113', null, null], // total row: skipped
  ];
  const inHaTinh = (u: IndexedUnit) => u.provinceCode === '42';
  const result = validateFile(rows, IMPORT_KIND_DEFS.review, index, inHaTinh, { structure: 'pre2025' });
  const codesOf = (row: number) => result.errors.filter((e) => e.row === row).map((e) => e.code).sort();

  it('accepts the clean row with its normalised record', () => {
    expect(result.accepted.map((a) => a.row)).toEqual([2]);
    expect(result.accepted[0]!.record).toMatchObject({ year: 2024, households: 4210, poor: 52, nearPoor: 61, povertyStandard: 'ND07_2021' });
    expect(result.rowCount).toBe(8);
  });

  it('reports every error of every row in one pass, with row numbers and header texts', () => {
    expect(codesOf(3)).toEqual(['negative_count', 'non_integer_count']);
    expect(result.errors.find((e) => e.row === 3 && e.code === 'negative_count')).toMatchObject({ column: 'Số hộ nghèo' });
    expect(codesOf(4)).toEqual(['unknown_unit']);
    expect(codesOf(6)).toEqual(['duplicate_row']);
    expect(result.errors.find((e) => e.row === 6)!.message).toMatch(/dòng 2/);
    expect(codesOf(7)).toEqual(['counts_exceed_households', 'outside_scope', 'rate_contradicts_counts']);
    expect(codesOf(8)).toEqual(['wrong_level']);
    expect(codesOf(9)).toEqual(['unparseable_number']);
    expect(result.ambiguous).toMatchObject([{ row: 5, name: 'Kỳ Tân' }]);
  });

  it('checks the year against the structure, and takes the user’s choice for an ambiguous name', () => {
    const again = validateFile(rows.slice(0, 6), IMPORT_KIND_DEFS.review, index, everywhere, { structure: 'pre2025', choices: { '5': '18814' } });
    expect(again.ambiguous).toEqual([]);
    expect(again.accepted.map((a) => a.row)).toContain(5);
    const mismatch = validateFile([HEADER, ['18073', null, null, 2025, '10', '1', null, '1']], IMPORT_KIND_DEFS.review, index, everywhere, { structure: 'pre2025' });
    expect(mismatch.errors.map((e) => e.code)).toEqual(['structure_year_mismatch']);
  });

  it('infers the structure from the years, and reports a missing column once', () => {
    expect(validateFile(rows.slice(0, 2), IMPORT_KIND_DEFS.review, index, everywhere).structure).toBe('pre2025');
    const missing = validateFile([['Mã xã', 'Năm'], ['18073', 2024]], IMPORT_KIND_DEFS.review, index, everywhere);
    expect(missing.errors.filter((e) => e.code === 'missing_column').map((e) => [e.row, e.column])).toEqual([[1, 'Tổng số hộ'], [1, 'Số hộ nghèo']]);
  });
});

describe('other kinds', () => {
  it('reads programme project codes as DOMAIN.md writes them', () => {
    expect(readProjectCode('DA3')).toEqual({ project: 'DA3', sub: null });
    expect(readProjectCode('Dự án 4 - Tiểu dự án 2')).toEqual({ project: 'DA4', sub: 'TDA2' });
    expect(readProjectCode('DA8')).toBeNull();
  });

  it('validates a project row: TDA per project, money, dates, status', () => {
    const rows: Cell[][] = [
      ['Mã xã', 'Dự án', 'Tiểu dự án', 'Tên dự án', 'Vốn trung ương', 'Giải ngân', 'Ngày bắt đầu', 'Ngày kết thúc', 'Trạng thái'],
      ['18073', 'DA3', 'TDA1', 'Mô hình bò sinh sản', '1.200,5', '800', '01/03/2024', '31/12/2024', 'Đang triển khai'],
      ['18073', 'DA1', 'TDA1', 'Đường', '100', '200', '01/03/2024', '01/01/2024', 'Xong xuôi'],
    ];
    const result = validateFile(rows, IMPORT_KIND_DEFS.project, index, everywhere, { structure: 'pre2025' });
    expect(result.accepted[0]!.record).toMatchObject({ programmeProject: 'DA3', subProject: 'TDA1', budgetCentral: 1200.5, startDate: '2024-03-01', status: 'in_progress' });
    expect(result.errors.map((e) => e.code).sort()).toEqual(['out_of_range', 'out_of_range', 'unknown_value', 'unknown_value']);
  });

  it('validates targets and visits', () => {
    const targets = validateFile([['Mã xã', 'Năm', 'Chỉ tiêu', 'Mức giảm (điểm %)'], ['18073', 2024, 'Giảm tỷ lệ hộ nghèo', '0,7'], ['18073', 2024, 'Khác', '1']], IMPORT_KIND_DEFS.target, index, everywhere);
    expect(targets.accepted[0]!.record).toMatchObject({ indicator: 'poor_rate_reduction', value: 0.7 });
    expect(targets.errors.map((e) => e.code)).toEqual(['unknown_value']);
    const visits = validateFile([['Mã xã', 'Đoàn giám sát', 'Ngày giám sát'], ['18073', 'Đoàn 1', '05/06/2024'], ['18073', 'Đoàn 9', '05/06/2024']], IMPORT_KIND_DEFS.visit, index, everywhere, { structure: 'pre2025' }, { teams: new Map([['doan 1', 7]]) });
    expect(visits.accepted[0]!.record).toMatchObject({ teamId: 7, actualDate: '2024-06-05', status: 'done' });
    expect(visits.errors.map((e) => e.code)).toEqual(['unknown_value']);
  });
});
