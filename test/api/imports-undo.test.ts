// Undo and scope for imports over HTTP, on every dialect: a batch undone restores exactly the rows
// it replaced and removes the ones it added; a later batch over the same rows blocks it; planners
// import only inside their scope, list and undo only their own batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { asInput, communesOf, reviewCsv, reviewLine, snapshot, withFingerprint, type Commune } from './support/import-files.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`imports: undo and scope (${dialect})`, () => {
    let app: SeededApp;
    let haTinh: Commune[];
    let phuYen: Commune[];
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      haTinh = await communesOf(app.database.db, 'pre2025', '42');
      phuYen = await communesOf(app.database.db, 'pre2025', '54');
    });
    afterAll(() => app?.close());

    const commit = async (input: ReturnType<typeof asInput>, client = app.trpc) => client.imports.commit.mutate(withFingerprint(input));
    const dataTables = async () => {
      const { audit_log: _a, app_meta: _m, import_batch: _b, import_change: _c, ...data } = await snapshot(app.database.db);
      return data;
    };

    it('undoes batches in reverse order, restoring exactly what each replaced', async () => {
      const communes = haTinh.slice(0, 20);
      const empty = await dataTables();
      const first = await commit(asInput('review', 'lan-1.csv', reviewCsv(communes.slice(0, 10).map((c, i) => reviewLine(c, i, 2024)))));
      const afterFirst = await dataTables();
      // the second replaces 5 of the first's rows and adds 10
      const second = await commit(asInput('review', 'lan-2.csv', reviewCsv(communes.slice(5, 20).map((c, i) => reviewLine(c, i, 2024, 99)))));
      expect(second).toMatchObject({ inserted: 10, replaced: 5 });

      await expect(app.trpc.imports.undo.mutate({ batchId: first.batchId })).rejects.toMatchObject({
        data: { code: 'CONFLICT' },
        message: expect.stringMatching(new RegExp(`lô #${second.batchId} đã ghi lại 5 dòng`)),
      });
      expect(await app.trpc.imports.undo.mutate({ batchId: second.batchId })).toEqual({ restored: 5, removed: 10 });
      expect(await dataTables()).toEqual(afterFirst);
      expect(await app.trpc.imports.undo.mutate({ batchId: first.batchId })).toEqual({ restored: 0, removed: 10 });
      expect(await dataTables()).toEqual(empty);
      await expect(app.trpc.imports.undo.mutate({ batchId: first.batchId })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });

      const { items } = await app.trpc.imports.list.query({ limit: 5 });
      expect(items.slice(0, 2)).toMatchObject([
        { id: second.batchId, kind: 'review', fileName: 'lan-2.csv', rowCount: 15, status: 'reverted', username: 'admin' },
        { id: first.batchId, status: 'reverted' },
      ]);
    });

    it('imports targets, projects and visits, replaces them on re-import (same ids), and undoes them', async () => {
      const [a, b] = haTinh as [Commune, Commune];
      const team = await app.database.db.insertInto('team').values({ name: 'Đoàn giám sát tỉnh Hà Tĩnh số 1', structure: 'pre2025', province_code: '42', created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      const before = await dataTables();
      const targets = `Mã xã;Năm;Chỉ tiêu;Mức giảm (điểm %)\n${a.code};2024;Giảm tỷ lệ hộ nghèo;0,7\n${b.code};2024;Giảm tỷ lệ hộ cận nghèo;0,75\n`;
      const projects = `Mã xã;Dự án;Tiểu dự án;Tên dự án;Vốn trung ương (triệu đồng);Vốn địa phương;Số hộ hưởng lợi;Ngày bắt đầu;Ngày kết thúc;Trạng thái;Giải ngân\n${a.code};DA3;TDA1;Mô hình nuôi bò sinh sản;1.200;300;25;01/03/2024;31/12/2024;Đang triển khai;450,5\n`;
      const visits = `Mã xã;Đoàn giám sát;Ngày dự kiến;Ngày giám sát;Kết quả giám sát\n${a.code};Đoàn giám sát tỉnh Hà Tĩnh số 1;03/06/2024;05/06/2024;Bình xét đúng quy trình\n`;
      const batches = [];
      for (const [kind, text] of [['target', targets], ['project', projects], ['visit', visits]] as const) {
        batches.push(await commit(asInput(kind, `${kind}.csv`, text, { structure: 'pre2025' })));
      }
      const project = await app.database.db.selectFrom('project').selectAll().executeTakeFirstOrThrow();
      expect(project).toMatchObject({ programme_project: 'DA3', sub_project: 'TDA1', budget_central: 1200, budget_local: 300, disbursed: 450.5, start_date: '2024-03-01', status: 'in_progress' });
      const visit = await app.database.db.selectFrom('visit').selectAll().executeTakeFirstOrThrow();
      expect(visit).toMatchObject({ team_id: team.id, unit_code: a.code, actual_date: '2024-06-05', status: 'done' });
      expect(await app.database.db.selectFrom('target').select(['indicator', 'value']).orderBy('indicator').execute()).toEqual([
        { indicator: 'near_poor_rate_reduction', value: 0.75 },
        { indicator: 'poor_rate_reduction', value: 0.7 },
      ]);

      const again = await commit(asInput('project', 'project-2.csv', projects.replace('450,5', '900'), { structure: 'pre2025' }));
      expect(again).toMatchObject({ inserted: 0, replaced: 1 });
      expect(await app.database.db.selectFrom('project').select(['id', 'disbursed']).execute()).toEqual([{ id: project.id, disbursed: 900 }]);
      await app.trpc.imports.undo.mutate({ batchId: again.batchId });
      expect(await app.database.db.selectFrom('project').selectAll().execute()).toEqual([project]);

      for (const batch of batches.reverse()) await app.trpc.imports.undo.mutate({ batchId: batch.batchId });
      expect(await dataTables()).toEqual(before);
    });

    it('keeps a planner to their scope: other provinces’ rows are row errors, commit refuses, nothing written', async () => {
      const planner = await app.clientAs('plannerHaTinh');
      const lines = [reviewLine(haTinh[0]!, 0, 2023), reviewLine(phuYen[0]!, 1, 2023), reviewLine(phuYen[1]!, 2, 2023)];
      const input = asInput('review', 'lan-tinh.csv', reviewCsv(lines));
      const report = await planner.imports.preview.mutate(input);
      expect(report.accepted).toBe(1);
      expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [3, 'Mã xã', 'outside_scope'],
        [4, 'Mã xã', 'outside_scope'],
      ]);
      const before = await dataTables();
      await expect(planner.imports.commit.mutate({ ...input, fingerprint: report.fingerprint })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' }, message: expect.stringMatching(/Ngoài phạm vi.*2 dòng/) });
      expect(await dataTables()).toEqual(before);

      const own = await commit(asInput('review', 'ha-tinh.csv', reviewCsv([lines[0]!])), planner);
      const adminBatch = await commit(asInput('review', 'admin.csv', reviewCsv([reviewLine(haTinh[1]!, 1, 2023)])));
      const listed = await planner.imports.list.query({});
      expect(listed.items.map((i) => i.id)).toEqual([own.batchId]);
      expect(listed.total).toBe(1);
      expect((await app.trpc.imports.list.query({ limit: 200 })).items.map((i) => i.id)).toContain(own.batchId);
      await expect(planner.imports.undo.mutate({ batchId: adminBatch.batchId })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
      expect(await planner.imports.undo.mutate({ batchId: own.batchId })).toEqual({ restored: 0, removed: 1 });
    });

    it('records each commit and undo in the audit trail, and bumps the data version', async () => {
      const version = async () => (await app.database.db.selectFrom('app_meta').select('value').where('key', '=', 'data_version').executeTakeFirst())?.value;
      const v0 = await version();
      const input = asInput('review', 'audit.csv', reviewCsv([reviewLine(haTinh[3]!, 3, 2022)]));
      const report = await app.trpc.imports.preview.mutate(input);
      const batch = await app.trpc.imports.commit.mutate({ ...input, fingerprint: report.fingerprint });
      const v1 = await version();
      expect(v1).not.toBe(v0);
      await app.trpc.imports.undo.mutate({ batchId: batch.batchId });
      expect(await version()).not.toBe(v1);
      const trail = await app.caller.admin.audit.list({ procedure: 'imports.', limit: 10 });
      expect(trail.items.slice(0, 3).map((e) => [e.procedure, e.table])).toEqual([
        ['imports.undo', 'import_batch'],
        ['imports.commit', 'import_batch'],
        ['imports.preview', 'import_batch'],
      ]);
    });
  });
}
