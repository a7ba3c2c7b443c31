// Sends one file with validators (ETag, Last-Modified → 304) and single byte ranges (206/416).
// Shared by /geo (FlatGeobuf read by bbox through Range requests) and the client build.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { parseByteRange } from './byte-range.ts';
import { contentTypeFor } from './content-types.ts';

export interface SendFileOptions {
  cacheControl: string;
}

/** Returns false when `file` is not a regular file, so the caller can answer 404 its own way. */
export async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, options: SendFileOptions): Promise<boolean> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;

  // size + mtime identifies a generated file well enough, without hashing megabytes per request.
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const lastModified = stat.mtime.toUTCString();
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', lastModified);
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('Content-Type', contentTypeFor(file));
  res.setHeader('X-Content-Type-Options', 'nosniff');

  if (isNotModified(req, etag, stat.mtime)) {
    res.statusCode = 304;
    res.end();
    return true;
  }

  // If-Range: the client holds bytes of some version; only send a slice if it is still this one,
  // otherwise the whole (new) file — mixing slices of two builds would corrupt the reader.
  const ifRange = req.headers['if-range'];
  const rangeStillValid = ifRange === undefined || ifRange === etag || ifRange === lastModified;
  const range = rangeStillValid ? parseByteRange(req.headers.range, stat.size) : { kind: 'whole' as const };

  if (range.kind === 'unsatisfiable') {
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${stat.size}`);
    res.end();
    return true;
  }

  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : stat.size - 1;
  if (range.kind === 'partial') {
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${stat.size}`);
  } else {
    res.statusCode = 200;
  }
  res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));

  if (req.method === 'HEAD' || stat.size === 0) {
    res.end();
    return true;
  }
  try {
    await pipeline(fs.createReadStream(file, { start, end }), res);
  } catch {
    // client went away mid-transfer, or the file vanished: nothing useful to answer any more
    res.destroy();
  }
  return true;
}

function isNotModified(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    // weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"
    const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    // HTTP dates have whole seconds
    return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
  }
  return false;
}
