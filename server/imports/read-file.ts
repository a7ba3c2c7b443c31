// An uploaded file to rows of cells: CSV through papaparse (UTF-8 with or without BOM; comma,
// semicolon or tab, detected), .xlsx through exceljs (the sheet named like the kind, else the
// first; real numbers and dates kept as such, formulas by their cached result).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { foldVietnamese } from '../../core/text.ts';
import type { Cell } from '../../core/imports/numbers.ts';

export interface SheetRows {
  /** The workbook sheet read, null for CSV. */
  sheet: string | null;
  rows: Cell[][];
}

export class UnreadableFile extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readImportFile(content: Buffer, fileName: string, sheetNames: readonly string[]): Promise<SheetRows> {
  const isZip = ZIP_MAGIC.every((byte, i) => content[i] === byte);
  if (isZip) return readWorkbook(content, sheetNames);
  if (/\.xlsx?$/i.test(fileName)) throw new UnreadableFile('Tệp không phải .xlsx hợp lệ (tệp .xls cũ: lưu lại dưới dạng .xlsx hoặc CSV)');
  return { sheet: null, rows: readCsv(content) };
}

function readCsv(content: Buffer): Cell[][] {
  // TextDecoder drops the BOM Excel writes at the start of "CSV UTF-8" files
  const text = new TextDecoder('utf-8').decode(content);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: false });
  return parsed.data.map((line) => line.map((value) => (value.trim() === '' ? null : value)));
}

async function readWorkbook(content: Buffer, sheetNames: readonly string[]): Promise<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('Không đọc được tệp .xlsx (tệp hỏng hoặc có mật khẩu)');
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new UnreadableFile('Tệp .xlsx không có trang tính nào');
  const wanted = new Set(sheetNames);
  const sheet = sheets.find((s) => wanted.has(foldVietnamese(s.name))) ?? sheets[0]!;
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { sheet: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return value.result === undefined || typeof value.result === 'object' && !(value.result instanceof Date) ? null : (value.result as Cell);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}
