// The audit log as an export table (admin.audit.export, /export/audit.{csv,xlsx}): the rows the
// Quản trị screen shows for the same filters, newest first, times in Vietnam time as the screen
// writes them. Capped: an inspection asks for a period, not for the whole trail at once.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listAudit, type AuditFilter } from '../audit/audit-query.ts';
import { col, type ExportTable } from './export-table.ts';

export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const COLUMNS = [
  col('at', 'Thời điểm (giờ Việt Nam)', 'Time (Vietnam)'),
  col('user', 'Người thực hiện', 'User'),
  col('procedure', 'Thao tác', 'Procedure'),
  col('table', 'Bảng', 'Table'),
  col('rowKey', 'Khóa dòng', 'Row key'),
  col('before', 'Trước', 'Before'),
  col('after', 'Sau', 'After'),
];

const VIETNAM = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** "22/11/2026 14:05:09": dd/mm/yyyy as Vietnamese users read dates. */
function vietnamTime(iso: string): string {
  const parts = Object.fromEntries(VIETNAM.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const json = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

export async function auditTable(db: Kysely<Database>, filter: Omit<AuditFilter, 'limit' | 'cursor'>): Promise<ExportTable> {
  const page = await listAudit(db, { ...filter, limit: AUDIT_EXPORT_MAX_ROWS });
  const rows = page.items.map((e) => [vietnamTime(e.at), e.username ?? 'hệ thống', e.procedure, e.table, json(e.rowKey), json(e.before), json(e.after)]);
  const more = page.nextCursor === null ? '' : ` — ${AUDIT_EXPORT_MAX_ROWS} dòng mới nhất; thu hẹp khoảng thời gian để lấy phần còn lại`;
  return { columns: COLUMNS, rows, simulated: false, source: `Nhật ký thao tác povmap (audit_log)${more}` };
}
