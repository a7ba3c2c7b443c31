// GET /export/audit.{csv|xlsx}?user&procedure&table&from&to : the audit log as the Quản trị
// screen filters it, through admin.audit.export with this request's context (admins only, the
// one gate in trpc.ts decides).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context.ts';
import { toCsv } from '../exports/csv.ts';
import { contentDisposition } from '../exports/filename.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { appRouter } from '../router.ts';
import { bad, queryInput, refuse } from './export-request.ts';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export async function serveAuditExport(req: IncomingMessage, res: ServerResponse, ctx: Context, format: string): Promise<void> {
  if (format !== 'csv' && format !== 'xlsx') return bad(res, 'định dạng / format: csv, xlsx');
  const params = queryInput(req.url ?? '');
  if (typeof params === 'string') return bad(res, params);
  let table;
  try {
    table = await appRouter.createCaller(ctx).admin.audit.export({ ...params, format: 'json' } as never);
  } catch (error) {
    return refuse(res, error);
  }
  if (table.format !== 'json') throw new Error('admin.audit.export answered csv to a json call');
  const day = ctx.clock().toISOString().slice(0, 10);
  const name = { ascii: `povmap-audit-${day}.${format}`, utf8: `povmap-nhật ký thao tác-${day}.${format}` };
  const body =
    format === 'csv'
      ? Buffer.from(toCsv(table), 'utf8')
      : await toXlsx(table, { title: 'Nhật ký thao tác povmap', exportedAt: ctx.clock(), exportedBy: `${ctx.user!.displayName} (${ctx.user!.username})` });
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[format]);
  res.setHeader('Content-Disposition', contentDisposition(name));
  res.setHeader('Content-Length', String(body.byteLength));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(req.method === 'HEAD' ? undefined : body);
}
