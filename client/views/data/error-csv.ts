// "Tải danh sách lỗi (CSV)": the preview's errors as a file the planner can open in Excel beside
// the source and fix row by row. Built in the browser: the errors are already here.
import type { ImportError } from './data-api.ts';

export interface ErrorCsvHeaders {
  row: string;
  column: string;
  code: string;
  message: string;
}

// Semicolon and a BOM: what Excel set to Vietnamese (comma decimals) opens as columns, in UTF-8.
const SEPARATOR = ';';

function cell(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function errorsToCsv(errors: readonly ImportError[], headers: ErrorCsvHeaders): string {
  const lines = [[headers.row, headers.column, headers.code, headers.message].map(cell).join(SEPARATOR)];
  for (const e of errors) lines.push([e.row, e.column ?? '', e.code, e.message].map(cell).join(SEPARATOR));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "ket-qua.xlsx" → "ket-qua-loi.csv". */
export function errorFileName(sourceName: string): string {
  return `${sourceName.replace(/\.[^.]*$/, '')}-loi.csv`;
}
