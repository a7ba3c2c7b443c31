// teams.*: a planner sets up teams in their province — base (a unit or a point), working hours,
// service time, days, vehicle, overnight — and their members; settings are checked (HH:MM,
// start before end, 5-480 minutes, real dates, a base inside Vietnam and inside the scope);
// members' accounts must exist and see the team's province; other provinces see nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDemoTeams } from '../../server/demo/write-activity.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const HA_TINH = { structure: 'pre2025', provinceCode: '42' } as const;

for (const dialect of dialectsUnderTest()) {
  describe(`teams (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    let id: number;
    const call = (path: string, type: 'query' | 'mutation', input: unknown, session: HttpSession = planner) => callProcedure(app.baseUrl, path, type, input, session);
    const teamOf = async (teamId: number, session: HttpSession = planner) =>
      (await call('teams.list', 'query', HA_TINH, session)).body.result.data.teams.find((t: { id: number }) => t.id === teamId);

    beforeAll(async () => {
      app = await startSeededApp(dialect);
      planner = await app.signIn('plannerHaTinh');
      const made = await call('teams.create', 'mutation', { ...HA_TINH, name: 'Đoàn giám sát Sở LĐ-TB&XH số 1' });
      expect(made.status, made.text).toBe(200);
      id = made.body.result.data.id;
    }, 120_000);
    afterAll(() => app?.close());

    it('makes a team that plans from its province with the default working day', async () => {
      expect(await teamOf(id)).toEqual({
        id, name: 'Đoàn giám sát Sở LĐ-TB&XH số 1', structure: 'pre2025', provinceCode: '42', provinceName: 'Tỉnh Hà Tĩnh', simulated: false,
        base: { kind: 'unit', structure: 'pre2025', code: '42', name: 'Tỉnh Hà Tĩnh', lon: expect.any(Number), lat: expect.any(Number) },
        dayStart: '07:30', dayEnd: '17:00', serviceMinutes: 60, availableDays: null, vehicle: 'car', overnight: false, members: [],
      });
      const twice = await call('teams.create', 'mutation', { ...HA_TINH, name: 'Đoàn giám sát Sở LĐ-TB&XH số 1' });
      expect(twice.status).toBe(400);
    });

    it('changes settings: a point base, days (sorted, once each), motorbike, overnight; the rest kept', async () => {
      const result = await call('teams.update', 'mutation', {
        id,
        settings: { base: { kind: 'point', lon: 105.9, lat: 18.34, label: 'UBND huyện Thạch Hà' }, availableDays: ['2025-06-04', '2025-06-02', '2025-06-04'], vehicle: 'motorbike', overnight: true, serviceMinutes: 45 },
      });
      expect(result.status, result.text).toBe(200);
      expect(await teamOf(id)).toMatchObject({
        base: { kind: 'point', lon: 105.9, lat: 18.34, label: 'UBND huyện Thạch Hà' }, availableDays: ['2025-06-02', '2025-06-04'], vehicle: 'motorbike', overnight: true, serviceMinutes: 45, dayStart: '07:30',
      });
      await call('teams.update', 'mutation', { id, settings: { base: { kind: 'unit', structure: 'pre2025', code: '445' }, availableDays: null } });
      expect(await teamOf(id)).toMatchObject({ base: { kind: 'unit', code: '445', name: 'Huyện Thạch Hà' }, availableDays: null });
      const audit = await app.database.db.selectFrom('audit_log').select(['table_name', 'after']).where('procedure', '=', 'teams.update').execute();
      expect(audit.length).toBe(2);
    });

    it('refuses bad settings with the reason, and a base outside the scope', async () => {
      const cases: [object, RegExp][] = [
        [{ dayStart: '17:00', dayEnd: '07:30' }, /phải sau giờ bắt đầu/],
        [{ dayEnd: '7:00' }, /giờ dạng HH:MM/],
        [{ serviceMinutes: 500 }, /5-480 phút/],
        [{ availableDays: ['2025-02-30'] }, /ngày không có thật/],
        [{ base: { kind: 'point', lon: 100.5, lat: 13.75, label: 'Bangkok' } }, /ngoài Việt Nam/],
        [{ base: { kind: 'unit', structure: 'pre2025', code: '99999' } }, /Không có đơn vị 99999/],
      ];
      for (const [settings, message] of cases) {
        const result = await call('teams.update', 'mutation', { id, settings });
        expect(result.status, JSON.stringify(settings)).toBe(400);
        expect(result.body.error.message).toMatch(message);
      }
      // Huyện Tây Hòa, Phú Yên: not the Hà Tĩnh planner's to pick
      expect((await call('teams.update', 'mutation', { id, settings: { base: { kind: 'unit', structure: 'pre2025', code: '562' } } })).status).toBe(403);
      expect((await teamOf(id)).dayStart).toBe('07:30');
    });

    it('sets members: accounts must exist and see the province; people without accounts too', async () => {
      const ok = await call('teams.setMembers', 'mutation', {
        id,
        members: [
          { userId: app.accounts.plannerHaTinh.id, displayName: 'Cán bộ Hà Tĩnh', roleInTeam: 'Trưởng đoàn' },
          { userId: app.accounts.viewer.id, displayName: 'Lãnh đạo', roleInTeam: null },
          { userId: null, displayName: 'Nguyễn Thị Hoa', roleInTeam: 'Thư ký' },
        ],
      });
      expect(ok.status, ok.text).toBe(200);
      expect((await teamOf(id)).members).toEqual([
        { id: expect.any(Number), userId: app.accounts.plannerHaTinh.id, username: 'planner-ha-tinh', displayName: 'Cán bộ Hà Tĩnh', roleInTeam: 'Trưởng đoàn' },
        { id: expect.any(Number), userId: app.accounts.viewer.id, username: 'viewer', displayName: 'Lãnh đạo', roleInTeam: null },
        { id: expect.any(Number), userId: null, username: null, displayName: 'Nguyễn Thị Hoa', roleInTeam: 'Thư ký' },
      ]);
      const phuYen = await call('teams.setMembers', 'mutation', { id, members: [{ userId: app.accounts.supervisorPhuYen.id, displayName: 'Giám sát Phú Yên', roleInTeam: null }] });
      expect(phuYen.status).toBe(400);
      expect(phuYen.body.error.message).toMatch(/supervisor-phu-yen không có phạm vi/);
      const nobody = await call('teams.setMembers', 'mutation', { id, members: [{ userId: 987654, displayName: 'Không ai', roleInTeam: null }] });
      expect(nobody.status).toBe(400);
      expect((await teamOf(id)).members).toHaveLength(3);
    });

    it('keeps teams inside the scope: Phú Yên sees no Hà Tĩnh team and changes none', async () => {
      const phuYen = await app.signIn('supervisorPhuYen');
      const listed = await call('teams.list', 'query', {}, phuYen);
      expect(listed.status).toBe(200);
      expect(listed.body.result.data.teams.map((t: { provinceCode: string }) => t.provinceCode)).not.toContain('42');
      expect((await call('teams.update', 'mutation', { id, settings: { serviceMinutes: 30 } }, phuYen)).status).toBe(403);
      const phuYenTeam = (await app.caller.teams.create({ structure: 'pre2025', provinceCode: '54', name: 'Đoàn Phú Yên' })).id;
      expect((await call('teams.update', 'mutation', { id: phuYenTeam, settings: { serviceMinutes: 30 } })).status).toBe(403);
      expect((await call('teams.create', 'mutation', { structure: 'pre2025', provinceCode: '54', name: 'Không được' })).status).toBe(403);
    });

    it('gives demo teams their provincial seat as base', async () => {
      const demo = await app.database.db
        .insertInto('team')
        .values({ name: 'Đoàn giám sát số 9 – Sở LĐ-TB&XH Hà Tĩnh (mô phỏng)', ...{ structure: 'pre2025', province_code: '42' }, created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect((await teamOf(Number(demo.id))).base).toBeNull();
      expect(await baseDemoTeams(app.database.db)).toBe(1);
      expect(await teamOf(Number(demo.id))).toMatchObject({ simulated: true, base: { kind: 'unit', code: '436', name: 'Thành phố Hà Tĩnh' }, dayStart: '07:30', dayEnd: '17:00', serviceMinutes: 60, vehicle: 'car', overnight: false });
    });
  });
}
