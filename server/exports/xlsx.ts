// ExportTable → .xlsx (exceljs): sheet "Dữ liệu" with a bold, frozen header row, numbers kept as
// numbers with formats ('#,##0' counts, '0.00' rates) so a Vietnamese Excel shows its own
// separators (1.234,56), and sheet "Ghi chú" with the provenance a printed table must not lose:
// source, the simulated notice, when and by whom it was exported, and the English column names.
import ExcelJS from 'exceljs';
import type { ColumnType, ExportTable } from './export-table.ts';

export const SIMULATED_NOTICE = 'Dữ liệu mô phỏng (simulated) — không phải số liệu chính thức';
export const DATA_SHEET = 'Dữ liệu';
export const NOTES_SHEET = 'Ghi chú';

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = { count: '#,##0', rate: '0.00' };

export interface XlsxNotes {
  /** What the table is, e.g. "Tỷ lệ hộ nghèo 2025, cấp tỉnh". */
  title: string;
  exportedAt: Date;
  /** "Họ tên (username)". */
  exportedBy: string;
}

export async function toXlsx(table: ExportTable, notes: XlsxNotes): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'povmap';
  workbook.created = notes.exportedAt;

  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, j) => ({
    header: c.labelVi,
    key: c.key,
    width: columnWidth(c.labelVi, table.rows, j),
    style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((value, j) => cellValue(value, table.columns[j]!.type)));

  const notesSheet = workbook.addWorksheet(NOTES_SHEET);
  notesSheet.columns = [{ width: 28 }, { width: 48 }, { width: 48 }];
  const lines: string[][] = [
    ['Bảng', notes.title],
    ['Nguồn', table.source || '—'],
    ...(table.simulated ? [['Lưu ý', SIMULATED_NOTICE]] : []),
    ['Thời điểm xuất', `${vietnamTime(notes.exportedAt)} (giờ Việt Nam)`],
    ['Người xuất', notes.exportedBy],
    ['Số dòng', String(table.rows.length)],
    [],
    ['Cột', 'Tên cột', 'Column'],
    ...table.columns.map((c) => [c.key, c.labelVi, c.labelEn]),
  ];
  for (const line of lines) notesSheet.addRow(line);
  notesSheet.getColumn(1).font = { bold: true };
  if (table.simulated) notesSheet.getCell('B3').font = { bold: true, color: { argb: 'FFC00000' } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: unknown, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (type === 'flag') return value ? 'có' : 'không';
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

/** Wide enough for the header and the longest of the first 500 values, within 8..60 characters. */
function columnWidth(header: string, rows: readonly unknown[][], j: number): number {
  let widest = header.length;
  for (const row of rows.slice(0, 500)) widest = Math.max(widest, String(row[j] ?? '').length);
  return Math.min(60, Math.max(8, widest + 2));
}

/**
 * dd/mm/yyyy HH:mm in Vietnam time. Vietnam keeps UTC+7 all year (no daylight saving), so a
 * fixed offset is exact and needs no time-zone data in the runtime.
 */
export function vietnamTime(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}
