// priority.rank through tRPC on a demo-seeded database, on every dialect: the ranking is ordered
// and its contributions add up; percentiles are what the map's own values give; worse data never
// lowers a commune's score; coverage factors follow projects and visits across the 2025
// crosswalk; filters and the caller's scope hold; bad weights are refused with a reason.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { bumpDataVersion } from '../../server/indicators/values-cache.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const HIGHEST_NEED = { poor_rate: 3, near_poor_rate: 1, poor: 2, poor_district: 1, coastal: 1 };
type Ranking = Awaited<ReturnType<SeededApp['caller']['priority']['rank']>>;
const column = (r: Ranking, key: string) => r.factors.findIndex((f) => f.key === key);
const valueOf = (r: Ranking, code: string, key: string) => r.rows.find((row) => row.code === code)!.values[column(r, key)];

for (const dialect of dialectsUnderTest()) {
  describe(`priority.rank (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      await seedDemo(app.database.db);
      // the next request after a long synchronous seed can meet a stale keep-alive socket
      await new Promise((resolve) => setTimeout(resolve, 50));
    }, 180_000);
    afterAll(() => app?.close());

    it('ranks every 2025 commune, best first, ranks shared by ties, points adding up to the score', async () => {
      const r = await app.caller.priority.rank({ structure: '2025', year: 2025, weights: HIGHEST_NEED });
      expect(r.rows.length).toBe(3321);
      expect(r.compared).toBe(3321);
      expect(r.factors.map((f) => f.key)).toEqual(['poor_rate', 'near_poor_rate', 'poor', 'poor_district', 'coastal']);
      expect(r.simulated).toBe(true);
      for (let i = 1; i < r.rows.length; i++) {
        const [a, b] = [r.rows[i - 1]!, r.rows[i]!];
        if (a.score !== null && b.score !== null) expect(a.score).toBeGreaterThanOrEqual(b.score);
        expect(b.rank).toBe(a.score === b.score ? a.rank : i + 1);
      }
      for (const row of r.rows.slice(0, 50)) expect(row.points.reduce((s, p) => s + p, 0)).toBeCloseTo(row.score!, 1);
    });

    it('puts a commune at the percentile of its poor rate among all communes the map shows', async () => {
      const r = await app.caller.priority.rank({ structure: '2025', year: 2025, weights: { poor_rate: 1 } });
      const map = await app.caller.indicators.values({ structure: '2025', level: 'commune', year: 2025, indicator: 'poor_rate' });
      const known = map.values.filter((v): v is number => v !== null);
      for (const row of [r.rows[0]!, r.rows[1000]!, r.rows[2500]!]) {
        const value = map.values[map.codes.indexOf(row.code)]!;
        const below = known.filter((v) => v < value).length;
        const equal = known.filter((v) => v === value).length;
        expect(row.values[0]).toBeCloseTo(value, 2);
        expect(row.normalised[0]).toBeCloseTo((below + equal / 2) / known.length, 3);
        expect(row.score).toBeCloseTo((100 * (below + equal / 2)) / known.length, 1);
      }
    });

    it('never lowers a commune’s score when its poverty gets worse', async () => {
      const ask = () => app.caller.priority.rank({ structure: 'pre2025', year: 2024, weights: HIGHEST_NEED, filters: { provinces: ['54'] } });
      const before = await ask();
      const middle = before.rows[Math.floor(before.rows.length / 2)]!;
      await app.database.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('poverty_review')
          .set({ poor: sql`poor + 40`, near_poor: sql`case when near_poor >= 40 then near_poor - 40 else near_poor end` })
          .where('structure', '=', 'pre2025')
          .where('unit_code', '=', middle.code)
          .where('year', '=', 2024)
          .execute();
        await bumpDataVersion(trx);
      });
      const after = await ask();
      const moved = after.rows.find((row) => row.code === middle.code)!;
      expect(moved.values[column(after, 'poor')]).toBeGreaterThan(middle.values[column(before, 'poor')] as number);
      expect(moved.score!).toBeGreaterThan(middle.score!);
      expect(moved.rank).toBeLessThan(middle.rank);
    });

    it('filters by province, flag and threshold, and keeps a scoped planner to their province', async () => {
      const poorDistricts = await app.caller.priority.rank({ structure: 'pre2025', year: 2024, weights: HIGHEST_NEED, filters: { flags: ['poor_district'], thresholds: [{ factor: 'poor_rate', min: 10 }] } });
      expect(poorDistricts.rows.length).toBeGreaterThan(50);
      for (const row of poorDistricts.rows) {
        expect(row.values[column(poorDistricts, 'poor_district')]).toBe(1);
        expect(row.values[column(poorDistricts, 'poor_rate')] as number).toBeGreaterThanOrEqual(10);
      }
      const planner = await app.clientAs('plannerHaTinh');
      const own = await planner.priority.rank.query({ structure: 'pre2025', year: 2024, weights: HIGHEST_NEED });
      expect(own.rows.length).toBeGreaterThan(100);
      expect(new Set(own.rows.map((row) => row.provinceCode))).toEqual(new Set(['42']));
      // still compared with the whole country unless asked otherwise
      expect(own.compared).toBeGreaterThan(10_000);
      const among = await planner.priority.rank.query({ structure: 'pre2025', year: 2024, weights: HIGHEST_NEED, compareWith: 'selection' });
      expect(among.compared).toBe(own.rows.length);
    });

    it('gives a one-commune selection 50 points, and a commune without data no score, ranked last', async () => {
      const province = await app.caller.priority.rank({ structure: '2025', year: 2025, weights: { poor_rate: 1 }, filters: { provinces: ['66'] } });
      const highest = province.rows[0]!.values[0] as number;
      const alone = await app.caller.priority.rank({
        structure: '2025', year: 2025, weights: { poor_rate: 1, poor: 1 }, compareWith: 'selection',
        filters: { provinces: ['66'], thresholds: [{ factor: 'poor_rate', min: highest - 0.0005 }] },
      });
      // compared with itself only, the commune sits in the middle of every scale: 50, not NaN or 0
      expect(alone.rows.map((row) => [row.code, row.score, row.rank])).toEqual([[province.rows[0]!.code, 50, 1]]);
      expect(alone.compared).toBe(1);
      const noData = await app.caller.priority.rank({ structure: '2025', year: 2023, weights: { target_shortfall: 1 } });
      expect(noData.rows.at(-1)!.score).toBeNull();
      expect(noData.rows.at(-1)!.values).toEqual([null]);
    });

    it('counts months since the last visit and projects across the crosswalk', async () => {
      const db = app.database.db;
      const [link] = await db.selectFrom('unit_link').select(['from_code', 'to_code']).where('level', '=', 'commune').where('kind', '=', 'full').limit(1).execute();
      const team = await db.insertInto('team').values({ name: 'Đoàn kiểm thử', structure: 'pre2025', province_code: null, created_at: '2026-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
      const now = '2026-01-01T00:00:00Z';
      await db.insertInto('visit').values({ id: 'priority-test-visit', team_id: Number(team.id), structure: 'pre2025', unit_code: link!.from_code, status: 'done', planned_date: '2026-03-10', actual_date: '2026-03-10', created_at: now, updated_at: now }).execute();
      const rank = (structure: '2025' | 'pre2025', programmeProject: string | null = null) =>
        app.caller.priority.rank({ structure, year: structure === '2025' ? 2025 : 2024, weights: { months_since_visit: 1, no_project: 1 }, asOf: '2026-11-22', programmeProject });
      expect(valueOf(await rank('pre2025'), link!.from_code, 'months_since_visit')).toBe(8);
      expect(valueOf(await rank('2025'), link!.to_code, 'months_since_visit')).toBe(8);
      const before = valueOf(await rank('2025', 'DA6'), link!.to_code, 'no_project');
      await db.insertInto('project').values({
        programme_project: 'DA6', sub_project: null, structure: 'pre2025', unit_code: link!.from_code, title: 'Truyền thông giảm nghèo', budget_central: 100, budget_local: null, budget_other: null,
        households: null, start_date: '2024-02-01', end_date: null, status: 'in_progress', progress_pct: null, disbursed: null, source: 'kiểm thử', simulated: 0, import_id: null, created_at: now, updated_at: now,
      }).execute();
      expect([before, valueOf(await rank('2025', 'DA6'), link!.to_code, 'no_project')]).toEqual([before, 0]);
      expect(valueOf(await rank('pre2025', 'DA6'), link!.from_code, 'no_project')).toBe(0);
    });

    it('refuses weights that are all zero or name no factor, with the reason', async () => {
      const zero = await callProcedure(app.baseUrl, 'priority.rank', 'query', { structure: '2025', year: 2025, weights: { poor_rate: 0 } }, app.adminSession);
      expect(zero.status).toBe(400);
      expect(zero.body.error.message).toMatch(/ít nhất một trọng số/);
      const unknown = await callProcedure(app.baseUrl, 'priority.rank', 'query', { structure: '2025', year: 2025, weights: { wealth: 1 } }, app.adminSession);
      expect(unknown.status).toBe(400);
      const negative = await callProcedure(app.baseUrl, 'priority.rank', 'query', { structure: '2025', year: 2025, weights: { poor: -1 } }, app.adminSession);
      expect(negative.status).toBe(400);
    });
  });
}
