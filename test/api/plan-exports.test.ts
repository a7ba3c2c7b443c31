// /export/plan-itinerary.pdf, /export/plan-routes.gpx and /export/plan-routes.kml over HTTP on
// every dialect: a plan the Hà Tĩnh planner makes through plans.create comes out as a PDF with a
// page (or more) per team holding every stop with its arrival and the day totals, and as GPX/KML
// holding every routed stop once in the plan's order; the gate answers 401, 403, 404 and 400.
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, LineString, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationVi, kmVi } from '../../core/visit-plan/itinerary-format.ts';
import type { PlanView } from '../../core/visit-plan/plan-view.ts';
import { pdfLines } from '../unit/pdf-text.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import type { HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const xml = (text: string) =>
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');

const points = (features: Feature[]) => features.filter((f): f is Feature<Point> => f.geometry?.type === 'Point');
const lines = (features: Feature[]) => features.filter((f): f is Feature<LineString> => f.geometry?.type === 'LineString');

/** The plan's stops as "order. name", team by team, day by day, in visiting order. */
function stopNames(plan: PlanView): string[] {
  const names = new Map(plan.communes.map((c) => [c.code, c.name]));
  return plan.routes.flatMap((r) => r.stops.map((s) => `${s.order}. ${names.get(s.code)}`));
}

