// units.search on the real registry: diacritics, tone placement and Unicode form do not matter;
// ranking puts exact and tone-exact matches first. Over HTTP (typed client and plain fetch) and
// in-process, on every dialect under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese, toneInsensitiveKey } from '../../core/text.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const sameWords = (a: string, b: string) => toneInsensitiveKey(a) === toneInsensitiveKey(b);
const LEVEL_ORDER = ['province', 'district', 'commune'];

/** 0 exact, 1 prefix, 2 a word starts with it, 3 contains: the order units.search promises. */
function matchClass(q: string, name: string, fullName: string): number {
  const [key, full] = [foldVietnamese(name), foldVietnamese(fullName)];
  if (key === q || full === q) return 0;
  if (key.startsWith(q) || full.startsWith(q)) return 1;
  if ((' ' + key).includes(' ' + q)) return 2;
  return 3;
}

for (const dialect of dialectsUnderTest()) {
  describe(`units.search (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
    });
    afterAll(() => app?.close());

    const forms = {
      'unaccented': 'hoa dong',
      'new tone placement, NFC': 'Hòa Đồng',
      'old tone placement, NFC': 'Hoà Đồng',
      'new tone placement, NFD': 'Hòa Đồng'.normalize('NFD'),
      'old tone placement, NFD': 'Hoà Đồng'.normalize('NFD'),
      'upper case, extra spaces': '  HOÀ   ĐỒNG ',
    };
    for (const [label, q] of Object.entries(forms)) {
      it(`finds pre2025 22276 Xã Hòa Đồng (Tây Hòa, Phú Yên) from "${label}"`, async () => {
        const results = await app.trpc.units.search.query({ q, structure: 'pre2025', level: 'commune', limit: 20 });
        const hoaDong = results.find((r) => r.code === '22276');
        expect(hoaDong, JSON.stringify(results.map((r) => r.fullName))).toBeDefined();
        expect(hoaDong!.structure).toBe('pre2025');
        expect(sameWords(hoaDong!.fullName, 'Xã Hòa Đồng')).toBe(true);
        expect(hoaDong!.path.map((p) => p.code)).toEqual(['562', '54']);
        expect(sameWords(hoaDong!.path[0]!.fullName, 'Huyện Tây Hòa')).toBe(true);
        expect(sameWords(hoaDong!.path[1]!.fullName, 'Tỉnh Phú Yên')).toBe(true);
        expect(hoaDong!.path.map((p) => p.level)).toEqual(['district', 'province']);
      });
    }

    it('ranks the tone-exact "Hòa Đồng" above names that only fold the same ("Hòa Đông", "Hoa Động")', async () => {
      const results = await app.caller.units.search({ q: 'Hoà Đồng', structure: 'pre2025', limit: 20 });
      const first = results[0]!;
      expect(sameWords(first.name, 'Hòa Đồng')).toBe(true);
      const firstOther = results.findIndex((r) => !sameWords(r.name, 'Hòa Đồng'));
      const lastExact = results.map((r) => sameWords(r.name, 'Hòa Đồng')).lastIndexOf(true);
      if (firstOther >= 0) expect(lastExact).toBeLessThan(firstOther);
    });

    it('ranks exact names before prefixes before contains, and higher levels first among equals', async () => {
      for (const q of ['phu yen', 'tay hoa', 'hoa']) {
        const results = await app.caller.units.search({ q, limit: 100 });
        const classes = results.map((r) => matchClass(q, r.name, r.fullName));
        expect(classes, q).toEqual([...classes].sort((a, b) => a - b));
      }
      const phuYen = await app.caller.units.search({ q: 'phu yen', structure: 'pre2025', limit: 10 });
      expect(phuYen[0]).toMatchObject({ code: '54', level: 'province' });
      const levels = phuYen.filter((r) => matchClass('phu yen', r.name, r.fullName) === 0).map((r) => r.level);
      expect(levels).toEqual([...levels].sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b)));
    });

    it('puts tone-exact matches above merely folded ones: "Phú Yên" before "Phù Yên"', async () => {
      const results = await app.caller.units.search({ q: 'Phú Yên', structure: 'pre2025', limit: 10 });
      const names = results.map((r) => r.fullName);
      const phuYenCommune = names.findIndex((n) => sameWords(n, 'Xã Phú Yên'));
      const phuYenDistrict = names.findIndex((n) => sameWords(n, 'Huyện Phù Yên'));
      expect(names[0] && sameWords(names[0], 'Tỉnh Phú Yên')).toBe(true);
      expect(phuYenCommune).toBeGreaterThan(0);
      expect(phuYenDistrict).toBeGreaterThan(phuYenCommune);
    });

    it('finds a unit by its full name with the type word ("Huyện Tây Hòa")', async () => {
      const results = await app.caller.units.search({ q: 'huyen tay hoa', limit: 5 });
      expect(results[0]).toMatchObject({ structure: 'pre2025', code: '562', level: 'district' });
    });

    it('searches both structures unless told which, and keeps codes apart by structure', async () => {
      const results = await app.caller.units.search({ q: 'Hòa Thịnh', limit: 50 });
      const newHoaThinh = results.find((r) => r.structure === '2025' && r.code === '22276');
      expect(newHoaThinh?.path.map((p) => p.code)).toEqual(['66']);
      expect(results.some((r) => r.structure === 'pre2025' && r.code === '22294')).toBe(true);
    });

    it('honours limit and the level filter', async () => {
      const results = await app.caller.units.search({ q: 'a', level: 'province', limit: 7 });
      expect(results).toHaveLength(7);
      expect(results.every((r) => r.level === 'province')).toBe(true);
    });

    it('answers plain JSON to a curl-style GET (no transformer)', async () => {
      const input = encodeURIComponent(JSON.stringify({ q: 'hoa dong', structure: 'pre2025' }));
      const response = await app.fetch(`/trpc/units.search?input=${input}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await response.json()) as { result: { data: { code: string; labelPoint: unknown }[] } };
      expect(body.result.data.some((u) => u.code === '22276')).toBe(true);
    });

    it('answers bad input with 400 and a readable message, never a stack trace', async () => {
      const cases = [
        { q: '' },
        { q: '!!!' },
        { q: 'x'.repeat(101) },
        { q: 'hoa', limit: 101 },
        { q: 'hoa', limit: 0 },
        { q: 'hoa', structure: '2024' },
        { q: 42 },
      ];
      for (const input of cases) {
        const response = await app.fetch(`/trpc/units.search?input=${encodeURIComponent(JSON.stringify(input))}`);
        const text = await response.text();
        expect(response.status, text).toBe(400);
        const body = JSON.parse(text) as { error: { message: string; data: Record<string, unknown> } };
        expect(body.error.message.length).toBeGreaterThan(0);
        expect(body.error.data.stack).toBeUndefined();
        expect(text).not.toMatch(/\bat .+\.ts:\d+/);
      }
      const malformed = await app.fetch(`/trpc/units.search?input=not-json`);
      expect(malformed.status).toBe(400);
    });
  });
}
