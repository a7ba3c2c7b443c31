// GET /export/{table}.{csv|xlsx|geojson}?… : any table view as a file (geojson: `values` only).
// The query string carries the exports.table inputs under the same names (year as a number).
// The rows come from calling exports.table through a server-side caller built from this
// request's context, so the file is exactly what the API would answer this user: the same gate
// (session, role, scope) and no second implementation of any of it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contextFactory, type Services } from '../context.ts';
import { toCsv } from '../exports/csv.ts';
import { EXPORT_TABLES, type ExportInput, type TableInput } from '../exports/export-input.ts';
import type { ExportTable } from '../exports/export-table.ts';
import { downloadName } from '../exports/filename.ts';
import { valuesGeoJson } from '../exports/geojson.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { appRouter } from '../router.ts';
import { sendText } from './respond.ts';
import { isAdminTable, serveAdminExport } from './export-admin.ts';
import { isPlanFile, servePlanFile } from './export-plan.ts';
import { bad, FILE_TYPES as FORMATS, queryInput, refuse, sendDownload } from './export-request.ts';

export const EXPORT_PREFIX = '/export/';

type FileFormat = keyof typeof FORMATS;


export async function serveExport(req: IncomingMessage, res: ServerResponse, pathname: string, services: Services): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed');
  }
  const ctx = await contextFactory(services)({ req, res });
  // like /geo: nothing about the request is answered before the session is known
  if (!ctx.user) return sendText(res, 401, 'Cần đăng nhập / Sign-in required');

  // a visit plan as an itinerary PDF or GPX/KML routes (plan-access.ts's gate)
  if (isPlanFile(pathname)) return servePlanFile(req, res, ctx, pathname);
  const match = /^\/export\/([a-z]+)\.([a-z]+)$/.exec(pathname);
  const [table, format] = match ? [match[1]!, match[2]!] : ['', ''];
  // the screens' own tables (audit log, accounts, import history): their .export procedures
  if (isAdminTable(table)) return serveAdminExport(req, res, ctx, table, format);
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) return bad(res, `bảng / table: ${EXPORT_TABLES.join(', ')}`);
  if (!(format in FORMATS)) return bad(res, `định dạng / format: ${Object.keys(FORMATS).join(', ')}`);
  if (format === 'geojson' && table !== 'values') return bad(res, 'GeoJSON chỉ có cho bảng giá trị / GeoJSON only for the values table');
  const params = queryInput(req.url ?? '');
  if (typeof params === 'string') return bad(res, params);

  let answer: ExportTable;
  const input = { ...params, table, format: 'json' } as unknown as ExportInput;
  try {
    const result = await appRouter.createCaller(ctx).exports.table(input);
    if (result.format !== 'json') throw new Error('exports.table answered csv to a json call');
    answer = result;
  } catch (error) {
    return refuse(res, error);
  }
  // the caller validated the input: from here on it is the parsed one
  const parsed = { ...(input as object), format: 'json' } as ExportInput;
  const name = downloadName(parsed, format);
  const body = await render(format as FileFormat, answer, parsed, services, ctx.user, ctx.clock());

  sendDownload(req, res, format as FileFormat, name, body);
}

async function render(
  format: FileFormat,
  table: ExportTable,
  input: ExportInput,
  services: Services,
  user: { displayName: string; username: string },
  now: Date,
): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv(table), 'utf8');
  if (format === 'xlsx') return toXlsx(table, { title: downloadName(input, 'xlsx').utf8.replace(/\.xlsx$/, ''), exportedAt: now, exportedBy: `${user.displayName} (${user.username})` });
  const collection = await valuesGeoJson(services, input as TableInput<'values'>, table);
  return Buffer.from(JSON.stringify(collection), 'utf8');
}
