// How an export procedure answers over tRPC: the table itself (columns and rows, what a screen
// shows) or its CSV text — the "same through the API" as the /export/… files.
import { z } from 'zod';
import { toCsv } from './csv.ts';
import type { ExportTable } from './export-table.ts';

export const exportFormat = z.enum(['json', 'csv']).default('json');

export function tableAnswer(table: ExportTable, format: 'json' | 'csv') {
  return format === 'csv' ? { format: 'csv' as const, csv: toCsv(table), rowCount: table.rows.length } : { format: 'json' as const, ...table };
}
