// Scope semantics (core/scope.ts) on the real registry and crosswalk, through the units.*
// procedures: what a scoped account sees, and that what it may see still answers.
import { TRPCClientError, type TRPCClient } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../server/router.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const forbidden = (e: unknown) => e instanceof TRPCClientError && e.data?.code === 'FORBIDDEN';
// Inside 2025 Xã Hòa Thịnh (22276), which took in old Phú Yên communes.
const IN_HOA_THINH = { lon: 109.2558, lat: 12.9223 };
// Buôn Ma Thuột, old Đắk Lắk: 2025 Đắk Lắk but never Phú Yên.
const IN_BUON_MA_THUOT = { lon: 108.0378, lat: 12.6667 };

for (const dialect of dialectsUnderTest()) {
  describe(`scope on the real crosswalk (${dialect})`, () => {
    let app: SeededApp;
    let haTinh: TRPCClient<AppRouter>;
    let phuYen: TRPCClient<AppRouter>;
    let dakLak2025: TRPCClient<AppRouter>;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      haTinh = await app.clientAs('plannerHaTinh');
      phuYen = await app.clientAs('supervisorPhuYen');
      dakLak2025 = await app.clientAs('plannerDakLak2025');
    });
    afterAll(() => app?.close());

    it('the Hà Tĩnh planner finds and opens Hà Tĩnh, before and after 2025 (it went unchanged)', async () => {
      const found = await haTinh.units.search.query({ q: 'Hà Tĩnh', limit: 50 });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((u) => u.provinceCode === '42')).toBe(true);
      expect(found.some((u) => u.structure === '2025')).toBe(true);
      expect((await haTinh.units.get.query({ structure: '2025', code: '42' })).code).toBe('42');
      const communes = await haTinh.units.children.query({ structure: '2025', code: '42' });
      const all = await app.trpc.units.children.query({ structure: '2025', code: '42' });
      expect(communes.length).toBe(all.length);
    });

    it('every signed-in user gets the national province list (the country map needs it)', async () => {
      expect(await haTinh.units.children.query({ structure: 'pre2025' })).toHaveLength(63);
      expect(await phuYen.units.children.query({ structure: '2025' })).toHaveLength(34);
    });

    it('pre-2025 Phú Yên reaches the 2025 communes that received its communes', async () => {
      const hoaThinh = await phuYen.units.get.query({ structure: '2025', code: '22276' });
      expect(hoaThinh.provinceCode).toBe('66');
      const at = await phuYen.units.at.query({ structure: '2025', level: 'commune', ...IN_HOA_THINH });
      expect(at.unit?.code).toBe('22276');
      const old = await phuYen.units.at.query({ structure: 'pre2025', level: 'commune', ...IN_HOA_THINH });
      expect(old.candidates.map((c) => c.code)).toContain('22276');
      const { successors } = await phuYen.units.successors.query({ code: '54' });
      expect(successors.map((s) => s.unit.code)).toEqual(['66']);
    });

    it('…sees 2025 Đắk Lắk only as a container: its Phú Yên part, not old Đắk Lắk', async () => {
      const dakLak = await phuYen.units.get.query({ structure: '2025', code: '66' });
      expect(dakLak.level).toBe('province');
      const visible = await phuYen.units.children.query({ structure: '2025', code: '66' });
      const all = await app.trpc.units.children.query({ structure: '2025', code: '66' });
      expect(visible.map((c) => c.code)).toContain('22276');
      expect(visible.length).toBeGreaterThan(10);
      expect(visible.length).toBeLessThan(all.length);
      const { predecessors } = await phuYen.units.predecessors.query({ code: '66' });
      expect(predecessors.map((p) => p.unit.code)).toEqual(['54']);

      const notPhuYen = all.find((c) => !visible.some((v) => v.code === c.code))!;
      await expect(phuYen.units.get.query({ structure: '2025', code: notPhuYen.code })).rejects.toSatisfy(forbidden);
      await expect(phuYen.units.get.query({ structure: 'pre2025', code: '66' })).rejects.toSatisfy(forbidden);
      await expect(phuYen.units.at.query({ structure: '2025', level: 'commune', ...IN_BUON_MA_THUOT })).rejects.toSatisfy(forbidden);
      // …while the province at that point is the container, which navigation may show
      const province = await phuYen.units.at.query({ structure: '2025', level: 'province', ...IN_BUON_MA_THUOT });
      expect(province.unit?.code).toBe('66');
    });

    it('search by a scoped user lists containers and covered units only', async () => {
      const found = await phuYen.units.search.query({ q: 'Đắk Lắk', limit: 100 });
      expect(found.some((u) => u.structure === '2025' && u.code === '66')).toBe(true);
      expect(found.some((u) => u.structure === 'pre2025' && u.code === '66')).toBe(false);
      const buonMaThuot = await phuYen.units.search.query({ q: 'Buôn Ma Thuột', limit: 100 });
      expect(buonMaThuot).toEqual([]);
    });

    it('2025 Đắk Lắk covers pre-2025 Phú Yên and Đắk Lắk entirely, and nothing else', async () => {
      for (const code of ['54', '66', '562', '22276']) {
        expect((await dakLak2025.units.get.query({ structure: 'pre2025', code })).code).toBe(code);
      }
      const { predecessors } = await dakLak2025.units.predecessors.query({ code: '66' });
      expect(predecessors.map((p) => p.unit.code).sort()).toEqual(['54', '66']);
      const at = await dakLak2025.units.at.query({ structure: '2025', level: 'commune', ...IN_BUON_MA_THUOT });
      expect(at.unit?.provinceCode).toBe('66');
      await expect(dakLak2025.units.get.query({ structure: 'pre2025', code: '42' })).rejects.toSatisfy(forbidden);
    });

    it('a code the registry does not know is refused for scoped users, NOT_FOUND for country-wide ones', async () => {
      await expect(haTinh.units.get.query({ structure: 'pre2025', code: '99999' })).rejects.toSatisfy(forbidden);
      await expect(app.trpc.units.get.query({ structure: 'pre2025', code: '99999' })).rejects.toSatisfy(
        (e: unknown) => e instanceof TRPCClientError && e.data?.code === 'NOT_FOUND',
      );
    });

    it('a scope change applies at the next request, without signing in again', async () => {
      const { plannerHaTinh } = app.accounts;
      await app.caller.admin.users.update({ id: plannerHaTinh.id, scope: [{ structure: 'pre2025', code: '35' }] });
      try {
        expect((await haTinh.units.get.query({ structure: 'pre2025', code: '35' })).code).toBe('35');
        await expect(haTinh.units.get.query({ structure: 'pre2025', code: '42' })).rejects.toSatisfy(forbidden);
      } finally {
        await app.caller.admin.users.update({ id: plannerHaTinh.id, scope: [{ structure: 'pre2025', code: '42' }] });
      }
    });
  });
}
