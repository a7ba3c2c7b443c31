// plans.*: the Hà Tĩnh planner plans 2 teams over 3 days from a priority set and by hand; every
// required commune is routed or says why; stops start inside the team's hours; a stop moved by
// hand stays where it was put and an overrun names the commune; locked stops keep their team,
// day and order through a re-solve; publishing makes one planned visit per stop, never twice,
// and moves them with the plan; other provinces neither see nor make these plans; bad input 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../core/visit-plan/plan-view.ts';
import { minutesOfClock } from '../../core/visit-plan/plan-days.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

/** Monday to Wednesday. */
const PERIOD = { firstDay: '2025-06-02', lastDay: '2025-06-04' } as const;
const HA_TINH = { structure: 'pre2025', provinceCode: '42' } as const;
const FAST = 0.3;

const stopsOf = (plan: PlanView) => plan.routes.flatMap((r) => r.stops.map((s, i) => ({ code: s.code, teamId: r.teamId, day: r.day, index: i, stop: s })));

for (const dialect of dialectsUnderTest()) {
  describe(`visit plans (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    let communes: string[];
    let teams: number[];
    const call = async (path: string, type: 'query' | 'mutation', input: unknown, session: HttpSession = planner) => callProcedure(app.baseUrl, path, type, input, session);
    const ok = async (path: string, type: 'query' | 'mutation', input: unknown) => {
      const result = await call(path, type, input);
      expect(result.status, result.text).toBe(200);
      return result.body.result.data;
    };

    beforeAll(async () => {
      app = await startSeededApp(dialect);
      planner = await app.signIn('plannerHaTinh');
      // Thành phố Hà Tĩnh (436) and Huyện Thạch Hà (445): close together, a day's work apart
      const rows = await app.database.db.selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('level', '=', 'commune').where('parent_code', 'in', ['436', '445']).orderBy('code').execute();
      communes = rows.map((r) => r.code);
      teams = [];
      for (const name of ['Đoàn kiểm thử A', 'Đoàn kiểm thử B']) teams.push((await ok('teams.create', 'mutation', { ...HA_TINH, name })).id);
      await ok('teams.update', 'mutation', { id: teams[1], settings: { dayStart: '08:00', dayEnd: '16:30', vehicle: 'motorbike', base: { kind: 'unit', structure: 'pre2025', code: '445' } } });
    }, 120_000);
    afterAll(() => app?.close());

    it('makes a plan by hand for 2 teams over 3 days: every required commune routed or explained, stops inside the hours', async () => {
      const { plan } = (await ok('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Tháng 6 — bằng tay', teamIds: teams, communes: { codes: communes.slice(0, 10) }, timeLimitSeconds: FAST })) as { plan: PlanView };
      expect(plan).toMatchObject({ name: 'Tháng 6 — bằng tay', status: 'draft', provinceName: 'Tỉnh Hà Tĩnh', matrixSource: 'great-circle', sourceSet: null });
      expect(plan.communes).toHaveLength(10);
      expect(plan.communes.every((c) => c.required && c.priority === null)).toBe(true);
      const routed = new Set(stopsOf(plan).map((s) => s.code));
      for (const c of plan.communes) {
        if (routed.has(c.code)) continue;
        const left = plan.unassigned.find((u) => u.code === c.code);
        expect(left?.reason, c.code).toMatch(/\p{L}/u);
      }
      expect(routed.size + plan.unassigned.length).toBe(10);
      expect(plan.totals.stops).toBe(routed.size);
      expect(routed.size).toBeGreaterThan(5);
      for (const route of plan.routes) {
        const team = plan.teams.find((t) => t.id === route.teamId)!;
        expect([PERIOD.firstDay, '2025-06-03', PERIOD.lastDay]).toContain(route.day);
        expect(route.endsAt).toBe('base');
        for (const s of route.stops) {
          expect(minutesOfClock(s.start), `${s.code} ${s.start}`).toBeGreaterThanOrEqual(minutesOfClock(team.dayStart));
          expect(minutesOfClock(s.end), `${s.code} ${s.end}`).toBeLessThanOrEqual(minutesOfClock(team.dayEnd));
        }
        expect(minutesOfClock(route.finish)).toBeLessThanOrEqual(minutesOfClock(team.dayEnd));
        expect(route.stops.map((s) => s.order)).toEqual(route.stops.map((_, i) => i + 1));
      }
      expect(plan.teams.find((t) => t.id === teams[1])).toMatchObject({ dayStart: '08:00', vehicle: 'motorbike', base: { kind: 'unit', code: '445', name: 'Huyện Thạch Hà' } });
      const listed = (await ok('plans.list', 'query', {})).plans.find((p: { id: number }) => p.id === plan.id);
      expect(listed).toMatchObject({ teams: 2, communes: 10, unassigned: plan.unassigned.length, status: 'draft', provinceName: 'Tỉnh Hà Tĩnh' });
    });

    it('makes a plan from a saved priority set: the better-ranked half required, the rest optional, priorities kept', async () => {
      const set = await ok('priority.sets.save', 'mutation', { structure: 'pre2025', year: 2024, weights: { poor_district: 1, coastal: 1 }, name: 'Hà Tĩnh — kiểm thử kế hoạch', codes: communes.slice(10, 16) });
      await ok('priority.sets.sendToPlanning', 'mutation', { id: set.id });
      const { sentSets } = await ok('plans.list', 'query', {});
      expect(sentSets.find((s: { id: number }) => s.id === set.id)).toMatchObject({ name: 'Hà Tĩnh — kiểm thử kế hoạch', communes: 6, structure: 'pre2025' });
      const { plan } = (await ok('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Từ danh sách', teamIds: teams, communes: { setId: set.id }, timeLimitSeconds: FAST })) as { plan: PlanView };
      expect(plan.sourceSet).toEqual({ id: set.id, name: 'Hà Tĩnh — kiểm thử kế hoạch' });
      const byRank = [...plan.communes].sort((a, b) => a.rank! - b.rank! || (a.code < b.code ? -1 : 1));
      expect(byRank.map((c) => c.required)).toEqual([true, true, true, false, false, false]);
      expect(plan.communes.every((c) => c.rank !== null)).toBe(true);
      expect(stopsOf(plan).length + plan.unassigned.length).toBe(6);
    });

    it('moves a stop by hand to another team-day and keeps it there; an overrun names the commune', async () => {
      // one slow team: 200 minutes a commune leaves room for two a day, not three
      const slow = (await ok('teams.create', 'mutation', { ...HA_TINH, name: 'Đoàn chậm' })).id;
      await ok('teams.update', 'mutation', { id: slow, settings: { serviceMinutes: 200 } });
      let { plan } = (await ok('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Chuyển tay', teamIds: [teams[0], slow], communes: { codes: communes.slice(0, 4) }, timeLimitSeconds: FAST })) as { plan: PlanView };
      const first = stopsOf(plan)[0]!;
      const target = { teamId: first.teamId === slow ? teams[0] : slow, day: first.day === PERIOD.lastDay ? PERIOD.firstDay : PERIOD.lastDay, position: 0 };
      ({ plan } = (await ok('plans.move', 'mutation', { id: plan.id, code: first.code, to: target })) as { plan: PlanView });
      const moved = stopsOf(plan).find((s) => s.code === first.code)!;
      expect([moved.teamId, moved.day, moved.index]).toEqual([target.teamId, target.day, 0]);
      // everything on the slow team's first day: three 200-minute visits cannot fit
      for (const s of stopsOf(plan)) ({ plan } = (await ok('plans.move', 'mutation', { id: plan.id, code: s.code, to: { teamId: slow, day: PERIOD.firstDay, position: 9 } })) as { plan: PlanView });
      const day = plan.routes.find((r) => r.teamId === slow && r.day === PERIOD.firstDay)!;
      expect(day.stops.length).toBeGreaterThanOrEqual(3);
      expect(plan.problems.length).toBeGreaterThan(0);
      const names = day.stops.map((s) => plan.communes.find((c) => c.code === s.code)!.name);
      expect(plan.problems.some((p) => names.some((n) => p.message.includes(n)) && /sau giờ làm việc \d\d:\d\d/.test(p.message)), JSON.stringify(plan.problems)).toBe(true);
      // the same plan, read again, still says so
      expect((await ok('plans.get', 'query', { id: plan.id })).plan.problems).toEqual(plan.problems);
      // left out by hand: unassigned with its reason
      ({ plan } = (await ok('plans.move', 'mutation', { id: plan.id, code: first.code, to: null })) as { plan: PlanView });
      expect(plan.unassigned.find((u) => u.code === first.code)?.reason).toMatch(/chỉnh tay/);
      // a must-visit commune left out is a problem until it is made optional
      expect(plan.problems.some((p) => p.code === first.code), JSON.stringify(plan.problems)).toBe(true);
      ({ plan } = (await ok('plans.setRequired', 'mutation', { id: plan.id, code: first.code, required: false })) as { plan: PlanView });
      expect(plan.problems.some((p) => p.code === first.code), JSON.stringify(plan.problems)).toBe(false);
      expect(plan.communes.find((c) => c.code === first.code)?.required).toBe(false);
      const wrongDay = await call('plans.move', 'mutation', { id: plan.id, code: first.code, to: { teamId: slow, day: '2025-06-07', position: 0 } });
      expect(wrongDay.status).toBe(400);
      expect(wrongDay.body.error.message).toMatch(/không đi ngày 07\/06/);
    });

    it('keeps locked stops on their team, day and order through a re-solve', async () => {
      let { plan } = (await ok('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Khóa', teamIds: teams, communes: { codes: communes.slice(0, 8) }, timeLimitSeconds: FAST })) as { plan: PlanView };
      // put two stops somewhere the solver would not choose: the other team, the last day, reversed
      const [a, b] = stopsOf(plan);
      for (const s of [a!, b!]) {
        ({ plan } = (await ok('plans.move', 'mutation', { id: plan.id, code: s.code, to: { teamId: teams[1], day: PERIOD.lastDay, position: 0 } })) as { plan: PlanView });
      }
      ({ plan } = (await ok('plans.lock', 'mutation', { id: plan.id, codes: [a!.code, b!.code], locked: true })) as { plan: PlanView });
      const before = stopsOf(plan).filter((s) => s.code === a!.code || s.code === b!.code);
      expect(before.every((s) => s.stop.locked)).toBe(true);
      ({ plan } = (await ok('plans.solve', 'mutation', { id: plan.id, timeLimitSeconds: FAST })) as { plan: PlanView });
      const after = stopsOf(plan).filter((s) => s.code === a!.code || s.code === b!.code);
      expect(after.map((s) => [s.code, s.teamId, s.day])).toEqual(before.map((s) => [s.code, s.teamId, s.day]));
      expect(after.map((s) => s.code)).toEqual([b!.code, a!.code]);
      expect(plan.problems).toEqual([]);
      const loose = await call('plans.lock', 'mutation', { id: plan.id, codes: ['18073', communes[40]], locked: true });
      expect(loose.status).toBe(400);
    });

    it('publishes one planned visit per stop, never twice, and moves them with the plan', async () => {
      let { plan } = (await ok('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Công bố', teamIds: teams, communes: { codes: communes.slice(20, 26) }, timeLimitSeconds: FAST })) as { plan: PlanView };
      const visitsOf = () => app.database.db.selectFrom('visit').selectAll().where('unit_code', 'in', communes.slice(20, 26)).where('status', '=', 'planned').execute();
      const first = await ok('plans.publish', 'mutation', { id: plan.id });
      const stops = stopsOf(first.plan as PlanView);
      expect(first.visits).toEqual({ created: stops.length, updated: 0, removed: 0 });
      expect(first.plan.status).toBe('published');
      let visits = await visitsOf();
      expect(visits).toHaveLength(stops.length);
      const routeRows = await app.database.db.selectFrom('route_plan').select(['id', 'team_id', 'plan_date', 'stops']).where('plan_id', '=', plan.id).execute();
      for (const s of stops) {
        const v = visits.find((x) => x.unit_code === s.code)!;
        expect([Number(v.team_id), v.planned_date]).toEqual([s.teamId, s.day]);
        const row = routeRows.find((r) => Number(r.id) === Number(v.route_plan_id))!;
        expect(JSON.parse(row.stops).map((x: { code: string }) => x.code)).toContain(s.code);
        expect((first.plan as PlanView).communes.find((c) => c.code === s.code)!.visitId).toBe(v.id);
      }
      const again = await ok('plans.publish', 'mutation', { id: plan.id });
      expect(again.visits).toEqual({ created: 0, updated: 0, removed: 0 });
      expect(await visitsOf()).toHaveLength(stops.length);
      // move one stop to the other team's last day, publish: the same visit follows it
      const s = stops[0]!;
      const to = { teamId: s.teamId === teams[0] ? teams[1] : teams[0], day: PERIOD.lastDay, position: 0 };
      ({ plan } = (await ok('plans.move', 'mutation', { id: plan.id, code: s.code, to })) as { plan: PlanView });
      const third = await ok('plans.publish', 'mutation', { id: plan.id });
      expect(third.visits).toMatchObject({ created: 0, updated: 1, removed: 0 });
      visits = await visitsOf();
      const moved = visits.find((v) => v.unit_code === s.code)!;
      expect([Number(moved.team_id), moved.planned_date]).toEqual([to.teamId, to.day]);
      // left out: its planned visit goes
      await ok('plans.move', 'mutation', { id: plan.id, code: s.code, to: null });
      expect((await ok('plans.publish', 'mutation', { id: plan.id })).visits).toMatchObject({ created: 0, removed: 1 });
      expect(await visitsOf()).toHaveLength(stops.length - 1);
      const audit = await app.database.db.selectFrom('audit_log').select('procedure').where('procedure', 'like', 'plans.%').execute();
      expect(new Set(audit.map((r) => r.procedure))).toEqual(new Set(['plans.create', 'plans.move', 'plans.setRequired', 'plans.lock', 'plans.solve', 'plans.publish']));
      await ok('plans.remove', 'mutation', { id: plan.id });
      expect(await visitsOf()).toHaveLength(0);
      expect((await call('plans.get', 'query', { id: plan.id })).status).toBe(404);
    });

    it('keeps Hà Tĩnh plans from a Phú Yên supervisor: no making, no seeing', async () => {
      const { plan } = await ok('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Riêng Hà Tĩnh', teamIds: [teams[0]], communes: { codes: communes.slice(0, 2) }, timeLimitSeconds: FAST });
      const phuYen = await app.signIn('supervisorPhuYen');
      const made = await call('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Không được', teamIds: [teams[0]], communes: { codes: communes.slice(0, 2) } }, phuYen);
      expect(made.status).toBe(403);
      const list = await call('plans.list', 'query', {}, phuYen);
      expect(list.status).toBe(200);
      expect(list.body.result.data.plans.map((p: { provinceCode: string }) => p.provinceCode)).not.toContain('42');
      expect((await call('plans.get', 'query', { id: plan.id }, phuYen)).status).toBe(403);
      const teamList = await call('teams.list', 'query', {}, phuYen);
      expect(teamList.body.result.data.teams.map((t: { id: number }) => t.id)).not.toContain(teams[0]);
      // a Phú Yên commune in a Hà Tĩnh plan is not a commune of that province
      const stray = await call('plans.create', 'mutation', { ...HA_TINH, ...PERIOD, name: 'Lạc tỉnh', teamIds: [teams[0]], communes: { codes: ['22276'] } });
      expect(stray.status).toBe(400);
    });

    it('answers bad input with 400 and a reason in Vietnamese', async () => {
      const base = { ...HA_TINH, ...PERIOD, name: 'Sai', teamIds: [teams[0]], communes: { codes: communes.slice(0, 2) } };
      const backwards = await call('plans.create', 'mutation', { ...base, firstDay: '2025-06-04', lastDay: '2025-06-02' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toMatch(/ngày kết thúc trước ngày bắt đầu/);
      const tooLong = await call('plans.create', 'mutation', { ...base, lastDay: '2025-07-20' });
      expect(tooLong.body.error.message).toMatch(/tối đa 31 ngày/);
      const unknown = await call('plans.create', 'mutation', { ...base, communes: { codes: ['99999'] } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/Không có xã trong Tỉnh Hà Tĩnh: 99999/);
      // Hà Tĩnh is 42 in both structures: a 2025 team on a pre-2025 plan is told which, not "another province"
      const team2025 = (await ok('teams.create', 'mutation', { structure: '2025', provinceCode: '42', name: 'Đoàn 2025' })).id;
      const otherStructure = await call('plans.create', 'mutation', { ...base, teamIds: [team2025] });
      expect(otherStructure.status).toBe(400);
      expect(otherStructure.body.error.message).toMatch(/^Kế hoạch lập theo đơn vị hành chính trước 01\/07\/2025, đoàn sau lập theo hệ đơn vị kia: Đoàn 2025/);
      const notADate = await call('plans.create', 'mutation', { ...base, firstDay: '2025-02-30' });
      expect(notADate.status).toBe(400);
      const hours = await call('teams.update', 'mutation', { id: teams[0], settings: { dayStart: '17:00', dayEnd: '07:30' } });
      expect(hours.status).toBe(400);
      expect(hours.body.error.message).toMatch(/Giờ kết thúc \(07:30\) phải sau giờ bắt đầu \(17:00\)/);
      const abroad = await call('teams.update', 'mutation', { id: teams[0], settings: { base: { kind: 'point', lon: 100.5, lat: 13.75, label: 'Bangkok' } } });
      expect(abroad.status).toBe(400);
      expect(abroad.body.error.message).toMatch(/ngoài Việt Nam/);
    });
  });
}
