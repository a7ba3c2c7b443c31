// targets, projects and visits as export tables: their rows with their units' names, held to the
// caller's scope through scoped-units.ts like the review table. Money is in million VND (triệu
// đồng), as stored (db/tables/programme.ts).
import { TARGET_INDICATORS } from '../../core/poverty/indicators.ts';
import { programmeProjectName, subProjectName } from '../../core/programme-projects.ts';
import { summariseSources } from '../indicators/values.ts';
import { col, flag, LEVEL_NAMES_VI, num, toRows, UNIT_COLUMNS, type ExportContext, type ExportTable } from './export-table.ts';
import type { TableInput } from './export-input.ts';
import { rowUnitCondition } from './scoped-units.ts';

const TARGET_NAMES: Record<string, string> = {
  [TARGET_INDICATORS.poorRateReduction]: 'Mức giảm tỷ lệ hộ nghèo (điểm %/năm)',
  [TARGET_INDICATORS.nearPoorRateReduction]: 'Mức giảm tỷ lệ hộ cận nghèo (điểm %/năm)',
};

const unitFields = (r: { code: string; name: string; unit_level: keyof typeof LEVEL_NAMES_VI; parent: string | null }) => ({
  code: r.code,
  name: r.name,
  level: LEVEL_NAMES_VI[r.unit_level],
  parent: r.parent,
});

const withProvenance = (columns: ExportTable['columns'], items: { simulated: boolean; source: string | null }[]): ExportTable => ({
  columns,
  rows: toRows(columns, items as unknown as Record<string, unknown>[]),
  simulated: items.some((i) => i.simulated),
  source: summariseSources(items.map((i) => i.source)),
});

/** Mục tiêu: a unit's planned reduction for a year (all years when none is asked). */
export async function targetsTable(ctx: ExportContext, input: TableInput<'targets'>): Promise<ExportTable> {
  let query = ctx.db
    .selectFrom('target as t')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 't.structure').onRef('u.code', '=', 't.unit_code'))
    .leftJoin('unit as p', (j) => j.onRef('p.structure', '=', 'u.structure').onRef('p.code', '=', 'u.parent_code'))
    .where(await rowUnitCondition(ctx, input.structure, input.parentCode))
    .select(['u.code as code', 'u.full_name as name', 'u.level as unit_level', 'p.full_name as parent', 't.year', 't.indicator', 't.value', 't.simulated', 't.source'])
    .orderBy('u.code')
    .orderBy('t.year')
    .orderBy('t.indicator');
  if (input.year !== undefined) query = query.where('t.year', '=', input.year);
  const rows = await query.execute();
  const columns = [
    ...UNIT_COLUMNS,
    col('year', 'Năm', 'Year', 'number'),
    col('indicator', 'Chỉ tiêu', 'Target'),
    col('value', 'Giá trị', 'Value', 'rate'),
    col('simulated', 'Mô phỏng', 'Simulated', 'flag'),
    col('source', 'Nguồn', 'Source'),
  ];
  return withProvenance(
    columns,
    rows.map((r) => ({
      ...unitFields(r),
      year: Number(r.year),
      indicator: TARGET_NAMES[r.indicator] ?? r.indicator,
      value: num(r.value),
      simulated: flag(r.simulated),
      source: r.source,
    })),
  );
}

/** Dự án, tiểu dự án of QĐ 90/QĐ-TTg carried out in units. */
export async function projectsTable(ctx: ExportContext, input: TableInput<'projects'>): Promise<ExportTable> {
  const rows = await ctx.db
    .selectFrom('project as d')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'd.structure').onRef('u.code', '=', 'd.unit_code'))
    .leftJoin('unit as p', (j) => j.onRef('p.structure', '=', 'u.structure').onRef('p.code', '=', 'u.parent_code'))
    .where(await rowUnitCondition(ctx, input.structure, input.parentCode))
    .select(['u.code as code', 'u.full_name as name', 'u.level as unit_level', 'p.full_name as parent'])
    .select(['d.id', 'd.programme_project', 'd.sub_project', 'd.title', 'd.budget_central', 'd.budget_local', 'd.budget_other', 'd.disbursed'])
    .select(['d.households', 'd.start_date', 'd.end_date', 'd.status', 'd.progress_pct', 'd.simulated', 'd.source'])
    .orderBy('u.code')
    .orderBy('d.programme_project')
    .orderBy('d.id')
    .execute();
  const columns = [
    ...UNIT_COLUMNS,
    col('project', 'Dự án', 'Programme project'),
    col('subProject', 'Tiểu dự án', 'Sub-project'),
    col('title', 'Tên công trình, hoạt động', 'Title'),
    col('budgetCentral', 'Vốn ngân sách trung ương (triệu đồng)', 'Central budget (million VND)', 'count'),
    col('budgetLocal', 'Vốn ngân sách địa phương (triệu đồng)', 'Local budget (million VND)', 'count'),
    col('budgetOther', 'Vốn huy động khác (triệu đồng)', 'Other funds (million VND)', 'count'),
    col('disbursed', 'Đã giải ngân (triệu đồng)', 'Disbursed (million VND)', 'count'),
    col('households', 'Số hộ hưởng lợi', 'Beneficiary households', 'count'),
    col('startDate', 'Ngày bắt đầu', 'Start date', 'date'),
    col('endDate', 'Ngày kết thúc', 'End date', 'date'),
    col('status', 'Trạng thái', 'Status'),
    col('progress', 'Tiến độ (%)', 'Progress (%)', 'rate'),
    col('simulated', 'Mô phỏng', 'Simulated', 'flag'),
    col('source', 'Nguồn', 'Source'),
  ];
  return withProvenance(
    columns,
    rows.map((r) => ({
      ...unitFields(r),
      project: programmeProjectName(r.programme_project),
      subProject: subProjectName(r.programme_project, r.sub_project),
      title: r.title,
      budgetCentral: num(r.budget_central),
      budgetLocal: num(r.budget_local),
      budgetOther: num(r.budget_other),
      disbursed: num(r.disbursed),
      households: num(r.households),
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.status,
      progress: num(r.progress_pct),
      simulated: flag(r.simulated),
      source: r.source,
    })),
  );
}

