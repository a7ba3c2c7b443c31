// The built Svelte client (dist/client): static files, and index.html for app routes (SPA).
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendText } from './respond.ts';
import { resolveInside } from './safe-path.ts';
import { sendFile } from './send-file.ts';

// Vite names built assets assets/<name>-<hash>.<ext>: their content never changes under that
// name, so browsers may keep them for a year. Everything else (index.html, public/ files) must
// be revalidated, or a new deployment would run old JS.
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

// The app must not be framed by another site (clickjacking: a hidden frame over a fake page
// could make a signed-in planner click "delete"). Both headers, for old and new browsers.
function refuseFraming(res: ServerResponse): void {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  res.setHeader('Referrer-Policy', 'same-origin');
}

export async function serveClientFile(req: IncomingMessage, res: ServerResponse, pathname: string, clientRoot: string): Promise<void> {
  refuseFraming(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed');
  }
  const file = resolveInside(clientRoot, pathname.slice(1));
  if (file === null) return sendText(res, 400, 'Đường dẫn không hợp lệ / Invalid path');

  if (!pathname.endsWith('/')) {
    const cacheControl = HASHED_ASSET.test(pathname) ? IMMUTABLE : REVALIDATE;
    if (await sendFile(req, res, file, { cacheControl })) return;
  }

  // A missing /assets/x.js must stay a 404: answering HTML to a script request hides the bug
  // and the browser reports a confusing MIME error instead.
  if (path.extname(pathname) !== '') return sendText(res, 404, 'Không tìm thấy / Not found');

  const index = path.join(clientRoot, 'index.html');
  if (await sendFile(req, res, index, { cacheControl: REVALIDATE })) return;
  sendText(res, 503, 'Giao diện chưa được dựng / client not built: run `npm run build`');
}
