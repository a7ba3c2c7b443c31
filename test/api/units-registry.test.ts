// units.get, units.children and the crosswalk (units.successors / units.predecessors) on the
// real registry, through the typed tRPC client over HTTP.
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneInsensitiveKey } from '../../core/text.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const sameWords = (a: string, b: string) => toneInsensitiveKey(a) === toneInsensitiveKey(b);

for (const dialect of dialectsUnderTest()) {
  describe(`units registry (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
    });
    afterAll(() => app?.close());

    it('gets old Xã Hòa Đồng with path, region and crosswalk counts', async () => {
      const unit = await app.trpc.units.get.query({ structure: 'pre2025', code: '22276' });
      expect(unit).toMatchObject({ structure: 'pre2025', code: '22276', level: 'commune', parentCode: '562', provinceCode: '54' });
      expect(sameWords(unit.fullName, 'Xã Hòa Đồng')).toBe(true);
      expect(unit.path.map((p) => p.code)).toEqual(['562', '54']);
      // Phú Yên is in Bắc Trung Bộ và duyên hải miền Trung (reference/provinces_gso_codes_regions.csv)
      expect(unit.region).toBe('Bắc Trung Bộ và duyên hải miền Trung');
      expect(unit.successorCount).toBe(1);
      expect(unit.predecessorCount).toBe(0);
      expect(unit.flags).toEqual({ poorDistrict: null, coastalExtremelyDifficult: null });
    });

    it('gets new Xã Hòa Thịnh under the same code 22276, in Đắk Lắk, with a label point', async () => {
      const unit = await app.trpc.units.get.query({ structure: '2025', code: '22276' });
      expect(unit).toMatchObject({ structure: '2025', level: 'commune', provinceCode: '66' });
      expect(sameWords(unit.name, 'Hòa Thịnh')).toBe(true);
      expect(unit.path.map((p) => p.code)).toEqual(['66']);
      expect(unit.region).toBeNull();
      expect(unit.predecessorCount).toBe(2);
      expect(unit.labelPoint).not.toBeNull();
      expect(unit.areaKm2).toBeGreaterThan(0);
    });

    it('carries the QĐ 353 flags with their source', async () => {
      const meoVac = await app.trpc.units.get.query({ structure: 'pre2025', code: '027' });
      expect(meoVac.flags.poorDistrict?.source).toMatch(/353/);
      const nguLoc = await app.trpc.units.get.query({ structure: 'pre2025', code: '16090' });
      expect(nguLoc.flags.coastalExtremelyDifficult?.source).toMatch(/353/);
    });

    it('answers NOT_FOUND for an unknown code and 400 for a malformed one', async () => {
      await expect(app.trpc.units.get.query({ structure: 'pre2025', code: '99999' })).rejects.toSatisfy(
        (e: unknown) => e instanceof TRPCClientError && e.data?.code === 'NOT_FOUND',
      );
      const input = encodeURIComponent(JSON.stringify({ structure: 'pre2025', code: '22276; drop table unit' }));
      const response = await app.fetch(`/trpc/units.get?input=${input}`);
      expect(response.status).toBe(400);
    });

    it('lists the provinces of each structure, and children in code order', async () => {
      const provinces2025 = await app.trpc.units.children.query({ structure: '2025' });
      expect(provinces2025).toHaveLength(34);
      const provincesOld = await app.trpc.units.children.query({ structure: 'pre2025' });
      expect(provincesOld).toHaveLength(63);
      const tayHoa = await app.trpc.units.children.query({ structure: 'pre2025', code: '562' });
      expect(tayHoa.map((c) => c.code)).toContain('22276');
      expect(tayHoa.every((c) => c.level === 'commune' && c.parentCode === '562')).toBe(true);
      expect(tayHoa.map((c) => c.code)).toEqual([...tayHoa.map((c) => c.code)].sort());
      const dakLak = await app.trpc.units.children.query({ structure: '2025', code: '66' });
      expect(dakLak.map((c) => c.code)).toContain('22276');
    });

    it('pre2025 22276 → 2025 22276 Xã Hòa Thịnh (Đắk Lắk)', async () => {
      const { unit, successors } = await app.trpc.units.successors.query({ code: '22276' });
      expect(unit).toMatchObject({ structure: 'pre2025', code: '22276' });
      expect(successors).toHaveLength(1);
      expect(successors[0]!.unit).toMatchObject({ structure: '2025', code: '22276', provinceCode: '66' });
      expect(sameWords(successors[0]!.unit.name, 'Hòa Thịnh')).toBe(true);
      expect(['full', 'partial']).toContain(successors[0]!.kind);
    });

    it('2025 22276 ← pre2025 22276 Hòa Đồng and 22294 Hòa Thịnh, with paths in Phú Yên', async () => {
      const { unit, predecessors } = await app.trpc.units.predecessors.query({ code: '22276' });
      expect(unit).toMatchObject({ structure: '2025', code: '22276' });
      expect(predecessors.map((p) => p.unit.code)).toEqual(['22276', '22294']);
      for (const p of predecessors) {
        expect(p.unit.structure).toBe('pre2025');
        expect(p.unit.path.map((s) => s.code)).toEqual(['562', '54']);
        expect(['full', 'partial']).toContain(p.kind);
      }
    });

    it('provinces: Phú Yên went into Đắk Lắk; Đắk Lắk came from Đắk Lắk and Phú Yên', async () => {
      const { successors } = await app.trpc.units.successors.query({ code: '54' });
      expect(successors.map((s) => s.unit.code)).toEqual(['66']);
      const { predecessors } = await app.trpc.units.predecessors.query({ code: '66' });
      expect(predecessors.map((p) => p.unit.code).sort()).toEqual(['54', '66']);
    });

    it("a district's successors are the union of its communes'", async () => {
      const { unit, successors } = await app.trpc.units.successors.query({ code: '562' });
      expect(unit.level).toBe('district');
      expect(successors.map((s) => s.unit.code)).toContain('22276');
      expect(successors.every((s) => s.unit.structure === '2025' && s.unit.level === 'commune')).toBe(true);
      const communes = await app.trpc.units.children.query({ structure: 'pre2025', code: '562' });
      const total = successors.reduce((sum, s) => sum + (s.viaCommunes ?? 0), 0);
      expect(total).toBeGreaterThanOrEqual(communes.length);
      const detail = await app.trpc.units.get.query({ structure: 'pre2025', code: '562' });
      expect(detail.successorCount).toBe(successors.length);
    });

    it('predecessors of an unknown code are NOT_FOUND', async () => {
      await expect(app.trpc.units.predecessors.query({ code: '99999' })).rejects.toSatisfy(
        (e: unknown) => e instanceof TRPCClientError && e.data?.code === 'NOT_FOUND',
      );
    });
  });
}
