// The tables of the Quản trị and Dữ liệu screens as export tables, for their .export procedures
// and /export/{audit,accounts,imports}.{csv,xlsx}: the audit log for the same filters (newest
// first, capped: an inspection asks for a period, not the whole trail at once), the accounts, and
// the import history (a planner's own batches). Times in Vietnam time, as the screens write them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listAudit, type AuditFilter } from '../audit/audit-query.ts';
import type { AccountView } from '../accounts/account-row.ts';
import type { ImportListItem } from '../imports/list.ts';
import { col, type ExportTable } from './export-table.ts';

export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const AUDIT_COLUMNS = [
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
export function vietnamTime(iso: string): string {
  const parts = Object.fromEntries(VIETNAM.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const json = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

export async function auditTable(db: Kysely<Database>, filter: Omit<AuditFilter, 'limit' | 'cursor'>): Promise<ExportTable> {
  const page = await listAudit(db, { ...filter, limit: AUDIT_EXPORT_MAX_ROWS });
  const rows = page.items.map((e) => [vietnamTime(e.at), e.username ?? 'hệ thống', e.procedure, e.table, json(e.rowKey), json(e.before), json(e.after)]);
  const more = page.nextCursor === null ? '' : ` — ${AUDIT_EXPORT_MAX_ROWS} dòng mới nhất; thu hẹp khoảng thời gian để lấy phần còn lại`;
  return { columns: AUDIT_COLUMNS, rows, simulated: false, source: `Nhật ký thao tác povmap (audit_log)${more}` };
}

const ROLE_NAMES = { admin: 'Quản trị', planner: 'Cán bộ kế hoạch', supervisor: 'Đoàn giám sát', viewer: 'Lãnh đạo (xem)' } as const;

const ACCOUNT_COLUMNS = [
  col('username', 'Tên đăng nhập', 'Username'),
  col('displayName', 'Họ tên', 'Name'),
  col('role', 'Vai trò', 'Role'),
  col('scope', 'Phạm vi', 'Scope'),
  col('disabled', 'Đã khóa', 'Locked', 'flag'),
  col('createdAt', 'Tạo lúc', 'Created'),
];

/** Accounts as the Tài khoản tab lists them; passwords never leave the table. */
export function accountsTable(accounts: readonly AccountView[]): ExportTable {
  const rows = accounts.map((a) => [
    a.username,
    a.displayName,
    ROLE_NAMES[a.role] ?? a.role,
    a.scope === null ? 'Toàn quốc' : a.scope.map((s) => `${s.structure === 'pre2025' ? 'trước 2025' : '2025'}:${s.code}`).join(', '),
    a.disabled,
    vietnamTime(a.createdAt),
  ]);
  return { columns: ACCOUNT_COLUMNS, rows, simulated: false, source: 'Tài khoản povmap (app_user)' };
}

const IMPORT_COLUMNS = [
  col('id', 'Lần nhập', 'Import', 'number'),
  col('createdAt', 'Thời điểm', 'Time'),
  col('username', 'Người nhập', 'User'),
  col('kind', 'Loại', 'Kind'),
  col('fileName', 'Tệp', 'File'),
  col('rowCount', 'Số dòng', 'Rows', 'count'),
  col('status', 'Trạng thái', 'Status'),
];

const KIND_NAMES: Record<string, string> = { review: 'Kết quả rà soát', target: 'Chỉ tiêu', project: 'Dự án', visit: 'Chuyến giám sát', boundary: 'Ranh giới xã cũ' };
const STATUS_NAMES: Record<string, string> = { pending: 'Đang chờ', applied: 'Đã ghi', failed: 'Lỗi', reverted: 'Đã hoàn tác' };

export function importsTable(items: readonly ImportListItem[]): ExportTable {
  const rows = items.map((b) => [b.id, vietnamTime(b.createdAt), b.username, KIND_NAMES[b.kind] ?? b.kind, b.fileName, b.rowCount, STATUS_NAMES[b.status] ?? b.status]);
  return { columns: IMPORT_COLUMNS, rows, simulated: false, source: 'Lịch sử nhập dữ liệu povmap (import_batch)' };
}
