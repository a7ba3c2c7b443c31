// units.at: point-in-polygon through the .fgb files' spatial index, on the real geodata build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

// Inside new Xã Hòa Thịnh (2025/22276, Đắk Lắk), which took in old Xã Hòa Đồng: the centroid
// of its source polygon (boundaries-2025/communes.geojsonl.gz), well inside it.
const IN_HOA_THINH = { lon: 109.2558, lat: 12.9223 };
// The sea about 160 km east of Quảng Ngãi, between the coast and Hoàng Sa.
const AT_SEA = { lon: 110.5, lat: 15.0 };

for (const dialect of dialectsUnderTest()) {
  describe(`units.at (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
    });
    afterAll(() => app?.close());

    it('finds the 2025 commune and province at a point inside Xã Hòa Thịnh', async () => {
      const commune = await app.trpc.units.at.query({ structure: '2025', level: 'commune', ...IN_HOA_THINH });
      expect(commune.unit).toMatchObject({ structure: '2025', code: '22276', provinceCode: '66' });
      expect(commune.note).toBeNull();
      const province = await app.trpc.units.at.query({ structure: '2025', level: 'province', ...IN_HOA_THINH });
      expect(province.unit).toMatchObject({ code: '66', level: 'province' });
    });

    it('finds the pre-2025 district and province there (Tây Hòa, Phú Yên)', async () => {
      const district = await app.trpc.units.at.query({ structure: 'pre2025', level: 'district', ...IN_HOA_THINH });
      expect(district.unit).toMatchObject({ code: '562', level: 'district' });
      const province = await app.trpc.units.at.query({ structure: 'pre2025', level: 'province', ...IN_HOA_THINH });
      expect(province.unit).toMatchObject({ code: '54' });
    });

    it('answers pre-2025 communes (no polygons) with candidates through the 2025 commune', async () => {
      const result = await app.trpc.units.at.query({ structure: 'pre2025', level: 'commune', ...IN_HOA_THINH });
      expect(result.unit).toBeNull();
      expect(result.via).toMatchObject({ structure: '2025', code: '22276' });
      expect(result.candidates.map((c) => c.code)).toContain('22276');
      expect(result.candidates.every((c) => c.structure === 'pre2025' && c.level === 'commune')).toBe(true);
      expect(result.note).toMatch(/Pre-2025 communes have no boundaries/);
    });

    it('finds nothing at sea, with a bilingual note', async () => {
      for (const level of ['commune', 'province'] as const) {
        const result = await app.trpc.units.at.query({ structure: '2025', level, ...AT_SEA });
        expect(result.unit).toBeNull();
        expect(result.note).toMatch(/No administrative unit/);
      }
      const old = await app.trpc.units.at.query({ structure: 'pre2025', level: 'commune', ...AT_SEA });
      expect(old).toMatchObject({ unit: null, candidates: [], via: null });
    });

    it('rejects out-of-range coordinates and the 2025 district level with 400', async () => {
      const cases = [
        { structure: '2025', level: 'commune', lon: 181, lat: 10 },
        { structure: '2025', level: 'commune', lon: 105, lat: -91 },
        { structure: '2025', level: 'commune', lon: '105', lat: 10 },
        { structure: '2025', level: 'district', lon: 105, lat: 10 },
      ];
      for (const input of cases) {
        const response = await app.fetch(`/trpc/units.at?input=${encodeURIComponent(JSON.stringify(input))}`);
        expect(response.status, JSON.stringify(input)).toBe(400);
      }
    });
  });
}
