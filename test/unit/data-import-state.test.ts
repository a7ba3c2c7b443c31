// The import flow's pure rules (client/views/data/import-state.ts): file checks, base64, the
// column mapping, ambiguous-name choices and when writing is allowed.
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../client/views/data/data-api.ts';
import {
  assignColumn,
  bytesToBase64,
  canApply,
  fieldOfColumn,
  fileProblem,
  mappingFromReport,
  MAX_FILE_BYTES,
  missingRequired,
  pageOf,
  previewInput,
  unresolvedCount,
  visibleAmbiguities,
} from '../../client/views/data/import-state.ts';

const ambiguity = (row: number) => ({
  row,
  name: 'Xã Kỳ Phong',
  parentName: null,
  candidates: [
    { code: '18001', fullName: 'Xã Kỳ Phong', path: 'Huyện Kỳ Anh, Tỉnh Hà Tĩnh' },
    { code: '18002', fullName: 'Xã Kỳ Phong', path: 'Huyện Khác, Tỉnh Hà Tĩnh' },
  ],
});

function report(over: Partial<ImportReport> = {}): ImportReport {
  return {
    kind: 'review',
    fileName: 'a.csv',
    structure: 'pre2025',
    year: 2024,
    sheet: null,
    columns: [
      { index: 0, header: 'Mã xã', field: 'code' },
      { index: 1, header: 'Số hộ nghèo', field: 'poor' },
      { index: 2, header: 'Ghi chú', field: null },
    ],
    fields: [
      { key: 'code', labelVi: 'Mã đơn vị', labelEn: 'Unit code', required: true, column: 0 },
      { key: 'poor', labelVi: 'Số hộ nghèo', labelEn: 'Poor households', required: true, column: 1 },
      { key: 'households', labelVi: 'Tổng số hộ', labelEn: 'Households', required: true, column: null },
    ],
    rowCount: 3,
    accepted: 3,
    errors: [],
    ambiguous: [],
    sample: [],
    fingerprint: 'f',
    ...over,
  } as ImportReport;
}

describe('fileProblem', () => {
  it('accepts .csv and .xlsx in any case, refuses other types, empty and oversized files', () => {
    expect(fileProblem('ket-qua.CSV', 10)).toBeNull();
    expect(fileProblem('ket-qua.xlsx', MAX_FILE_BYTES)).toBeNull();
    expect(fileProblem('ket-qua.xls', 10)).toBe('type');
    expect(fileProblem('ket-qua.xlsx', MAX_FILE_BYTES + 1)).toBe('size');
    expect(fileProblem('ket-qua.csv', 0)).toBe('empty');
  });
});

describe('bytesToBase64', () => {
  it('matches Node for UTF-8 text with a BOM and for a buffer larger than one chunk', () => {
    const text = new TextEncoder().encode('\uFEFFMã xã;Tên xã\n');
    expect(bytesToBase64(text)).toBe(Buffer.from(text).toString('base64'));
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('column mapping', () => {
  it('reads the server mapping and finds the field of a column', () => {
    const mapping = mappingFromReport(report());
    expect(mapping).toEqual({ code: 0, poor: 1, households: null });
    expect(fieldOfColumn(mapping, 1)).toBe('poor');
    expect(fieldOfColumn(mapping, 2)).toBeNull();
  });

  it('moves a field to a new column and frees the column it took', () => {
    const mapping = { code: 0, poor: 1, households: null };
    expect(assignColumn(mapping, 2, 'households')).toEqual({ code: 0, poor: 1, households: 2 });
    expect(assignColumn(mapping, 1, 'households')).toEqual({ code: 0, poor: null, households: 1 });
    expect(assignColumn(mapping, 2, 'poor')).toEqual({ code: 0, poor: 2, households: null });
    expect(assignColumn(mapping, 0, null)).toEqual({ code: null, poor: 1, households: null });
    expect(mapping).toEqual({ code: 0, poor: 1, households: null }); // not mutated
  });

  it('names the required fields no column feeds', () => {
    expect(missingRequired(report())).toEqual(['households']);
  });
});

describe('ambiguous names', () => {
  it('counts rows without a valid choice', () => {
    const r = report({ ambiguous: [ambiguity(4), ambiguity(7)] });
    expect(unresolvedCount(r, {})).toBe(2);
    expect(unresolvedCount(r, { '4': '18001' })).toBe(1);
    expect(unresolvedCount(r, { '4': '18001', '7': '99999' })).toBe(1);
  });

  it('keeps a chosen row visible after the server stops listing it', () => {
    const shown = visibleAmbiguities([ambiguity(7)], [ambiguity(4), ambiguity(7)], { '4': '18001' });
    expect(shown.map((a) => a.row)).toEqual([4, 7]);
    expect(visibleAmbiguities([], [ambiguity(4)], {})).toEqual([]);
  });
});

describe('canApply', () => {
  it('needs a report with no errors, no unresolved names and something to write', () => {
    expect(canApply(null, {})).toBe(false);
    expect(canApply(report(), {})).toBe(true);
    expect(canApply(report({ accepted: 0 }), {})).toBe(false);
    expect(canApply(report({ errors: [{ row: 3, column: 'Số hộ nghèo', code: 'unparseable_number', message: 'x' }] }), {})).toBe(false);
    expect(canApply(report({ ambiguous: [ambiguity(4)] }), {})).toBe(false);
    expect(canApply(report({ ambiguous: [ambiguity(4)] }), { '4': '18002' })).toBe(true);
  });
});

describe('previewInput', () => {
  const form = { kind: 'review' as const, fileName: 'a.csv', contentBase64: 'QQ==', structure: '' as const, year: '', mapping: null, choices: {} };

  it('leaves out what the user did not set', () => {
    expect(previewInput(form)).toEqual({ kind: 'review', fileName: 'a.csv', contentBase64: 'QQ==' });
  });

  it('sends structure, a valid year, the mapping and the choices', () => {
    const input = previewInput({ ...form, structure: 'pre2025', year: ' 2024 ', mapping: { code: 0 }, choices: { '4': '18001' } });
    expect(input).toEqual({ kind: 'review', fileName: 'a.csv', contentBase64: 'QQ==', structure: 'pre2025', year: 2024, mapping: { code: 0 }, choices: { '4': '18001' } });
    expect(previewInput({ ...form, year: '24' }).year).toBeUndefined();
    expect(previewInput({ ...form, year: 'năm' }).year).toBeUndefined();
  });
});

describe('pageOf', () => {
  it('slices pages and clamps the page number', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 0, 50)).toMatchObject({ page: 0, pages: 3 });
    expect(pageOf(items, 2, 50).items).toEqual(items.slice(100));
    expect(pageOf(items, 9, 50).page).toBe(2);
    expect(pageOf([], 0, 50)).toEqual({ items: [], page: 0, pages: 1 });
  });
});