for (const dialect of dialectsUnderTest()) {
  describe(`visit plan files (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    let plan: PlanView;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      planner = await app.signIn('plannerHaTinh');
      const caller = app.callerAs(app.accounts.plannerHaTinh);
      // Hà Tĩnh's first district, its communes with short names (a name that wraps in its
      // column would be split across two text lines of the PDF)
      const [district] = await caller.units.children({ structure: 'pre2025', code: '42' });
      const communes = (await caller.units.children({ structure: 'pre2025', code: district!.code }))
        .filter((c) => c.level === 'commune' && c.name.length <= 16)
        .slice(0, 8);
      expect(communes.length).toBeGreaterThanOrEqual(6);
      const teamIds: number[] = [];
      for (const name of ['Đoàn 1 — Sở LĐ-TB&XH', 'Đoàn 2 "Hương Sơn" <A>']) {
        const team = await caller.teams.create({ structure: 'pre2025', provinceCode: '42', name });
        await caller.teams.update({ id: team.id, settings: { base: { kind: 'unit', structure: 'pre2025', code: district!.code }, dayStart: '07:30', dayEnd: '11:30', serviceMinutes: 60 } });
        teamIds.push(team.id);
      }
      await caller.teams.setMembers({ id: teamIds[0]!, members: [{ userId: null, displayName: 'Nguyễn Thị Hằng', roleInTeam: 'Trưởng đoàn' }, { userId: null, displayName: 'Lê Văn Tú', roleInTeam: null }] });
      const created = await caller.plans.create({
        name: 'Giám sát Hà Tĩnh — đợt 1/2026',
        structure: 'pre2025',
        provinceCode: '42',
        firstDay: '2026-11-23',
        lastDay: '2026-11-24',
        teamIds,
        communes: { codes: communes.map((c) => c.code) },
        timeLimitSeconds: 0.5,
      });
      plan = (await caller.plans.get({ id: created.plan.id })).plan;
    }, 180_000);
    afterAll(() => app?.close());

    const get = (path: string, session: HttpSession | null = planner) => fetch(`${app.baseUrl}${path}`, { headers: session ? { cookie: session.cookie } : {} });

    it('made a plan with both teams on the road', () => {
      expect(new Set(plan.routes.map((r) => r.teamId)).size).toBe(2);
      expect(plan.routes.length).toBeGreaterThanOrEqual(3);
    });

    it('prints a PDF with a page or more per team: every stop with its arrival, the day totals', async () => {
      const response = await get(`/export/plan-itinerary.pdf?planId=${plan.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain('attachment; filename="lich-trinh-giam-sat-ha-tinh-dot-1-2026.pdf"');
      const pages = await pdfLines(new Uint8Array(await response.arrayBuffer()));
      const names = new Map(plan.communes.map((c) => [c.code, c.name]));
      for (const team of plan.teams) {
        const first = pages.findIndex((p) => p[0] === 'LỊCH TRÌNH GIÁM SÁT' && p[1] === team.name);
        expect(first, team.name).toBeGreaterThanOrEqual(0);
        // the team's pages: its first, then its continuation pages
        let last = first;
        while (pages[last + 1]?.[0] === `LỊCH TRÌNH GIÁM SÁT — ${team.name} (tiếp)`) last++;
        const text = pages.slice(first, last + 1).flat();
        // who goes, for the first team (the second has no members)
        const members = text.filter((l) => l.startsWith('Thành viên:'));
        expect(members, team.name).toEqual(team.id === plan.teams[0]!.id ? ['Thành viên: Nguyễn Thị Hằng (Trưởng đoàn); Lê Văn Tú'] : []);
        for (const route of plan.routes.filter((r) => r.teamId === team.id)) {
          for (const stop of route.stops) {
            const row = text.find((l) => l.startsWith(`${stop.order} | ${names.get(stop.code)} | `) && l.includes(` | ${stop.arrival} | `));
            expect(row, `${team.name} ${route.day} ${stop.order}`).toBeDefined();
          }
          expect(text.some((l) => l.startsWith(`Cộng ngày: ${kmVi(route.distanceKm)}; di chuyển ${durationVi(route.travelMinutes)};`)), route.day).toBe(true);
        }
      }
    });

    it('prints one team alone, named in the file name', async () => {
      const team = plan.teams[1]!;
      const response = await get(`/export/plan-itinerary.pdf?planId=${plan.id}&teamId=${team.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('filename="lich-trinh-giam-sat-ha-tinh-dot-1-2026-doan-2-huong-son-a.pdf"');
      const disposition = response.headers.get('content-disposition')!;
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe('Lịch trình - Giám sát Hà Tĩnh — đợt 1-2026 - Đoàn 2 Hương Sơn A.pdf');
      const pages = await pdfLines(new Uint8Array(await response.arrayBuffer()));
      expect(pages.every((p) => p.some((l) => l.includes(team.name)))).toBe(true);
      expect(pages.flat().some((l) => l.includes(plan.teams[0]!.name))).toBe(false);
    });

    it('writes GPX with every routed stop once, in the plan\'s order, and a route per team and day', async () => {
      const response = await get(`/export/plan-routes.gpx?planId=${plan.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/gpx+xml');
      expect(response.headers.get('content-disposition')).toContain('filename="tuyen-duong-giam-sat-ha-tinh-dot-1-2026.gpx"');
      const features = gpx(xml(await response.text())).features;
      expect(points(features).map((f) => f.properties!.name)).toEqual(stopNames(plan));
      expect(lines(features)).toHaveLength(plan.routes.length);
      const communes = new Map(plan.communes.map((c) => [c.code, c]));
      const first = plan.routes[0]!;
      const line = lines(features)[0]!.geometry.coordinates;
      // base, the stops in order (lon, lat), then back to base
      expect(line.slice(1, 1 + first.stops.length)).toEqual(first.stops.map((s) => [communes.get(s.code)!.lon, communes.get(s.code)!.lat].map((v) => Number(v.toFixed(6)))));
    });

    it('writes KML with every routed stop once, in the plan\'s order', async () => {
      const response = await get(`/export/plan-routes.kml?planId=${plan.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.google-earth.kml+xml');
      const features = kml(xml(await response.text())).features as Feature[];
      const stops = points(features).map((f) => f.properties!.name as string).filter((n) => /^\d+\. /.test(n));
      expect(stops).toEqual(stopNames(plan));
      expect(lines(features)).toHaveLength(plan.routes.length);
    });

    it('refuses a Phú Yên supervisor (403), no session (401), an unknown plan or team (404), bad parameters (400)', async () => {
      const supervisor = await app.signIn('supervisorPhuYen');
      for (const file of ['plan-itinerary.pdf', 'plan-routes.gpx', 'plan-routes.kml']) {
        expect((await get(`/export/${file}?planId=${plan.id}`, supervisor)).status, file).toBe(403);
        expect((await get(`/export/${file}?planId=${plan.id}`, null)).status, file).toBe(401);
        expect((await get(`/export/${file}?planId=987654`)).status, file).toBe(404);
      }
      const noTeam = await get(`/export/plan-routes.gpx?planId=${plan.id}&teamId=987654`);
      expect(noTeam.status).toBe(404);
      expect(await noTeam.text()).toContain('Kế hoạch không có đoàn số 987654');
      for (const query of ['', '?planId=abc', '?planId=0', `?planId=${plan.id}&planId=${plan.id}`, `?planId=${plan.id}&teamId=-1`, `?planId=${plan.id}&x=1`]) {
        const response = await get(`/export/plan-itinerary.pdf${query}`);
        expect(response.status, query).toBe(400);
        expect(await response.text(), query).toMatch(/^(planId|teamId|x): /);
      }
    });
  });
}
