// The demo seed's simulated programme activity against a real database (SQLite always,
// PostgreSQL when DATABASE_URL is set): projects, teams, members and visits are written with the
// rest of the demo data, follow the programme's rules in SQL, link the demo supervisor, and a
// re-seed replaces them without doubling them or touching imported rows.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_SOURCE_PREFIX } from '../../core/simulate/sources.ts';
import { ensureDemoAccounts } from '../../server/auth/demo-accounts.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { defaultRegistryPath } from '../../server/db/seed/registry-file.ts';
import { seedRegistry } from '../../server/db/seed/seed-registry.ts';
import { DEMO_PLAN_NAME, ensureDemoPlan, vietnamDate } from '../../server/demo/demo-plan.ts';
import { seedDemo, type DemoSeedReport } from '../../server/demo/seed-demo.ts';
import { formatDemoReport } from '../../server/demo/summary.ts';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from './support/dialects.ts';
import { requireGeodataBuild } from './support/seeded-app.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`demo seed: projects, teams, visits (${dialect})`, () => {
    let database: TestDatabase;
    let report: DemoSeedReport;
    const count = async (table: 'project' | 'team' | 'team_member' | 'visit') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      requireGeodataBuild();
      database = await createTestDatabase(dialect);
      await migrateToLatest(database);
      await seedRegistry(database.db, { registryFile: defaultRegistryPath(), force: true });
      // the demo accounts exist, as on a second `npm start`
      await ensureDemoAccounts(database.db, () => new Date());
      report = await seedDemo(database.db);
    }, 120_000);
    afterAll(() => database?.dispose());

    it('writes the generated rows, simulated and marked, and links the demo supervisor', async () => {
      const a = report.activity!;
      expect(a.projects.length).toBeGreaterThan(5000);
      expect(await count('project')).toBe(a.projects.length);
      expect(await count('team')).toBe(a.teams.length);
      expect(await count('visit')).toBe(a.visits.length);
      expect(await count('team_member')).toBe(a.members.length + 1);
      const sources = await database.db.selectFrom('project').select(['simulated', 'source']).distinct().execute();
      expect(sources.every((r) => Number(r.simulated) === 1 && r.source!.startsWith(SIMULATED_SOURCE_PREFIX))).toBe(true);
      const linked = await database.db
        .selectFrom('team_member as m')
        .innerJoin('team as t', 't.id', 'm.team_id')
        .innerJoin('app_user as u', 'u.id', 'm.user_id')
        .select(['u.username', 't.name', 't.structure', 't.province_code'])
        .execute();
      expect(linked).toEqual([{ username: 'demo-supervisor', name: 'Đoàn giám sát số 1 – Sở LĐ-TB&XH Phú Yên (mô phỏng)', structure: 'pre2025', province_code: '54' }]);
      const printed = formatDemoReport(report);
      expect(printed).toContain('simulated activity generated in');
      console.info(printed.split('\n').filter((l) => /activity|^  (project|team|visit)|DA2 projects|outings|team member/.test(l)).join('\n'));
    });

    it('puts DA1 only in communes of poor districts or coastal/island communes (QĐ 353), pre-2025', async () => {
      const wrong = await sql<{ n: number }>`
        select count(*) as n from project p
        join unit c on c.structure = p.structure and c.code = p.unit_code
        left join unit d on d.structure = c.structure and d.code = c.parent_code and c.level = 'commune'
        where p.programme_project = 'DA1' and p.structure = 'pre2025'
          and c.coastal_extremely_difficult = 0 and coalesce(d.poor_district, c.poor_district) = 0`.execute(database.db);
      expect(Number(wrong.rows[0].n)).toBe(0);
      const overBudget = await sql<{ n: number }>`
        select count(*) as n from project
        where disbursed > budget_central + budget_local + budget_other or start_date > end_date`.execute(database.db);
      expect(Number(overBudget.rows[0].n)).toBe(0);
    });

    it('has every visit in its team’s province and structure, and leaves most communes unvisited', async () => {
      const outside = await sql<{ n: number }>`
        select count(*) as n from visit v
        join team t on t.id = v.team_id
        join unit u on u.structure = v.structure and u.code = v.unit_code
        where u.province_code <> t.province_code or u.structure <> t.structure`.execute(database.db);
      expect(Number(outside.rows[0].n)).toBe(0);
      const visited = await sql<{ n: number }>`select count(distinct unit_code) as n from visit where structure = 'pre2025'`.execute(database.db);
      const communes = await sql<{ n: number }>`select count(*) as n from unit where structure = 'pre2025' and level = 'commune'`.execute(database.db);
      expect(Number(visited.rows[0].n) / Number(communes.rows[0].n)).toBeLessThan(0.5);
      const row = await database.db.selectFrom('visit').select(['findings', 'follow_ups', 'lon', 'lat', 'status']).limit(1).executeTakeFirstOrThrow();
      expect(Object.keys(JSON.parse(row.findings!))).toEqual(['planning', 'beneficiary_selection', 'procurement', 'disbursement', 'results', 'problems', 'recommendations']);
      expect(JSON.parse(row.follow_ups!)[0]).toMatchObject({ action: expect.any(String), owner: expect.any(String), due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), done: expect.any(Boolean) });
      expect(row).toMatchObject({ lon: null, lat: null, status: 'done' });
    });

    it('re-seeds without doubling, keeps team ids and never touches imported rows', async () => {
      const teamsBefore = await database.db.selectFrom('team').select(['id', 'name']).orderBy('id').execute();
      const someTeam = teamsBefore[0];
      const now = new Date().toISOString();
      // a user's own team and imported rows, one of them a visit on a demo team
      const userTeam = await database.db.insertInto('team').values({ name: 'Đoàn kiểm tra huyện Đồng Xuân', structure: 'pre2025', province_code: '54', created_at: now }).returning('id').executeTakeFirstOrThrow();
      await database.db
        .insertInto('project')
        .values({ programme_project: 'DA2', sub_project: null, structure: 'pre2025', unit_code: '22015', title: 'Mô hình nuôi bò (nhập từ tệp)', budget_central: 500, budget_local: 50, budget_other: 0, households: 10, start_date: '2023-03-01', end_date: '2024-03-01', status: 'completed', progress_pct: 100, disbursed: 540, source: 'Sở LĐ-TB&XH', simulated: 0, import_id: 5, created_at: now, updated_at: now })
        .execute();
      await sql`insert into visit (id, team_id, structure, unit_code, planned_date, actual_date, status, created_at, updated_at, import_id)
        values ('import-abc', ${someTeam.id}, 'pre2025', '22015', '2024-05-10', '2024-05-10', 'done', ${now}, ${now}, 9)`.execute(database.db);
      await database.db.insertInto('team_member').values({ team_id: userTeam.id, user_id: null, display_name: 'Trần Văn Bình', role_in_team: 'Trưởng đoàn' }).execute();

      const again = await seedDemo(database.db, { force: true });
      const a = again.activity!;
      expect(again.written!.activity!.deleted).toEqual({ project: a.projects.length, team: 0, team_member: a.members.length + 1, visit: a.visits.length });
      expect(await count('project')).toBe(a.projects.length + 1);
      expect(await count('visit')).toBe(a.visits.length + 1);
      expect(await count('team')).toBe(a.teams.length + 1);
      expect(await count('team_member')).toBe(a.members.length + 2);
      expect(await database.db.selectFrom('team').select(['id', 'name']).where('id', '!=', userTeam.id).orderBy('id').execute()).toEqual(teamsBefore);
      expect(await database.db.selectFrom('visit').select('team_id').where('id', '=', 'import-abc').executeTakeFirst()).toEqual({ team_id: someTeam.id });
      expect(Number((await database.db.selectFrom('project').select((eb) => eb.fn.countAll().as('n')).where('import_id', '=', 5).executeTakeFirstOrThrow()).n)).toBe(1);
      const duplicates = await sql<{ n: number }>`select count(*) as n from (select name from team group by name having count(*) > 1) d`.execute(database.db);
      expect(Number(duplicates.rows[0].n)).toBe(0);
      console.info(`activity on ${dialect}: generate ${again.ms.activity.toFixed(0)} ms of ${again.ms.generate.toFixed(0)}, write (all) ${again.ms.write.toFixed(0)} ms, total ${again.ms.total.toFixed(0)} ms`);
    }, 120_000);

    it('links the demo supervisor on a skipped run when the account came later', async () => {
      await database.db.deleteFrom('team_member').where('user_id', 'is not', null).execute();
      const skipped = await seedDemo(database.db);
      expect(skipped.skipped).toBe(true);
      expect(skipped.linkedAccounts).toEqual(['demo-supervisor → Đoàn giám sát số 1 – Sở LĐ-TB&XH Phú Yên (mô phỏng)']);
      expect((await seedDemo(database.db)).linkedAccounts).toEqual([]);
    });

    it('starts demo teams from their provincial seat: the province’s first district by GSO code, for a 2025 province the seat of the old province with its code', async () => {
      const baseOf = (structure: '2025' | 'pre2025', code: string) =>
        database.db.selectFrom('team').select(['base_kind', 'base_structure', 'base_code', 'base_label', 'base_lon', 'base_lat']).where('structure', '=', structure).where('province_code', '=', code).where('name', 'like', '%(mô phỏng)').execute();
      for (const team of await baseOf('pre2025', '54')) expect(team).toMatchObject({ base_kind: 'unit', base_structure: 'pre2025', base_code: '555' }); // Thành phố Tuy Hòa
      // 2025 Lào Cai took Yên Bái's code 15 and its seat; 2025 Đắk Lắk 66 kept Buôn Ma Thuột
      for (const [code, seat] of [['15', 'Thành phố Yên Bái'], ['66', 'Thành phố Buôn Ma Thuột']] as const) {
        const teams = await baseOf('2025', code);
        expect(teams.length).toBeGreaterThan(0);
        for (const team of teams) expect(team).toMatchObject({ base_kind: 'point', base_label: `${seat} (trước 01/07/2025) — trụ sở tỉnh` });
      }
      // a base left at the province's middle by an earlier version moves to the seat on the next (skipped) seed
      await database.db.updateTable('team').set({ base_kind: 'unit', base_structure: 'pre2025', base_code: '42', base_lon: null, base_lat: null, base_label: null }).where('structure', '=', 'pre2025').where('province_code', '=', '42').execute();
      expect((await seedDemo(database.db)).skipped).toBe(true);
      for (const team of await baseOf('pre2025', '42')) expect(team).toMatchObject({ base_kind: 'unit', base_code: '436' }); // Thành phố Hà Tĩnh
    });

    it('gives the demo supervisor a published plan from today, kept while it lasts and made anew after', { timeout: 60_000 }, async () => {
      // 2026-11-23 is a Monday: the two teams have five working days in the plan's seven
      let now = new Date('2026-11-23T01:00:00Z');
      const clock = () => now;
      const made = await ensureDemoPlan(database.db, clock);
      expect(made.outcome).toBe('made');
      const plan = await database.db.selectFrom('visit_plan').selectAll().where('id', '=', made.planId!).executeTakeFirstOrThrow();
      expect([plan.name, plan.status, plan.first_day, plan.last_day]).toEqual([DEMO_PLAN_NAME, 'published', '2026-11-23', '2026-11-29']);
      const supervisorTeam = await database.db
        .selectFrom('team_member as m').innerJoin('app_user as u', 'u.id', 'm.user_id').select('m.team_id').where('u.username', '=', 'demo-supervisor')
        .executeTakeFirstOrThrow();
      const visits = await database.db.selectFrom('visit').select(['team_id', 'planned_date', 'status', 'simulated', 'structure']).where('route_plan_id', 'in',
        database.db.selectFrom('route_plan').select('id').where('plan_id', '=', made.planId!)).execute();
      expect(visits.length).toBeGreaterThan(0);
      for (const v of visits) expect([v.status, Number(v.simulated), v.structure]).toEqual(['planned', 1, 'pre2025']);
      // the supervisor's own team goes out on the first day
      expect(visits.some((v) => Number(v.team_id) === Number(supervisorTeam.team_id) && v.planned_date === '2026-11-23')).toBe(true);

      expect(await ensureDemoPlan(database.db, clock)).toEqual({ planId: made.planId, outcome: 'kept' });
      now = new Date('2026-12-01T01:00:00Z');
      const again = await ensureDemoPlan(database.db, clock);
      expect(again.outcome).toBe('made');
      const plans = await database.db.selectFrom('visit_plan').select(['id', 'first_day']).where('name', '=', DEMO_PLAN_NAME).execute();
      expect(plans).toEqual([{ id: again.planId, first_day: vietnamDate(now) }]);
    });
  });
}
