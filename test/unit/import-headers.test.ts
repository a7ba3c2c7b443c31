// Column matching (core/imports/headers.ts): Vietnamese with or without diacritics, English.
import { describe, expect, it } from 'vitest';
import { matchColumns, UNIT_FIELDS, YEAR_FIELD } from '../../core/imports/headers.ts';
import { REVIEW_FIELDS } from '../../core/imports/kinds/review.ts';

const FIELDS = [...UNIT_FIELDS, YEAR_FIELD, ...REVIEW_FIELDS];

describe('matchColumns', () => {
  it('recognises Vietnamese headers, accented or not, in any Unicode form and tone placement', () => {
    const header = ['Mã xã', 'Ten xa', 'Tổng số hộ', 'SO HO NGHEO', 'Tỷ lệ hộ nghèo (%)', 'Hộ cận nghèo'.normalize('NFD'), 'Năm'];
    const { columns, headerRow } = matchColumns([header], FIELDS);
    expect(headerRow).toBe(0);
    expect(columns).toMatchObject({ unit_code: 0, unit_name: 1, households: 2, poor: 3, poor_rate: 4, near_poor: 5, year: 6, near_poor_rate: null });
  });

  it('recognises English headers', () => {
    const { columns } = matchColumns([['Unit code', 'Households', 'Poor households', 'Near-poor households', 'Year']], FIELDS);
    expect(columns).toMatchObject({ unit_code: 0, households: 1, poor: 2, near_poor: 3, year: 4 });
  });

  it('finds the header below a title block', () => {
    const rows = [['BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT'], [null], ['STT', 'Mã xã', 'Tên xã', 'Tổng số hộ', 'Số hộ nghèo']];
    const { headerRow, columns } = matchColumns(rows, FIELDS);
    expect(headerRow).toBe(2);
    expect(columns.unit_code).toBe(1);
  });

  it('lets the user override a column or unmap it', () => {
    const { columns } = matchColumns([['Mã xã', 'Cột lạ', 'Số hộ nghèo']], FIELDS, { households: 1, poor: null });
    expect(columns.households).toBe(1);
    expect(columns.poor).toBeNull();
  });
});
