// exports.table over tRPC on every dialect ("the same through the API"): json columns and rows
// equal to indicators.values and poverty_review, csv text, the programme tables (targets,
// projects, visits) with their units' names, and the same scope as everywhere else.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const HOA_DONG = '22276'; // Xã Hòa Đồng, Huyện Tây Hòa 562, Phú Yên 54

for (const dialect of dialectsUnderTest()) {
  describe(`exports.table (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    let haTinhCommune: string;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      await seedDemo(app.database.db);
      // The seed blocks the event loop (server and client alike) longer than HTTP keep-alive:
      // let both sides' expired idle-socket timers run before the next request, or it may be
      // sent on a socket the server is closing (ECONNRESET).
      await new Promise((resolve) => setTimeout(resolve, 50));
      planner = await app.signIn('plannerHaTinh');
      const db = app.database.db;
      haTinhCommune = (await db.selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('level', '=', 'commune').where('province_code', '=', '42').orderBy('code').executeTakeFirstOrThrow()).code;
      const now = new Date().toISOString();
      const project = (unit_code: string, title: string) => ({
        programme_project: 'DA3', sub_project: 'TDA1', structure: 'pre2025' as const, unit_code, title, budget_central: 1250.5, budget_local: 300,
        budget_other: null, households: 42, start_date: '2023-03-01', end_date: null, status: 'đang thực hiện', progress_pct: 40,
        disbursed: 800, source: 'Báo cáo thử nghiệm', simulated: 0 as const, import_id: null, created_at: now, updated_at: now,
      });
      await db.insertInto('project').values([project(haTinhCommune, 'Mô hình nuôi bò sinh sản'), project(HOA_DONG, 'Mô hình trồng sắn')]).execute();
      const team = await db.insertInto('team').values({ name: 'Đoàn giám sát số 1', structure: 'pre2025', province_code: '54', created_at: now }).returning('id').executeTakeFirstOrThrow();
      const visit = (id: string, unit_code: string) => ({
        id, team_id: team.id, structure: 'pre2025' as const, unit_code, route_plan_id: null, planned_date: '2024-05-10', actual_date: null,
        status: 'planned' as const, findings: null, follow_ups: null, lon: null, lat: null, created_by: null, created_at: now, updated_at: now,
      });
      await db.insertInto('visit').values([visit('v-ha-tinh', haTinhCommune), { ...visit('v-phu-yen', HOA_DONG), lon: 109.2, lat: 13.0, checkin: 'outside', checkin_distance_m: 1234 }]).execute();
    }, 120_000);
    afterAll(() => app?.close());

    const exportsCall = (input: object, session: HttpSession | null = app.adminSession) => callProcedure(app.baseUrl, 'exports.table', 'query', input, session);

    it('answers the values table as json: columns with both languages, rows equal to indicators.values', async () => {
      const input = { structure: 'pre2025', level: 'commune', year: 2023, indicator: 'poor_rate', parentCode: '562' } as const;
      const table = await app.caller.exports.table({ table: 'values', format: 'json', ...input });
      const answer = await app.caller.indicators.values(input);
      if (table.format !== 'json') throw new Error('json expected');
      expect(table.columns.map((c) => c.key)).toEqual(['code', 'name', 'level', 'parent', 'year', 'indicator', 'value', 'unit', 'partial', 'via', 'simulated', 'source']);
      expect(table.columns.find((c) => c.key === 'partial')).toMatchObject({ labelVi: 'Ước tính', labelEn: 'Estimated' });
      expect(table.rows.map((r) => r[0])).toEqual(answer.codes);
      expect(table.rows.map((r) => r[6])).toEqual(answer.values);
      const hoaDong = table.rows.find((r) => r[0] === HOA_DONG)!;
      expect(hoaDong.slice(1, 6)).toEqual(['Xã Hòa Đồng', 'Cấp xã', expect.stringMatching(/^Huyện Tây Ho[àa]/), 2023, 'Tỷ lệ hộ nghèo']);
      expect(table).toMatchObject({ simulated: true, source: answer.source });

      // a 2025 year carried over the crosswalk says so on every row
      const carried = await app.caller.exports.table({ table: 'values', structure: '2025', level: 'province', year: 2023, indicator: 'poor_rate' });
      if (carried.format !== 'json') throw new Error('json expected');
      expect(carried.rows.length).toBe(34);
      expect(carried.rows.every((r) => r[9] === true)).toBe(true);
    });

    it('answers the review table with the 12 NĐ 07 indicators, the standard and the flag', async () => {
      const table = await app.caller.exports.table({ table: 'review', structure: 'pre2025', year: 2023, parentCode: '562' });
      if (table.format !== 'json') throw new Error('json expected');
      const labels = table.columns.map((c) => c.labelVi);
      expect(labels).toContain('Thiếu hụt 1: Việc làm');
      expect(labels).toContain('Thiếu hụt 12: Phương tiện phục vụ tiếp cận thông tin');
      expect(labels.filter((l) => l.startsWith('Thiếu hụt '))).toHaveLength(12);
      const rows = await app.database.db
        .selectFrom('poverty_review as r')
        .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'r.structure').onRef('u.code', '=', 'r.unit_code'))
        .select(['r.unit_code', 'r.poor', 'r.households', 'r.d01'])
        .where('r.structure', '=', 'pre2025')
        .where('r.year', '=', 2023)
        .where('u.parent_code', '=', '562')
        .orderBy('r.unit_code')
        .execute();
      const at = (key: string) => table.columns.findIndex((c) => c.key === key);
      expect(table.rows.map((r) => r[0])).toEqual(rows.map((r) => r.unit_code));
      table.rows.forEach((row, i) => {
        expect(row[at('poor')]).toBe(Number(rows[i]!.poor));
        expect(row[at('households')]).toBe(Number(rows[i]!.households));
        expect(row[at('d01')]).toBe(rows[i]!.d01 === null ? null : Number(rows[i]!.d01));
        expect(row[at('standard')]).toBe('Chuẩn nghèo đa chiều 2022-2025 (NĐ 07/2021/NĐ-CP)');
        expect(row[at('simulated')]).toBe(true);
      });
    });

    it('answers csv text through the API too', async () => {
      const response = await exportsCall({ table: 'values', format: 'csv', structure: '2025', level: 'province', year: 2025, indicator: 'poor_rate' });
      expect(response.status, response.text).toBe(200);
      const data = response.body.result.data;
      expect(data).toMatchObject({ format: 'csv', asciiFileName: 'povmap-poor_rate-2025-tinh.csv', simulated: true });
      expect(data.csv.startsWith('\uFEFFMã,Tên đơn vị,Cấp,Thuộc,Năm')).toBe(true);
      expect(Papa.parse(data.csv.slice(1), { skipEmptyLines: true }).data).toHaveLength(35);
    });

    it('exports targets, projects and visits with their units’ names and programme names', async () => {
      const targets = await app.caller.exports.table({ table: 'targets', structure: 'pre2025', parentCode: '42' });
      if (targets.format !== 'json') throw new Error('json expected');
      expect(targets.rows.length).toBeGreaterThan(0);
      expect(targets.rows.every((r) => typeof r[6] === 'number')).toBe(true);
      expect(String(targets.rows[0]![5])).toMatch(/^Mức giảm tỷ lệ hộ (cận )?nghèo/);

      const projects = await app.caller.exports.table({ table: 'projects', structure: 'pre2025' });
      if (projects.format !== 'json') throw new Error('json expected');
      const at = (key: string) => projects.columns.findIndex((c) => c.key === key);
      // the demo seed adds simulated projects: this test's two are the ones with its source
      const own = projects.rows.filter((r) => r[at('source')] === 'Báo cáo thử nghiệm');
      expect(own).toHaveLength(2);
      const phuYen = own.find((r) => r[0] === HOA_DONG)!;
      expect(phuYen[at('project')]).toBe('DA3 Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng');
      expect(phuYen[at('subProject')]).toBe('TDA1 Sản xuất nông nghiệp');
      expect(phuYen[at('budgetCentral')]).toBe(1250.5);
      expect(projects.columns[at('budgetCentral')]!.labelVi).toContain('triệu đồng');
      expect(own.every((r) => r[at('simulated')] === false)).toBe(true);
      expect(projects.source).toContain('Báo cáo thử nghiệm');
      // demo rows among them: the file as a whole says so
      expect(projects.simulated).toBe(projects.rows.some((r) => r[at('simulated')] === true));

      const visits = await app.caller.exports.table({ table: 'visits', structure: 'pre2025' });
      if (visits.format !== 'json') throw new Error('json expected');
      const team = visits.columns.findIndex((c) => c.key === 'team');
      const simulated = visits.columns.findIndex((c) => c.key === 'simulated');
      const ownVisits = visits.rows.filter((r) => r[team] === 'Đoàn giám sát số 1');
      expect(ownVisits.map((r) => r[0]).sort()).toEqual([haTinhCommune, HOA_DONG].sort());
      expect(ownVisits.every((r) => r[simulated] === false)).toBe(true);
      // the GPS check-in's verdict in words, and how far outside the commune it was
      const checkin = (code: string) => {
        const row = ownVisits.find((r) => r[0] === code)!;
        return ['checkin', 'checkinDistance'].map((key) => row[visits.columns.findIndex((c) => c.key === key)]);
      };
      expect(checkin(HOA_DONG)).toEqual(['Ngoài ranh giới xã', 1234]);
      expect(checkin(haTinhCommune)).toEqual([null, null]);
      // the demo's visits are marked simulated, row by row and for the file
      const demo = visits.rows.filter((r) => r[team] !== 'Đoàn giám sát số 1');
      expect(demo.length).toBeGreaterThan(0);
      expect(demo.every((r) => r[simulated] === true)).toBe(true);
      expect(visits.simulated).toBe(true);
    });

    it('holds the Hà Tĩnh planner to Hà Tĩnh and lets a viewer export', async () => {
      for (const table of ['projects', 'visits', 'review', 'targets'] as const) {
        const input = table === 'review' ? { table, structure: 'pre2025', year: 2023 } : { table, structure: 'pre2025' };
        const own = await exportsCall(input, planner);
        expect(own.status, own.text).toBe(200);
        const codes: string[] = own.body.result.data.rows.map((r: unknown[]) => r[0]);
        expect(codes.length, table).toBeGreaterThan(0);
        expect(codes, table).not.toContain(HOA_DONG);
        const provinces = await app.database.db.selectFrom('unit').select('province_code').distinct().where('structure', '=', 'pre2025').where('code', 'in', codes).execute();
        expect(provinces.map((p) => p.province_code), table).toEqual(['42']);
        expect((await exportsCall({ ...input, parentCode: '54' }, planner)).status, table).toBe(403);
      }
      const viewer = await app.signIn('viewer');
      expect((await exportsCall({ table: 'projects', structure: 'pre2025' }, viewer)).status).toBe(200);
      expect((await exportsCall({ table: 'projects', structure: 'pre2025' }, null)).status).toBe(401);
      const bad = await exportsCall({ table: 'values', format: 'xlsx', structure: 'pre2025', level: 'province', year: 2023, indicator: 'poor_rate' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/format/);
    });
  });
}
