// The download link of "Xuất dữ liệu": GET /export/{table}.{csv|xlsx|geojson}?…, whose query
// parameters are the tRPC `exports.table` inputs (server/exports/export-input.ts). Each table takes
// only its own parameters (the server's inputs are strict objects), so the link carries no others.
import type { StructureId } from './data-api.ts';

export type ExportTable = 'values' | 'review' | 'targets' | 'projects' | 'visits';
export type ExportFormat = 'csv' | 'xlsx' | 'geojson';
export type Level = 'province' | 'district' | 'commune';

export const EXPORT_TABLES: readonly ExportTable[] = ['values', 'review', 'targets', 'projects', 'visits'];

export interface ExportChoice {
  table: ExportTable;
  format: ExportFormat;
  structure: StructureId;
  /** null: every year (only targets allow it). */
  year: number | null;
  level: Level;
  indicator: string;
  /** null: everything the account may see. */
  parentCode: string | null;
}

type Param = 'structure' | 'level' | 'year' | 'indicator' | 'parentCode';

/** Which inputs each table takes; `year` of targets is optional. */
export const TABLE_PARAMS: Record<ExportTable, readonly Param[]> = {
  values: ['structure', 'level', 'year', 'indicator', 'parentCode'],
  review: ['structure', 'year', 'parentCode'],
  targets: ['structure', 'year', 'parentCode'],
  projects: ['structure', 'parentCode'],
  visits: ['structure', 'parentCode'],
};

export const takes = (table: ExportTable, param: Param): boolean => TABLE_PARAMS[table].includes(param);

/** GeoJSON carries boundaries, which only the map's values have. */
export function formatsOf(table: ExportTable): ExportFormat[] {
  return table === 'values' ? ['csv', 'xlsx', 'geojson'] : ['csv', 'xlsx'];
}

/** The 2025 structure has no districts (two-level local government since 1 July 2025). */
export function levelsOf(structure: StructureId): Level[] {
  return structure === '2025' ? ['province', 'commune'] : ['province', 'district', 'commune'];
}

/** Whether the link can be followed, or what is missing. */
export function exportProblem(choice: ExportChoice): 'year' | 'indicator' | 'level' | null {
  const { table } = choice;
  if ((table === 'values' || table === 'review') && choice.year === null) return 'year';
  if (table === 'values' && choice.indicator === '') return 'indicator';
  if (table === 'values' && !levelsOf(choice.structure).includes(choice.level)) return 'level';
  return null;
}

export function exportHref(choice: ExportChoice): string {
  const format = formatsOf(choice.table).includes(choice.format) ? choice.format : 'csv';
  const query = new URLSearchParams();
  const { table } = choice;
  query.set('structure', choice.structure);
  if (takes(table, 'level')) query.set('level', choice.level);
  if (takes(table, 'year') && choice.year !== null) query.set('year', String(choice.year));
  if (takes(table, 'indicator')) query.set('indicator', choice.indicator);
  if (takes(table, 'parentCode') && choice.parentCode !== null) query.set('parentCode', choice.parentCode);
  return `/export/${table}.${format}?${query.toString()}`;
}
