// visits.today: the day's pack a supervision team member takes into the field. Only the caller's
// own teams; the published plan's order and arrival times; the same figures as indicators.unit;
// projects and open follow-ups; the boundary of a pre-2025 commune through the crosswalk; and a
// GPS check-in sent with visits.sync judged inside or outside that boundary and stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { communesOf, type Commune } from './support/import-files.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const TODAY = '2025-06-10';
const TOMORROW = '2025-06-11';

interface Stop {
  visitId: string;
  teamId: number;
  code: string;
  structure: string;
  order: number;
  arrival: string | null;
  status: string;
  updatedAt: string;
  checkin: string | null;
  checkinDistanceM: number | null;
}

for (const dialect of dialectsUnderTest()) {
  describe(`visits.today (${dialect})`, () => {
    let app: SeededApp;
    let supervisor: HttpSession;
    let ownTeam: number;
    let otherTeam: number;
    let phuYen: Commune[];
    /** A 2025 commune that pre-2025 phuYen[0] went into. */
    let successor: string;
    const planned: Record<string, string> = {};

    const call = async (path: string, type: 'query' | 'mutation', input: unknown, session: HttpSession) => {
      const answer = await callProcedure(app.baseUrl, path, type, input, session);
      return answer;
    };
    const today = async (input: object, session: HttpSession = supervisor) => {
      const answer = await call('visits.today', 'query', input, session);
      expect(answer.status, answer.text).toBe(200);
      return answer.body.result.data;
    };
    const sync = async (visits: object[], session: HttpSession) => {
      const answer = await call('visits.sync', 'mutation', { visits }, session);
      expect(answer.status, answer.text).toBe(200);
      return answer.body.result.data.outcomes as { id: string; result: string; updatedAt: string; checkin: { verdict: string; distanceM: number | null } | null }[];
    };
    const plannedVisit = (team: number, structure: string, unitCode: string, plannedDate = TODAY) => ({
      id: randomUUID(),
      teamId: team,
      structure,
      unitCode,
      plannedDate,
      status: 'planned',
    });

    beforeAll(async () => {
      app = await startSeededApp(dialect);
      const db = app.database.db;
      const now = new Date().toISOString();
      const team = async (name: string) => Number((await db.insertInto('team').values({ name, structure: 'pre2025', province_code: '54', created_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      ownTeam = await team('Đoàn giám sát số 1 – Phú Yên (kiểm thử)');
      otherTeam = await team('Đoàn giám sát số 2 – Phú Yên (kiểm thử)');
      await db.insertInto('team_member').values({ team_id: ownTeam, user_id: app.accounts.supervisorPhuYen.id, display_name: 'Giám sát viên', role_in_team: 'thành viên' }).execute();
      phuYen = (await communesOf(db, 'pre2025', '54')).slice(0, 8);
      successor = (await db.selectFrom('unit_link').select('to_code').where('from_structure', '=', 'pre2025').where('from_code', '=', phuYen[0]!.code).where('to_structure', '=', '2025').orderBy('to_code').executeTakeFirstOrThrow()).to_code;

      // the planner (here the admin) plans the days through the phone's own procedure
      const visits = {
        a: plannedVisit(ownTeam, 'pre2025', phuYen[0]!.code),
        b: plannedVisit(ownTeam, 'pre2025', phuYen[1]!.code),
        c: plannedVisit(ownTeam, 'pre2025', phuYen[2]!.code),
        new: plannedVisit(ownTeam, '2025', successor),
        tomorrow: plannedVisit(ownTeam, 'pre2025', phuYen[3]!.code, TOMORROW),
        lastWeek: plannedVisit(ownTeam, 'pre2025', phuYen[4]!.code, '2025-06-05'),
        longAgo: plannedVisit(ownTeam, 'pre2025', phuYen[5]!.code, '2025-05-01'),
        otherTeam: plannedVisit(otherTeam, 'pre2025', phuYen[6]!.code),
      };
      const outcomes = await sync(Object.values(visits), app.adminSession);
      expect(outcomes.map((o) => o.result)).toEqual(Object.values(visits).map(() => 'created'));
      for (const [key, v] of Object.entries(visits)) planned[key] = v.id;

      // a published plan routes c then a (arrival times), b was added by hand afterwards
      const plan = await db
        .insertInto('route_plan')
        .values({
          team_id: ownTeam,
          plan_date: TODAY,
          stops: JSON.stringify([
            { code: phuYen[2]!.code, order: 1, arrival: '08:10', start: '08:10', end: '09:10', travelMinutes: 40, distanceKm: 30, locked: false },
            { code: phuYen[0]!.code, order: 2, arrival: '09:35', start: '09:35', end: '10:35', travelMinutes: 25, distanceKm: 18, locked: false },
          ]),
          matrix_source: 'great-circle',
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('visit').set({ route_plan_id: Number(plan.id) }).where('id', 'in', [planned.a!, planned.c!]).execute();

      // what to look at in commune a: its review figures, a project, an earlier visit's follow-ups
      await db
        .insertInto('poverty_review')
        .values({ structure: 'pre2025', unit_code: phuYen[0]!.code, year: 2024, poverty_standard: 'ND07_2021', households: 1250, poor: 61, near_poor: 97, escaped: 12, newly_poor: 3, re_poor: 1, source: 'Kiểm thử', simulated: 0, import_id: null })
        .execute();
      await db
        .insertInto('project')
        .values({ programme_project: 'DA4', sub_project: 'TDA1', structure: 'pre2025', unit_code: phuYen[0]!.code, title: 'Lớp đào tạo nghề may (kiểm thử)', budget_central: 200, budget_local: 15, budget_other: null, households: 30, start_date: '2025-03-01', end_date: '2025-12-31', status: 'in_progress', progress_pct: 45, disbursed: 52.5, source: 'Kiểm thử', simulated: 0, import_id: null, created_at: now, updated_at: now })
        .execute();
      await sync(
        [
          {
            id: randomUUID(),
            teamId: ownTeam,
            structure: 'pre2025',
            unitCode: phuYen[0]!.code,
            actualDate: '2025-04-20',
            status: 'done',
            followUps: [
              { action: 'Bổ sung biên bản họp bình xét', owner: 'UBND xã', due: '2025-05-30', done: false },
              { action: 'Niêm yết công khai danh sách', owner: 'Trưởng thôn', due: '2025-05-15', done: true },
            ],
          },
        ],
        app.adminSession,
      );
      supervisor = await app.signIn('supervisorPhuYen');
    }, 120_000);
    afterAll(() => app?.close());

    it("answers only the caller's teams' visits of the day, in the plan's order, and the days around", async () => {
      const day = await today({ date: TODAY });
      expect(day.teams.map((t: { id: number }) => t.id)).toEqual([ownTeam]);
      const stops = day.stops as Stop[];
      expect(stops.map((s) => s.visitId)).not.toContain(planned.otherTeam);
      // routed stops in the plan's order with its arrival times, then those planned by hand by name
      expect(stops.slice(0, 2).map((s) => [s.visitId, s.order, s.arrival])).toEqual([
        [planned.c, 1, '08:10'],
        [planned.a, 2, '09:35'],
      ]);
      expect(new Set(stops.slice(2).map((s) => s.visitId))).toEqual(new Set([planned.b, planned.new]));
      expect(stops.slice(2).every((s) => s.arrival === null)).toBe(true);
      expect(stops.map((s) => s.status)).toEqual(['planned', 'planned', 'planned', 'planned']);
      // 7 days back, 14 ahead: 1 May is too early
      expect(day.days).toEqual([
        { date: '2025-06-05', visits: 1 },
        { date: TODAY, visits: 4 },
        { date: TOMORROW, visits: 1 },
      ]);
      expect((await today({ date: TOMORROW })).stops.map((s: Stop) => s.visitId)).toEqual([planned.tomorrow]);
    });

    it('gives each commune the figures indicators.unit answers, its projects and the follow-ups still open', async () => {
      const day = await today({ date: TODAY });
      const commune = day.communes.find((c: { structure: string; code: string }) => c.structure === 'pre2025' && c.code === phuYen[0]!.code);
      const unit = (await call('indicators.unit', 'query', { structure: 'pre2025', code: phuYen[0]!.code }, supervisor)).body.result.data;
      const latest = unit.years.at(-1);
      expect(commune.figures).toMatchObject({
        year: latest.year,
        households: latest.counts.households,
        poor: latest.counts.poor,
        nearPoor: latest.counts.near_poor,
        poorRate: latest.poorRate,
        nearPoorRate: latest.nearPoorRate,
        simulated: false,
      });
      expect(commune.figures).toMatchObject({ year: 2024, households: 1250, poor: 61 });
      expect(commune.projects).toEqual([expect.objectContaining({ programmeProject: 'DA4', title: 'Lớp đào tạo nghề may (kiểm thử)', status: 'in_progress', progressPct: 45, budget: 215, recordedOn: null })]);
      expect(commune.openFollowUps.map((f: { action: string }) => f.action)).toEqual(['Bổ sung biên bản họp bình xét']);
      // the 2025 commune it went into sees the old commune's project through the crosswalk
      const merged = day.communes.find((c: { structure: string; code: string }) => c.structure === '2025' && c.code === successor);
      expect(merged.projects.map((p: { recordedOn: { code: string } | null }) => p.recordedOn?.code)).toContain(phuYen[0]!.code);
    });

    it("draws a 2025 commune's own polygon, and a pre-2025 commune through the 2025 commune(s) it went into", async () => {
      const day = await today({ date: TODAY });
      const byKey = new Map(day.communes.map((c: { structure: string; code: string }) => [`${c.structure}/${c.code}`, c]));
      const own = byKey.get(`2025/${successor}`) as { boundary: { via: string; features: { properties: { code: string }; geometry: { type: string } }[] } };
      expect(own.boundary.via).toBe('own');
      expect(own.boundary.features.map((f) => f.properties.code)).toEqual([successor]);
      expect(['Polygon', 'MultiPolygon']).toContain(own.boundary.features[0]!.geometry.type);

      const old = byKey.get(`pre2025/${phuYen[0]!.code}`) as { boundary: { via: string; note: string; features: { properties: { code: string; structure: string } }[] } };
      const successors = (await call('units.successors', 'query', { code: phuYen[0]!.code }, supervisor)).body.result.data;
      const successorCodes = (Array.isArray(successors) ? successors : successors.successors).map((s: { unit: { code: string } }) => s.unit.code).sort();
      expect(old.boundary.via).toBe('crosswalk');
      expect(old.boundary.features.map((f) => f.properties.code).sort()).toEqual(successorCodes);
      expect(old.boundary.features.every((f) => f.properties.structure === '2025')).toBe(true);
      expect(old.boundary.note).toMatch(/chưa có ranh giới riêng/);
    });

    it("keeps supervisors to their own teams; planners to teams of their scope", async () => {
      const refused = await call('visits.today', 'query', { date: TODAY, teamId: otherTeam }, supervisor);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/không thuộc đoàn/);
      const haTinh = await call('visits.today', 'query', { date: TODAY, teamId: ownTeam }, await app.signIn('plannerHaTinh'));
      expect(haTinh.status).toBe(403);
      const admin = await today({ date: TODAY, teamId: otherTeam }, app.adminSession);
      expect(admin.stops.map((s: Stop) => s.visitId)).toEqual([planned.otherTeam]);
      // the admin is in no team: without teamId the day is empty
      expect((await today({ date: TODAY }, app.adminSession)).stops).toEqual([]);
    });

    it('judges a GPS check-in inside or outside the boundary, stores it, and answers it', async () => {
      const day = await today({ date: TODAY });
      const stop = (day.stops as Stop[]).find((s) => s.visitId === planned.new)!;
      const unit = (await call('units.get', 'query', { structure: '2025', code: successor }, supervisor)).body.result.data;
      const [lon, lat] = unit.labelPoint as [number, number];
      const done = { id: stop.visitId, teamId: ownTeam, structure: '2025', unitCode: successor, plannedDate: TODAY, actualDate: TODAY, status: 'done', findings: { planning: 'Đúng kế hoạch' } };
      const [inside] = await sync([{ ...done, lon, lat, baseUpdatedAt: stop.updatedAt }], supervisor);
      expect(inside).toMatchObject({ result: 'updated', checkin: { verdict: 'inside', distanceM: null } });

      // the same visit, the point moved 0.3° (about 30 km) east: out at sea or in another commune
      const [outside] = await sync([{ ...done, lon: lon + 0.3, lat, baseUpdatedAt: inside!.updatedAt }], supervisor);
      expect(outside!.result).toBe('updated');
      expect(outside!.checkin!.verdict).toBe('outside');
      expect(outside!.checkin!.distanceM).toBeGreaterThan(1000);
      const row = await app.database.db.selectFrom('visit').select(['checkin', 'checkin_distance_m']).where('id', '=', stop.visitId).executeTakeFirstOrThrow();
      expect(row.checkin).toBe('outside');
      expect(Number(row.checkin_distance_m)).toBe(outside!.checkin!.distanceM);
      const after = ((await today({ date: TODAY })).stops as Stop[]).find((s) => s.visitId === stop.visitId)!;
      expect(after).toMatchObject({ status: 'done', checkin: 'outside', checkinDistanceM: outside!.checkin!.distanceM });
      // a re-send is unchanged and answers the stored verdict
      const [again] = await sync([{ ...done, lon: lon + 0.3, lat, baseUpdatedAt: inside!.updatedAt }], supervisor);
      expect(again).toMatchObject({ result: 'unchanged', checkin: { verdict: 'outside' } });

      // a pre-2025 commune is judged against the 2025 commune it went into
      const [old] = await sync([{ id: planned.a!, teamId: ownTeam, structure: 'pre2025', unitCode: phuYen[0]!.code, plannedDate: TODAY, actualDate: TODAY, status: 'done', lon, lat, baseUpdatedAt: ((day.stops as Stop[]).find((s) => s.visitId === planned.a))!.updatedAt }], supervisor);
      expect(old).toMatchObject({ result: 'updated', checkin: { verdict: 'inside' } });
    });
  });
}
