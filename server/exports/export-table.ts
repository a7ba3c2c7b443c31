// What every exportable table is, whatever the format: typed columns with Vietnamese and English
// labels, rows as arrays aligned with the columns, and the provenance that must travel with the
// numbers (simulated flag, source). csv.ts, xlsx.ts and exports.table (json) all render this.
import type { ScopeGuard } from '../scope/request-scope.ts';
import type { Context } from '../context.ts';

/**
 * How a column is written: counts '#,##0' and rates '0.00' in .xlsx (the cell stays a number, so
 * a Vietnamese Excel shows its own separators); flags 'có'/'không' in files, booleans in JSON.
 */
export type ColumnType = 'text' | 'count' | 'rate' | 'number' | 'flag' | 'date';

export interface ExportColumn {
  key: string;
  labelVi: string;
  labelEn: string;
  type: ColumnType;
}

export interface ExportTable {
  columns: ExportColumn[];
  /** rows[i][j] is the value of columns[j]: string | number | boolean | null. */
  rows: unknown[][];
  /** True when any row is demo data (mô phỏng): files must say so. */
  simulated: boolean;
  /** The rows' sources, summarised (indicators/values.ts summariseSources). */
  source: string;
}

/** What a table function needs: the procedure's context after the gate (ctx.scope is there). */
export type ExportContext = Context & { scope: ScopeGuard };

export const col = (key: string, labelVi: string, labelEn: string, type: ColumnType = 'text'): ExportColumn => ({ key, labelVi, labelEn, type });

/** Rows of objects → arrays in column order. */
export function toRows(columns: readonly ExportColumn[], items: readonly Record<string, unknown>[]): unknown[][] {
  return items.map((item) => columns.map((c) => item[c.key] ?? null));
}

/** Database flags (0/1, or '1' from some drivers) → booleans. */
export const flag = (value: unknown): boolean => Number(value) === 1;

/** PostgreSQL answers bigint sums and some numerics as strings; exports carry numbers. */
export const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export const LEVEL_NAMES_VI = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' } as const;

/** The unit columns every table starts with. */
export const UNIT_COLUMNS: ExportColumn[] = [
  col('code', 'Mã', 'Code'),
  col('name', 'Tên đơn vị', 'Unit name'),
  col('level', 'Cấp', 'Level'),
  col('parent', 'Thuộc', 'Part of'),
];
