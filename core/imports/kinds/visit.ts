// Supervision visits (chuyến kiểm tra, giám sát, TT 10/2022) → visit. A visit belongs to a team
// that already exists (named as in the team list); its id is the file's own visit code when it
// has one, else made from team, unit and planned date, so importing the same sheet again
// replaces its visits instead of doubling them.
import { foldVietnamese } from '../../text.ts';
import type { FieldDef, ImportKindDef } from '../types.ts';
import { RowReader } from './cells.ts';

export interface VisitRecord {
  year: null;
  /** The file's visit code, or null (the server derives a stable id). */
  visitCode: string | null;
  teamId: number;
  plannedDate: string | null;
  actualDate: string | null;
  status: 'planned' | 'done' | 'cancelled';
  findings: string | null;
  followUps: string | null;
}

const STATUS_NAMES: Record<VisitRecord['status'], readonly string[]> = {
  planned: ['kế hoạch', 'dự kiến', 'chưa thực hiện', 'planned'],
  done: ['đã thực hiện', 'hoàn thành', 'đã giám sát', 'xong', 'done'],
  cancelled: ['hủy', 'huỷ', 'đã hủy', 'không thực hiện', 'cancelled', 'canceled'],
};
const STATUS_BY_NAME = new Map(Object.entries(STATUS_NAMES).flatMap(([key, names]) => names.map((n) => [foldVietnamese(n), key as VisitRecord['status']] as const)));

const f = (key: string, labelVi: string, labelEn: string, aliases: string[], required = false): FieldDef => ({ key, labelVi, labelEn, aliases, required });

export const VISIT_FIELDS: readonly FieldDef[] = [
  f('visit_code', 'Mã chuyến giám sát', 'Visit code', ['mã chuyến', 'mã đợt giám sát', 'visit id', 'visit code']),
  f('team', 'Đoàn giám sát', 'Team', ['tên đoàn', 'đoàn kiểm tra', 'đoàn', 'team'], true),
  f('planned_date', 'Ngày dự kiến', 'Planned date', ['ngày kế hoạch', 'ngày dự kiến giám sát', 'planned date']),
  f('actual_date', 'Ngày giám sát', 'Visit date', ['ngày thực hiện', 'ngày kiểm tra', 'actual date', 'visit date']),
  f('status', 'Trạng thái', 'Status', ['tình trạng', 'status']),
  f('findings', 'Kết quả giám sát', 'Findings', ['phát hiện', 'nội dung giám sát', 'tồn tại hạn chế', 'findings']),
  f('follow_ups', 'Kiến nghị', 'Recommendations', ['kiến nghị đề xuất', 'đề xuất', 'follow ups', 'recommendations']),
];

export const visitKind: ImportKindDef<VisitRecord> = {
  kind: 'visit',
  sheetNames: ['giam sat', 'chuyen giam sat', 'kiem tra giam sat', 'visit', 'visits'],
  fields: VISIT_FIELDS,
  validate(cells, context) {
    const r = new RowReader(cells);
    const teamName = r.text('team', true);
    const teamId = teamName === null ? null : (context.teams?.get(foldVietnamese(teamName)) ?? null);
    if (teamName !== null && teamId === null) r.fail('team', 'unknown_value', `Không có đoàn giám sát «${teamName}» (tạo đoàn trước)`);
    const plannedDate = r.date('planned_date');
    const actualDate = r.date('actual_date');
    const statusText = r.text('status');
    let status: VisitRecord['status'] | null = statusText === null ? (actualDate ? 'done' : 'planned') : (STATUS_BY_NAME.get(foldVietnamese(statusText)) ?? null);
    if (statusText !== null && status === null) r.fail('status', 'unknown_value', `Trạng thái «${statusText}» không có (Kế hoạch, Đã thực hiện, Hủy)`);
    if (plannedDate === null && actualDate === null && !r.errors.some((e) => e.field?.endsWith('_date'))) {
      r.fail('planned_date', 'missing_value', 'Cần ngày dự kiến hoặc ngày giám sát');
    }
    if (r.errors.length > 0 || teamId === null || status === null) return { ok: false, errors: r.errors };
    return {
      ok: true,
      record: { year: null, visitCode: r.text('visit_code'), teamId, plannedDate, actualDate, status, findings: r.text('findings'), followUps: r.text('follow_ups') },
    };
  },
  duplicateKey: (record, unitCode) => record.visitCode ?? `${record.teamId}|${unitCode}|${record.plannedDate ?? record.actualDate}`,
};
