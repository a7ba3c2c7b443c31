// visits.sync: visits recorded on a phone arrive exactly once, however often they are sent; an
// edit of the latest version is written, an edit of a stale one is answered as a conflict with
// the server's version (nothing overwritten, nothing lost); a supervisor writes only for their
// own team and inside their scope. And issue 5's race: a visit import and visit syncs on the same
// communes at the same time lose and double nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { asInput, communesOf, withFingerprint, type Commune } from './support/import-files.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const TEAM = 'Đoàn giám sát số 1 – Sở LĐ-TB&XH Phú Yên (kiểm thử)';

for (const dialect of dialectsUnderTest()) {
  describe(`visits.sync (${dialect})`, () => {
    let app: SeededApp;
    let supervisor: HttpSession;
    let teamId: number;
    let otherTeamId: number;
    let phuYen: Commune[];
    let haTinh: Commune;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      const db = app.database.db;
      const now = new Date().toISOString();
      teamId = Number((await db.insertInto('team').values({ name: TEAM, structure: 'pre2025', province_code: '54', created_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      otherTeamId = Number((await db.insertInto('team').values({ name: 'Đoàn khác', structure: 'pre2025', province_code: '54', created_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      await db.insertInto('team_member').values({ team_id: teamId, user_id: app.accounts.supervisorPhuYen.id, display_name: 'Giám sát viên', role_in_team: 'thành viên' }).execute();
      phuYen = (await communesOf(db, 'pre2025', '54')).slice(0, 12);
      haTinh = (await communesOf(db, 'pre2025', '42'))[0]!;
      supervisor = await app.signIn('supervisorPhuYen');
    }, 120_000);
    afterAll(() => app?.close());

    const visit = (unit: Commune, extra: object = {}) => ({
      id: randomUUID(),
      teamId,
      structure: 'pre2025',
      unitCode: unit.code,
      actualDate: '2025-05-20',
      status: 'done',
      findings: { planning: 'Kế hoạch năm được phê duyệt đúng hạn', disbursement: 'Giải ngân đạt 62 %' },
      followUps: [{ action: 'Bổ sung danh sách hộ thoát nghèo', owner: 'UBND xã', due: '2025-06-30', done: false }],
      lon: 109.2,
      lat: 13.0,
      ...extra,
    });
    const sync = (visits: object[], session: HttpSession = supervisor) => callProcedure(app.baseUrl, 'visits.sync', 'mutation', { visits }, session);
    const outcomes = async (visits: object[], session?: HttpSession) => {
      const answer = await sync(visits, session);
      expect(answer.status, answer.text).toBe(200);
      return answer.body.result.data.outcomes as { id: string; result: string; updatedAt?: string; server?: { findings: object }; reason?: string }[];
    };
    const rowsOf = (ids: string[]) => app.database.db.selectFrom('visit').selectAll().where('id', 'in', ids).execute();

    it('writes two visits made offline once, however often they are sent', async () => {
      const visits = [visit(phuYen[0]!), visit(phuYen[1]!)];
      expect((await outcomes(visits)).map((o) => o.result)).toEqual(['created', 'created']);
      // the answer was lost: the phone sends the same queue again, twice
      expect((await outcomes(visits)).map((o) => o.result)).toEqual(['unchanged', 'unchanged']);
      expect((await outcomes([...visits, visits[0]!])).map((o) => o.result)).toEqual(['unchanged', 'unchanged']);
      const rows = await rowsOf(visits.map((v) => v.id));
      expect(rows).toHaveLength(2);
      expect(JSON.parse(rows[0]!.findings!)).toHaveProperty('planning');
      expect(rows[0]).toMatchObject({ team_id: teamId, status: 'done', created_by: app.accounts.supervisorPhuYen.id });
    });

    it('writes an edit of the latest version, and answers a stale edit as a conflict without overwriting', async () => {
      const first = visit(phuYen[2]!);
      const [created] = await outcomes([first]);
      const edited = { ...first, findings: { ...first.findings, problems: 'Chậm hỗ trợ nhà ở' }, baseUpdatedAt: created!.updatedAt };
      const [updated] = await outcomes([edited]);
      expect(updated!.result).toBe('updated');
      // a second phone still holding the first version edits it too
      const stale = { ...first, findings: { results: 'Đạt chỉ tiêu' }, baseUpdatedAt: created!.updatedAt };
      const [conflict] = await outcomes([stale]);
      expect(conflict!.result).toBe('conflict');
      expect(conflict!.server!.findings).toMatchObject({ problems: 'Chậm hỗ trợ nhà ở' });
      const [row] = await rowsOf([first.id]);
      expect(JSON.parse(row!.findings!)).toMatchObject({ problems: 'Chậm hỗ trợ nhà ở' });
    });

    it('rejects, visit by visit, another team, a commune outside the scope or unknown; viewers are refused', async () => {
      const results = await outcomes([visit(phuYen[3]!, { teamId: otherTeamId }), visit(haTinh), visit({ code: '99999' } as Commune), visit(phuYen[4]!)]);
      expect(results.map((o) => o.result)).toEqual(['rejected', 'rejected', 'rejected', 'created']);
      expect(results[0]!.reason).toMatch(/không thuộc đoàn/);
      expect(results[1]!.reason).toMatch(/Ngoài phạm vi/);
      expect(results[2]!.reason).toMatch(/Không có xã/);
      expect(await rowsOf(results.slice(0, 3).map((o) => o.id))).toEqual([]);
      const viewer = await app.signIn('viewer');
      expect((await sync([visit(phuYen[5]!)], viewer)).status).toBe(403);
      const bad = await sync([{ ...visit(phuYen[5]!), id: 'x' }]);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/mã chuyến giám sát/);
    });

    it('a visit import and visit syncs racing on the same communes: no row lost, none doubled', async () => {
      const db = app.database.db;
      const racing = phuYen.slice(6, 12);
      const file = `Mã xã;Đoàn giám sát;Ngày dự kiến;Ngày giám sát;Kết quả giám sát\n${racing.map((c, i) => `${c.code};${TEAM};0${i + 1}/06/2025;0${i + 1}/06/2025;Đúng quy trình`).join('\n')}\n`;
      const input = withFingerprint(asInput('visit', 'giam-sat.csv', file, { structure: 'pre2025' }));
      const phoneA = racing.map((c) => visit(c));
      const phoneB = racing.map((c) => visit(c, { actualDate: '2025-06-15' }));
      const before = Number((await db.selectFrom('visit').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const results = await Promise.all([
        app.trpc.imports.commit.mutate(input),
        sync(phoneA),
        sync(phoneB),
        sync(phoneA),
        app.trpc.imports.commit.mutate(input),
        sync(phoneB),
      ]);
      for (const r of results) if ('status' in r) expect(r.status, r.text).toBe(200);
      // import_id: added by migration 0007, typed on the imports' own view of the table
      const rows = (await db.selectFrom('visit').selectAll().where('unit_code', 'in', racing.map((c) => c.code)).execute()) as { id: string; import_id?: number | null }[];
      const synced = [...phoneA, ...phoneB].map((v) => v.id);
      // every phone visit once, each imported visit once (the second import replaced the first's rows)
      expect(rows.filter((r) => (synced as string[]).includes(r.id)).map((r) => r.id).sort()).toEqual([...synced].sort());
      expect(rows.filter((r) => r.import_id !== null && r.import_id !== undefined)).toHaveLength(racing.length);
      expect(rows).toHaveLength(synced.length + racing.length);
      const after = Number((await db.selectFrom('visit').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(after - before).toBe(synced.length + racing.length);
    });
  });
}
