// What both export routes (/export/{table}.… and /export/audit.…) do with a request: read the
// query string as a procedure input, and answer the gate's refusals with their HTTP status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentDisposition, type DownloadName } from '../exports/filename.ts';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { NUMERIC_FIELDS } from '../exports/export-input.ts';
import { sendText } from './respond.ts';

export const bad = (res: ServerResponse, message: string) => sendText(res, 400, message);

export const FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json', // RFC 7946 §12
} as const;

/** A file download: rows depend on who asks and change on every import, so never from a cache. */
export function sendDownload(req: IncomingMessage, res: ServerResponse, format: keyof typeof FILE_TYPES, name: DownloadName, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', FILE_TYPES[format]);
  res.setHeader('Content-Disposition', contentDisposition(name));
  res.setHeader('Content-Length', String(body.byteLength));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The query string as an input object, or a message. Each field once; `year` a number. */
export function queryInput(url: string): Record<string, string | number> | string {
  const search = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const out: Record<string, string | number> = {};
  for (const [key, value] of search) {
    if (key in out) return `${key}: chỉ được cho một lần / given more than once`;
    if (key === 'table' || key === 'format') return `${key}: đã có trong đường dẫn / given by the path`;
    out[key] = NUMERIC_FIELDS.has(key) && /^-?\d{1,6}$/.test(value) ? Number(value) : value;
  }
  return out;
}

/** The gate's and the procedures' refusals with their status; internal errors only logged. */
export function refuse(res: ServerResponse, error: unknown): void {
  const trpc = error instanceof TRPCError ? error : null;
  const status = trpc ? getHTTPStatusCodeFromError(trpc) : 500;
  if (status >= 500) {
    console.error('povmap: export:', error);
    return sendText(res, 500, 'Lỗi máy chủ / Internal server error');
  }
  const issues = (trpc!.cause as { issues?: { path?: PropertyKey[]; message?: string }[] } | undefined)?.issues;
  const message = Array.isArray(issues)
    ? issues
        .slice(0, 20)
        .map((i) => `${i.path && i.path.length > 0 ? `${i.path.map(String).join('.')}: ` : ''}${i.message ?? 'invalid'}`)
        .join('; ')
    : trpc!.message;
  sendText(res, status, message);
}
