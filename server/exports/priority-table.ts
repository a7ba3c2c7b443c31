// A saved priority set as a table: its communes in rank order, score and the three factors that
// gave the most points, written as a planner would read them ("Tỷ lệ hộ nghèo: 31,2 % (+24,5
// điểm)"). Read through priority.sets.get, so the same gate and scope hold.
import { factorByKey } from '../../core/priority/index.ts';
import { priorityRouter } from '../routers/priority.ts';
import { createCallerFactory } from '../trpc.ts';
import { col, toRows, type ExportContext, type ExportTable } from './export-table.ts';
import type { TableInput } from './export-input.ts';
import type { SetReason } from '../priority/sets.ts';

const priorityCaller = createCallerFactory(priorityRouter);
const vi = (n: number, decimals: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });

export function reasonText(reason: SetReason): string {
  const factor = factorByKey(reason.key);
  if (!factor) return reason.key;
  const points = `+${vi(reason.points, 1)} điểm`;
  if (factor.kind === 'flag' || reason.value === null) return `${factor.nameVi} (${points})`;
  const value = reason.value === 'never' ? 'chưa giám sát lần nào' : `${vi(reason.value, factor.decimals)}${factor.unit === '%' ? ' %' : ` ${factor.unit}`}`;
  return `${factor.nameVi}: ${value} (${points})`;
}

export async function priorityTable(ctx: ExportContext, input: TableInput<'priority'>): Promise<ExportTable> {
  // sets.get holds the set to the caller's scope with its own guard; this one is marked used too
  await ctx.scope.effective();
  const set = await priorityCaller(ctx).sets.get({ id: input.setId });
  const columns = [
    col('set', 'Danh sách', 'Set'),
    col('rank', 'Hạng', 'Rank', 'number'),
    col('code', 'Mã xã', 'Commune code'),
    col('name', 'Tên xã', 'Commune'),
    col('place', 'Thuộc', 'Part of'),
    col('score', 'Điểm ưu tiên (0-100)', 'Priority score (0-100)', 'rate'),
    col('reason1', 'Lý do 1', 'Reason 1'),
    col('reason2', 'Lý do 2', 'Reason 2'),
    col('reason3', 'Lý do 3', 'Reason 3'),
    col('year', 'Năm số liệu', 'Data year', 'number'),
    col('author', 'Người lập', 'Made by'),
    col('created', 'Ngày lập', 'Made on', 'date'),
  ];
  const items = set.membersList.map((m) => ({
    set: set.name,
    rank: m.rank,
    code: m.code,
    name: m.fullName,
    place: m.place,
    score: m.score,
    reason1: m.reasons[0] ? reasonText(m.reasons[0]) : null,
    reason2: m.reasons[1] ? reasonText(m.reasons[1]) : null,
    reason3: m.reasons[2] ? reasonText(m.reasons[2]) : null,
    year: set.year,
    author: set.author,
    created: set.createdAt.slice(0, 10),
  }));
  return { columns, rows: toRows(columns, items), simulated: set.settings.simulated ?? false, source: (set.settings.sources ?? []).join('; ') };
}
