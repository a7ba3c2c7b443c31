// Compresses tRPC's JSON answers when the client accepts it. A national commune answer is
// 49-146 KiB of digits and codes that brotli shrinks ~3× (2025 communes: 49 KiB → 18 KiB at
// quality 4, ~1.3 ms), which matters more on a provincial office's link than the time spent.
// Express's `compression` middleware does the negotiation (brotli first, q-values, Vary) and the
// streaming; it works on plain node:http objects. Only JSON is compressed: /geo files are read
// with Range requests, which a compressed body would break.
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

/** Below this a compressed answer saves less than its headers and the time cost. */
const MIN_COMPRESS_BYTES = 1024;

const isJson = (res: ServerResponse) => String(res.getHeader('content-type') ?? '').startsWith('application/json');

// brotli quality 4 (the middleware's default): quality 11 took ~100 ms on this answer
const middleware = compression({ threshold: MIN_COMPRESS_BYTES, filter: (_req, res) => isJson(res as unknown as ServerResponse) });

/** Runs `next` (the tRPC handler) with `res` compressing large JSON answers for this request. */
export function compressJsonAnswers(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  // the middleware's types are Express's; at run time it needs only node's req/res
  middleware(req as never, res as never, next);
}
