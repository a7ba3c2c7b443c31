// The static side of the one server: /geo files with HTTP Range (what FlatGeobuf's reader
// needs), path traversal refused, and the client build with SPA fallback and caching.
// Dialect-independent, so it runs once, on SQLite, against an empty registry.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { geodataOut } from '../../geodata/settings.ts';
import { rawGet, startSeededApp, type SeededApp } from './support/seeded-app.ts';

const DETAIL = '2025/commune.detail.fgb';
const SMALL = '2025/province.labels.fgb';

describe('static files over HTTP', () => {
  let app: SeededApp;
  let detail: Buffer;
  let small: Buffer;
  beforeAll(async () => {
    app = await startSeededApp('sqlite', { seed: false });
    detail = fs.readFileSync(path.join(geodataOut(), DETAIL));
    small = fs.readFileSync(path.join(geodataOut(), SMALL));
  });
  afterAll(() => app?.close());

  // /geo files need a session: the admin's cookie, as a browser's same-origin fetch sends it.
  const get = (file: string, headers: Record<string, string> = {}) =>
    rawGet(app.baseUrl, `/geo/${file}`, { cookie: app.adminSession.cookie, ...headers });

  it('answers a byte range with 206, Content-Range and exactly the file slice', async () => {
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-1999', 1000, 1999],
      [`bytes=${detail.length - 5}-`, detail.length - 5, detail.length - 1],
      ['bytes=-10', detail.length - 10, detail.length - 1],
      [`bytes=100-${detail.length + 1000}`, 100, detail.length - 1],
    ] as const) {
      const response = await get(DETAIL, { Range: range });
      expect(response.status, range).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${detail.length}`);
      expect(response.headers['content-length']).toBe(String(end - start + 1));
      expect(response.headers['accept-ranges']).toBe('bytes');
      expect(response.headers['content-type']).toBe('application/octet-stream');
      expect(response.body.equals(detail.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 with the size for a range past the end', async () => {
    for (const range of [`bytes=${detail.length}-`, `bytes=${detail.length + 10}-${detail.length + 20}`, 'bytes=-0']) {
      const response = await get(DETAIL, { Range: range });
      expect(response.status, range).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${detail.length}`);
    }
  });

  it('serves the whole file with validators, and 304 when unchanged', async () => {
    const response = await get(SMALL);
    expect(response.status).toBe(200);
    expect(response.body.equals(small)).toBe(true);
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['last-modified']).toBeDefined();
    const etag = response.headers.etag!;
    expect(etag).toMatch(/^"/);
    expect((await get(SMALL, { 'If-None-Match': etag })).status).toBe(304);
    // If-Range with another version's tag: the whole current file, never a slice of it
    const stale = await get(SMALL, { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(small.length);
    expect((await get(SMALL, { Range: 'bytes=0-9', 'If-Range': etag })).status).toBe(206);
  });

  it("lets FlatGeobuf's own HTTP reader do a bbox read through the server", async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {}); // the reader logs every range request
    const rect = { minX: 109.25, minY: 12.92, maxX: 109.26, maxY: 12.93 };
    const codes: string[] = [];
    for await (const feature of deserialize(`${app.baseUrl}/geo/${DETAIL}`, { rect, headers: { cookie: app.adminSession.cookie } })) {
      codes.push(String(feature.properties?.code));
    }
    expect(codes).toContain('22276');
    expect(codes.length).toBeLessThan(20);
  });

  it('refuses path traversal, raw or percent-encoded, and never leaks a file outside', async () => {
    const secret = fs.readFileSync('package.json', 'utf8');
    for (const attempt of [
      '/geo/../package.json',
      '/geo/../../package.json',
      '/geo/%2e%2e/package.json',
      '/geo/%2E%2E%2Fpackage.json',
      '/geo/2025/..%2f..%2fpackage.json',
      '/geo/..%5cpackage.json',
      '/geo/%00/registry.json',
      '/geo/%E0%A4%A',
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await rawGet(app.baseUrl, attempt, { cookie: app.adminSession.cookie });
      expect([400, 404], attempt).toContain(response.status);
      expect(response.body.toString('utf8')).not.toContain(secret.slice(0, 40));
    }
  });

  it('answers 404 for a missing geo file', async () => {
    expect((await get('2025/nothing.fgb')).status).toBe(404);
  });

  it('refuses geo files without a session (401), and marks them private to shared caches', async () => {
    const anonymous = await rawGet(app.baseUrl, `/geo/${SMALL}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.toString()).toMatch(/Sign-in required/);
    const forged = await rawGet(app.baseUrl, `/geo/${SMALL}`, { cookie: 'povmap_session=' + 'A'.repeat(43) });
    expect(forged.status).toBe(401);
    expect((await get(SMALL)).headers['cache-control']).toBe('private, no-cache');
  });

  it('serves the client without a session (the sign-in page): index.html for app routes, immutable hashed assets, 404 for missing assets', async () => {
    for (const route of ['/', '/explore/2025/66', '/present?region=north']) {
      const page = await rawGet(app.baseUrl, route);
      expect(page.status, route).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body.toString()).toContain('<title>povmap</title>');
      // no other site may frame the app (clickjacking)
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    const asset = await rawGet(app.baseUrl, '/assets/index-B1a2C3d4.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await rawGet(app.baseUrl, '/assets/index-Zz9Yy8Xx.js')).status).toBe(404);
    const post = await fetch(`${app.baseUrl}/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
