// ExportTable → CSV: UTF-8 with a byte-order mark (without it Excel reads the file as the
// Windows code page and garbles Vietnamese), comma-delimited, CRLF, RFC 4180 quoting (papaparse).
// Numbers are written as JavaScript prints them (dot decimals): a CSV is for programs as much
// as for Excel, and the .xlsx is the file for people.
import Papa from 'papaparse';
import type { ExportTable } from './export-table.ts';

export const CSV_BOM = '\uFEFF';

export function toCsv(table: ExportTable): string {
  const data = table.rows.map((row) => row.map((value, j) => cellText(value, table.columns[j]!.type)));
  // quotes: false = only where RFC 4180 needs them; formulas are neutralised below instead
  return CSV_BOM + Papa.unparse({ fields: table.columns.map((c) => c.labelVi), data }, { delimiter: ',', newline: '\r\n', quotes: false, escapeFormulae: true });
}

function cellText(value: unknown, type: string): string | number {
  if (value === null || value === undefined) return '';
  if (type === 'flag') return value ? 'có' : 'không';
  if (typeof value === 'number') return value;
  return String(value);
}
