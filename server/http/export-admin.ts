// GET /export/{audit|accounts|imports}.{csv|xlsx} : the tables of the Quản trị and Dữ liệu screens
// as files, through their own .export procedures with this request's context, so the gate in
// trpc.ts decides who gets them (audit and accounts: admins; imports: admins and planners, who
// get their own batches). Query parameters are the procedure's filters (the audit log's).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.ts';
import { toCsv } from '../exports/csv.ts';
import type { ExportTable } from '../exports/export-table.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { appRouter } from '../router.ts';
import { bad, queryInput, refuse, sendDownload } from './export-request.ts';

type Caller = ReturnType<typeof appRouter.createCaller>;
type Params = Record<string, string | number>;

const ADMIN_TABLES = {
  audit: { vi: 'nhật ký thao tác', fetch: (c: Caller, p: Params) => c.admin.audit.export({ ...p, format: 'json' } as never) },
  accounts: { vi: 'tài khoản', fetch: (c: Caller, p: Params) => c.admin.users.export({ ...p, format: 'json' } as never) },
  imports: { vi: 'lịch sử nhập', fetch: (c: Caller, p: Params) => c.imports.export({ ...p, format: 'json' } as never) },
} as const;

export const isAdminTable = (table: string): table is keyof typeof ADMIN_TABLES => table in ADMIN_TABLES;

export async function serveAdminExport(req: IncomingMessage, res: ServerResponse, ctx: Context, table: keyof typeof ADMIN_TABLES, format: string): Promise<void> {
  if (format !== 'csv' && format !== 'xlsx') return bad(res, 'định dạng / format: csv, xlsx');
  const params = queryInput(req.url ?? '');
  if (typeof params === 'string') return bad(res, params);
  let answer: Awaited<ReturnType<(typeof ADMIN_TABLES)[typeof table]['fetch']>>;
  try {
    answer = await ADMIN_TABLES[table].fetch(appRouter.createCaller(ctx), params);
  } catch (error) {
    return refuse(res, error);
  }
  if (answer.format !== 'json') throw new Error(`${table}.export answered csv to a json call`);
  const rows: ExportTable = answer;
  const day = ctx.clock().toISOString().slice(0, 10);
  const name = { ascii: `povmap-${table}-${day}.${format}`, utf8: `povmap-${ADMIN_TABLES[table].vi}-${day}.${format}` };
  const body =
    format === 'csv'
      ? Buffer.from(toCsv(rows), 'utf8')
      : await toXlsx(rows, { title: `povmap — ${ADMIN_TABLES[table].vi}`, exportedAt: ctx.clock(), exportedBy: `${ctx.user!.displayName} (${ctx.user!.username})` });
  sendDownload(req, res, format, name, body);
}
