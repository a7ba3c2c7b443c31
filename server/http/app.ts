// The one request listener: /trpc → tRPC, /geo/ → geodata files, anything else → the client.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { contextFactory, type Services } from '../context.ts';
import { appRouter } from '../router.ts';
import { serveClientFile } from './client-files.ts';
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
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: contextFactory(options.services),
    // Inputs are small (a search, a code, a point); imports will get their own upload route.
    maxBodySize: 1_000_000,
    onError({ error, path }) {
      // Clients get a generic message for these (trpc.ts); the details belong in the log.
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`povmap: trpc ${path ?? '?'}:`, error.cause ?? error);
    },
  });

  return (req: IncomingMessage, res: ServerResponse) => {
    // The raw path, not a URL-normalised one: "/geo/../x" must reach the traversal check as
    // written instead of silently becoming "/x".
    const pathname = (req.url ?? '/').split('?')[0] || '/';
    if (pathname === '/trpc' || pathname.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    const handled = pathname.startsWith(GEO_PREFIX)
      ? serveGeoFile(req, res, pathname, options.geoRoot)
      : serveClientFile(req, res, pathname, options.clientRoot);
    handled.catch((error: unknown) => {
      console.error(`povmap: ${req.method} ${pathname}:`, error);
      sendText(res, 500, 'Lỗi máy chủ / Internal server error');
    });
  };
}
