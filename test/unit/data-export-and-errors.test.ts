// The Dữ liệu page's export links, error CSV and history formatting (client/views/data/*.ts).
import { describe, expect, it } from 'vitest';
import { errorFileName, errorsToCsv } from '../../client/views/data/error-csv.ts';
import { exportHref, exportProblem, formatsOf, levelsOf, type ExportChoice } from '../../client/views/data/export-link.ts';
import { formatBatchTime, sampleCell, sampleColumns } from '../../client/views/data/data-format.ts';

const base: ExportChoice = { table: 'values', format: 'csv', structure: 'pre2025', year: 2024, level: 'commune', indicator: 'poor_rate', parentCode: '42' };

describe('exportHref', () => {
  it('carries every input of the values table', () => {
    expect(exportHref(base)).toBe('/export/values.csv?structure=pre2025&level=commune&year=2024&indicator=poor_rate&parentCode=42');
  });

  it('sends only the inputs a table takes (the server inputs are strict)', () => {
    expect(exportHref({ ...base, table: 'review', format: 'xlsx' })).toBe('/export/review.xlsx?structure=pre2025&year=2024&parentCode=42');
    expect(exportHref({ ...base, table: 'targets', year: null, parentCode: null })).toBe('/export/targets.csv?structure=pre2025');
    expect(exportHref({ ...base, table: 'visits', structure: '2025' })).toBe('/export/visits.csv?structure=2025&parentCode=42');
  });

  it('offers GeoJSON only for values, and falls back to CSV', () => {
    expect(formatsOf('values')).toContain('geojson');
    expect(formatsOf('projects')).not.toContain('geojson');
    expect(exportHref({ ...base, table: 'projects', format: 'geojson' })).toMatch(/^\/export\/projects\.csv\?/);
  });

  it('says what is missing', () => {
    expect(exportProblem(base)).toBeNull();
    expect(exportProblem({ ...base, year: null })).toBe('year');
    expect(exportProblem({ ...base, table: 'targets', year: null })).toBeNull();
    expect(exportProblem({ ...base, indicator: '' })).toBe('indicator');
    expect(exportProblem({ ...base, structure: '2025', level: 'district' })).toBe('level');
    expect(levelsOf('2025')).toEqual(['province', 'commune']);
  });
});

describe('errorsToCsv', () => {
  it('writes a BOM, semicolons, CRLF and quotes cells that need it', () => {
    const csv = errorsToCsv(
      [
        { row: 5, column: 'Số hộ nghèo', code: 'unparseable_number', message: 'Không đọc được số "abc"; viết 1.234' },
        { row: 7, column: null, code: 'unknown_unit', message: 'Không có mã 99999' },
      ],
      { row: 'Dòng', column: 'Cột', code: 'Mã lỗi', message: 'Lỗi' },
    );
    expect(csv).toBe(
      '\uFEFFDòng;Cột;Mã lỗi;Lỗi\r\n' +
        '5;Số hộ nghèo;unparseable_number;"Không đọc được số ""abc""; viết 1.234"\r\n' +
        '7;;unknown_unit;Không có mã 99999\r\n',
    );
  });

  it('names the file after the source', () => {
    expect(errorFileName('ket-qua-2024.xlsx')).toBe('ket-qua-2024-loi.csv');
    expect(errorFileName('bang')).toBe('bang-loi.csv');
  });
});

describe('history and sample formatting', () => {
  it('shows batch times in Vietnam time to the minute', () => {
    expect(formatBatchTime('2025-01-05T17:03:09Z')).toBe('06/01/2025 00:03');
    expect(formatBatchTime('nonsense')).toBe('nonsense');
  });

  it('lists sample columns in first-seen order and keeps years ungrouped', () => {
    expect(sampleColumns([{ code: '1', poor: 2 }, { code: '3', year: 2024 }])).toEqual(['code', 'poor', 'year']);
    const format = (n: number) => n.toLocaleString('vi-VN');
    expect(sampleCell('year', 2024, format)).toBe('2024');
    expect(sampleCell('households', 1234, format)).toBe('1.234');
    expect(sampleCell('note', null, format)).toBe('');
  });
});
