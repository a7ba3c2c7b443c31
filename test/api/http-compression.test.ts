// /trpc answers are compressed when the client accepts it (server/http/compress.ts): the 2025
// commune answer arrives as brotli or gzip bytes that decode to the very JSON sent uncompressed,
// small answers and clients that accept nothing stay plain. Raw requests, so nothing decodes
// the body on the way (fetch would).
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { rawGet, startSeededApp, type SeededApp } from './support/seeded-app.ts';

const COMMUNES_2025 = `/trpc/indicators.values?input=${encodeURIComponent(JSON.stringify({ structure: '2025', level: 'commune', year: 2025, indicator: 'poor_rate' }))}`;

// the HTTP layer does not depend on the database: one dialect is enough
for (const dialect of dialectsUnderTest().slice(0, 1)) {
  describe(`compressed /trpc answers (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      await seedDemo(app.database.db);
    });
    afterAll(() => app?.close());

    const get = (path: string, acceptEncoding?: string) =>
      rawGet(app.baseUrl, path, { cookie: app.adminSession.cookie, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) });

    it('sends the 2025 commune answer compressed, decoding to the same JSON', async () => {
      const plain = await get(COMMUNES_2025);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      const json = JSON.parse(plain.body.toString('utf8'));
      expect(json.result.data.codes.length).toBeGreaterThan(3_300);

      for (const [accept, encoding, decode] of [
        ['gzip, deflate, br, zstd', 'br', zlib.brotliDecompressSync],
        ['gzip', 'gzip', zlib.gunzipSync],
        // q=0 refuses an encoding
        ['gzip, br;q=0', 'gzip', zlib.gunzipSync],
      ] as const) {
        const packed = await get(COMMUNES_2025, accept);
        expect(packed.status).toBe(200);
        expect(packed.headers['content-encoding']).toBe(encoding);
        expect(packed.headers['content-type']).toMatch(/^application\/json/);
        expect(packed.body.length, encoding).toBeLessThan(plain.body.length / 2);
        expect(JSON.parse(decode(packed.body).toString('utf8'))).toEqual(json);
      }
    });

    it('sends plain bytes to a client that accepts only identity', async () => {
      const plain = await get(COMMUNES_2025, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(plain.body.toString('utf8')).result.data.codes.length).toBeGreaterThan(3_300);
    });

    it('answers small requests and refusals readably either way', async () => {
      // tRPC streams without a Content-Length, so the middleware cannot know an answer is small
      const decode = (r: { headers: Record<string, unknown>; body: Buffer }) =>
        JSON.parse((r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body) : r.body).toString('utf8'));
      const me = await get('/trpc/auth.me', 'br, gzip');
      expect(me.status).toBe(200);
      expect(decode(me).result.data.user.username).toBe('admin');
      const bad = await get('/trpc/indicators.values?input=%7B%7D', 'br');
      expect(bad.status).toBe(400);
      expect(decode(bad).error).toBeDefined();
    });
  });
}
