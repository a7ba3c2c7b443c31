// /geo/… : the geodata pipeline's outputs (.fgb, registry.json) served with Range support, so
// the client's FlatGeobuf reader fetches only the bbox it shows.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveInside } from './safe-path.ts';
import { sendFile } from './send-file.ts';
import { sendText } from './respond.ts';

export const GEO_PREFIX = '/geo/';

// no-cache = "revalidate before use", not "do not store": after `npm run geodata` rebuilds a
// file, a browser must not combine cached slices of the old file with new ones. private: the
// files need a session, so a shared cache must not hand them to anyone who asks.
const GEO_CACHE_CONTROL = 'private, no-cache';

export async function serveGeoFile(req: IncomingMessage, res: ServerResponse, pathname: string, geoRoot: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed');
  }
  const file = resolveInside(geoRoot, pathname.slice(GEO_PREFIX.length));
  if (file === null) return sendText(res, 400, 'Đường dẫn không hợp lệ / Invalid path');
  const sent = await sendFile(req, res, file, { cacheControl: GEO_CACHE_CONTROL });
  if (!sent) sendText(res, 404, 'Không tìm thấy / Not found');
}
