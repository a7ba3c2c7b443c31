// The exportable tables, one function each, all held to the caller's scope exactly as the API
// holds them: `values` IS indicators.values (called through a caller, so the numbers, the cache
// and the parent check are the procedure's own), the others filter their rows' units with
// scoped-units.ts (ctx.scope). programme-tables.ts holds targets, projects and visits.
import { sql } from 'kysely';
import { DEPRIVATION_KEYS } from '../../core/poverty/counts.ts';
import { indicatorByKey } from '../../core/poverty/indicators.ts';
import { DEPRIVATION_INDICATORS, POVERTY_STANDARDS, type PovertyStandardId } from '../../core/poverty/standard.ts';
import { summariseSources } from '../indicators/values.ts';
import { indicatorsRouter } from '../routers/indicators.ts';
import { createCallerFactory } from '../trpc.ts';
import { col, flag, LEVEL_NAMES_VI, num, toRows, UNIT_COLUMNS, type ColumnType, type ExportContext, type ExportTable } from './export-table.ts';
import type { ExportInput, TableInput } from './export-input.ts';
import { projectsTable, targetsTable, visitsTable } from './programme-tables.ts';
import { priorityTable } from './priority-table.ts';
import { rowUnitCondition } from './scoped-units.ts';

export function exportTable(ctx: ExportContext, input: ExportInput): Promise<ExportTable> {
  switch (input.table) {
    case 'values':
      return valuesTable(ctx, input);
    case 'review':
      return reviewTable(ctx, input);
    case 'targets':
      return targetsTable(ctx, input);
    case 'projects':
      return projectsTable(ctx, input);
    case 'visits':
      return visitsTable(ctx, input);
    case 'priority':
      return priorityTable(ctx, input);
  }
}

const indicatorsCaller = createCallerFactory(indicatorsRouter);

const VALUE_TYPE: Record<string, ColumnType> = { hộ: 'count', '%': 'rate', 'điểm %': 'rate', loại: 'number' };

/** The explore map's table: one row per unit of indicators.values' answer, in its code order. */
export async function valuesTable(ctx: ExportContext, input: TableInput<'values'>): Promise<ExportTable> {
  const { structure, level, year, indicator, parentCode } = input;
  // The procedure itself, with this request's context: its own gate, parent check, scope and cache.
  const answer = await indicatorsCaller(ctx).values({ structure, level, year, indicator, ...(parentCode === undefined ? {} : { parentCode }) });
  const def = indicatorByKey(indicator)!;
  const units = await ctx.db
    .selectFrom('unit as u')
    .leftJoin('unit as p', (j) => j.onRef('p.structure', '=', 'u.structure').onRef('p.code', '=', 'u.parent_code'))
    .where('u.level', '=', level)
    .where(await rowUnitCondition(ctx, structure, parentCode))
    .select(['u.code as code', 'u.full_name as name', 'p.full_name as parent'])
    .execute();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const partial = new Set(answer.partial);
  const columns = [
    ...UNIT_COLUMNS,
    col('year', 'Năm', 'Year', 'number'),
    col('indicator', 'Chỉ tiêu', 'Indicator'),
    col('value', 'Giá trị', 'Value', VALUE_TYPE[def.unit] ?? 'number'),
    col('unit', 'Đơn vị', 'Unit'),
    col('partial', 'Ước tính', 'Estimated', 'flag'),
    col('via', 'Quy đổi qua bảng chuyển đổi', 'Via the crosswalk', 'flag'),
    col('simulated', 'Mô phỏng', 'Simulated', 'flag'),
    col('source', 'Nguồn', 'Source'),
  ];
  const items = answer.codes.map((code, i) => ({
    code,
    name: byCode.get(code)?.name ?? null,
    level: LEVEL_NAMES_VI[level],
    parent: byCode.get(code)?.parent ?? null,
    year,
    indicator: def.nameVi,
    value: answer.values[i],
    unit: def.unit,
    partial: partial.has(code),
    via: answer.via === 'crosswalk',
    // indicators.values flags and sources the answer as a whole; each row carries it
    simulated: answer.simulated,
    source: answer.source,
  }));
  return { columns, rows: toRows(columns, items), simulated: answer.simulated, source: answer.source };
}

const REVIEW_COUNTS = [
  col('households', 'Tổng số hộ', 'Households', 'count'),
  col('poor', 'Hộ nghèo', 'Poor households', 'count'),
  col('near_poor', 'Hộ cận nghèo', 'Near-poor households', 'count'),
  col('escaped', 'Hộ thoát nghèo', 'Households that escaped poverty', 'count'),
  col('newly_poor', 'Hộ nghèo phát sinh mới', 'Newly poor households', 'count'),
  col('re_poor', 'Hộ tái nghèo', 'Households poor again', 'count'),
  // NĐ 07/2021 annex numbering: households deprived in each of the 12 indicators
  ...DEPRIVATION_INDICATORS.map((d) => col(d.key, `Thiếu hụt ${d.no}: ${d.nameVi}`, `Deprived ${d.no}: ${d.nameEn}`, 'count')),
];

/** poverty_review rows (kết quả rà soát) of a year, under a unit or in the whole scope. */
export async function reviewTable(ctx: ExportContext, input: TableInput<'review'>): Promise<ExportTable> {
  const rows = await ctx.db
    .selectFrom('poverty_review as r')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'r.structure').onRef('u.code', '=', 'r.unit_code'))
    .leftJoin('unit as p', (j) => j.onRef('p.structure', '=', 'u.structure').onRef('p.code', '=', 'u.parent_code'))
    .where('r.year', '=', input.year)
    .where(await rowUnitCondition(ctx, input.structure, input.parentCode))
    .select(['u.code as code', 'u.full_name as name', 'u.level as unit_level', 'p.full_name as parent', 'r.year', 'r.poverty_standard', 'r.simulated', 'r.source'])
    .select(['households', 'poor', 'near_poor', 'escaped', 'newly_poor', 're_poor', ...DEPRIVATION_KEYS].map((k) => sql.ref(`r.${k}`).as(k)))
    .orderBy('u.code')
    .execute();
  const columns = [
    ...UNIT_COLUMNS,
    col('year', 'Năm', 'Year', 'number'),
    ...REVIEW_COUNTS,
    col('standard', 'Chuẩn nghèo', 'Poverty standard'),
    col('simulated', 'Mô phỏng', 'Simulated', 'flag'),
    col('source', 'Nguồn', 'Source'),
  ];
  const items = rows.map((r) => {
    const counts = Object.fromEntries(REVIEW_COUNTS.map((c) => [c.key, num((r as Record<string, unknown>)[c.key])]));
    return {
      ...counts,
      code: r.code,
      name: r.name,
      level: LEVEL_NAMES_VI[r.unit_level],
      parent: r.parent,
      year: Number(r.year),
      standard: POVERTY_STANDARDS[r.poverty_standard as PovertyStandardId]?.nameVi ?? r.poverty_standard,
      simulated: flag(r.simulated),
      source: r.source,
    };
  });
  return {
    columns,
    rows: toRows(columns, items),
    simulated: items.some((i) => i.simulated),
    source: summariseSources(items.map((i) => i.source)),
  };
}
