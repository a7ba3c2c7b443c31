// The one request listener: /trpc → tRPC, /geo/ → geodata files, anything else → the client.
// Without a session only the client's static files (the sign-in page) and the public auth
// procedures answer: /geo needs a session (same-origin fetches and Range requests carry the
// cookie), and every other procedure says 401 in trpc.ts's gate.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { readSessionToken } from '../auth/session-cookie.ts';
import { resolveSession } from '../auth/sessions.ts';
import { contextFactory, type Services } from '../context.ts';
import { appRouter } from '../router.ts';
import { serveClientFile } from './client-files.ts';
import { compressJsonAnswers } from './compress.ts';
import { EXPORT_PREFIX, serveExport } from './export-files.ts';
import { GEO_PREFIX, serveGeoFile } from './geo-files.ts';
import { sendText } from './respond.ts';

export interface AppOptions {
  services: Services;
  /** geodataOut(): .fgb files and registry.json. */
  geoRoot: string;
  /** dist/client: the Vite build. */
  clientRoot: string;
}

export function createRequestListener(options: AppOptions): RequestListener {
  const { services } = options;
  const handlerOptions = {
    router: appRouter,
    basePath: '/trpc/',
    createContext: contextFactory(services),
    // One request may carry a view's worth of calls, not thousands of sign-in attempts.
    maxBatchSize: 50,
    onError({ error, path }) {
      // Clients get a generic message for these (trpc.ts); the details belong in the log.
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`povmap: trpc ${path ?? '?'}:`, error.cause ?? error);
    },
  } satisfies Parameters<typeof createHTTPHandler<typeof appRouter>>[0];
  // Inputs are small (a search, a code, a point): 1 MB. Only the import uploads carry a whole
  // spreadsheet (up to 10 MB, ~14 MB as base64 in JSON), and only when every call of the
  // request is one of them, so no other procedure can ride along on the larger limit.
  const trpc = createHTTPHandler({ ...handlerOptions, maxBodySize: 1_000_000 });
  const trpcUpload = createHTTPHandler({ ...handlerOptions, maxBodySize: 15_000_000 });
  // boundaries.*: polygon files (GeoJSON, zipped Shapefile, FlatGeobuf) of the same 10 MB at most
  const UPLOADS = new Set(['imports.preview', 'imports.commit', 'boundaries.preview', 'boundaries.commit']);
  const isUpload = (pathname: string) => pathname.slice('/trpc/'.length).split(',').every((p) => UPLOADS.has(p));

  return (req: IncomingMessage, res: ServerResponse) => {
    // The raw path, not a URL-normalised one: "/geo/../x" must reach the traversal check as
    // written instead of silently becoming "/x".
    const pathname = (req.url ?? '/').split('?')[0] || '/';
    const handled = route(req, res, pathname);
    handled.catch((error: unknown) => {
      console.error(`povmap: ${req.method} ${pathname}:`, error);
      sendText(res, 500, 'Lỗi máy chủ / Internal server error');
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/trpc' || pathname.startsWith('/trpc/')) {
      // tRPC would also take multipart/form-data and octet-stream posts, which an HTML form on
      // another site can send without asking: only JSON (which needs a CORS preflight) gets in.
      if (req.method === 'POST' && !isJson(req.headers['content-type'])) {
        return sendText(res, 415, 'Chỉ nhận application/json / Only application/json is accepted');
      }
      compressJsonAnswers(req, res, () => (isUpload(pathname) ? trpcUpload : trpc)(req, res));
      return;
    }
    if (pathname.startsWith(GEO_PREFIX)) {
      const session = await resolveSession(services.db, readSessionToken(req.headers.cookie), services.clock());
      if (!session) return sendText(res, 401, 'Cần đăng nhập / Sign-in required');
      return serveGeoFile(req, res, pathname, options.geoRoot);
    }
    // files of any table view; the session and the rest of the gate run in exports.table
    if (pathname.startsWith(EXPORT_PREFIX)) return serveExport(req, res, pathname, services);
    return serveClientFile(req, res, pathname, options.clientRoot);
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}