const VISIT_STATUS: Record<string, string> = { planned: 'Dự kiến', done: 'Đã thực hiện', cancelled: 'Đã hủy' };
const CHECKIN: Record<'inside' | 'outside', string> = { inside: 'Trong ranh giới xã', outside: 'Ngoài ranh giới xã' };

/** Đợt kiểm tra, giám sát (TT 10/2022): visits have no source column; demo ones are flagged simulated (migration 0010). */
export async function visitsTable(ctx: ExportContext, input: TableInput<'visits'>): Promise<ExportTable> {
  const rows = await ctx.db
    .selectFrom('visit as v')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'v.structure').onRef('u.code', '=', 'v.unit_code'))
    .leftJoin('unit as p', (j) => j.onRef('p.structure', '=', 'u.structure').onRef('p.code', '=', 'u.parent_code'))
    .leftJoin('team as t', 't.id', 'v.team_id')
    .where(await rowUnitCondition(ctx, input.structure, input.parentCode))
    .select(['u.code as code', 'u.full_name as name', 'u.level as unit_level', 'p.full_name as parent', 't.name as team'])
    .select(['v.id', 'v.planned_date', 'v.actual_date', 'v.status', 'v.findings', 'v.follow_ups', 'v.lon', 'v.lat', 'v.checkin', 'v.checkin_distance_m', 'v.simulated'])
    .orderBy('v.planned_date')
    .orderBy('u.code')
    .orderBy('v.id')
    .execute();
  const columns = [
    ...UNIT_COLUMNS,
    col('team', 'Đoàn kiểm tra, giám sát', 'Supervision team'),
    col('plannedDate', 'Ngày dự kiến', 'Planned date', 'date'),
    col('actualDate', 'Ngày thực hiện', 'Date visited', 'date'),
    col('status', 'Trạng thái', 'Status'),
    // JSON as recorded: the findings' structure belongs to the visit screens, not to the export
    col('findings', 'Kết quả kiểm tra (JSON)', 'Findings (JSON)'),
    col('followUps', 'Kiến nghị, việc cần làm (JSON)', 'Follow-up actions (JSON)'),
    col('lon', 'Kinh độ', 'Longitude', 'number'),
    col('lat', 'Vĩ độ', 'Latitude', 'number'),
    // the server's verdict on the GPS check-in against the commune's boundary (visits.sync)
    col('checkin', 'Điểm danh GPS', 'GPS check-in'),
    col('checkinDistance', 'Cách ranh giới xã (m)', 'Distance outside the boundary (m)', 'number'),
    col('id', 'Mã đợt', 'Visit id'),
    col('simulated', 'Mô phỏng', 'Simulated', 'flag'),
  ];
  const items = rows.map((r) => ({
    ...unitFields(r),
    team: r.team,
    plannedDate: r.planned_date,
    actualDate: r.actual_date,
    status: VISIT_STATUS[r.status] ?? r.status,
    findings: r.findings,
    followUps: r.follow_ups,
    lon: num(r.lon),
    lat: num(r.lat),
    checkin: r.checkin === null ? null : CHECKIN[r.checkin],
    checkinDistance: num(r.checkin_distance_m),
    id: r.id,
    simulated: flag(r.simulated),
  }));
  return { columns, rows: toRows(columns, items), simulated: items.some((i) => i.simulated), source: '' };
}
