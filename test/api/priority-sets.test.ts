// priority.sets.*: a planner saves a named set of ranked communes with its author, date, settings
// and reasons; compares two; sends one to visit planning; only its author or an admin removes it;
// nobody sees or saves a set outside their scope; every write is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const RANKING = { structure: 'pre2025', year: 2024, weights: { poor_rate: 3, poor: 2, poor_district: 1 } } as const;

for (const dialect of dialectsUnderTest()) {
  describe(`priority sets (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    let top: { code: string; rank: number }[];
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      await seedDemo(app.database.db);
      await new Promise((resolve) => setTimeout(resolve, 50));
      planner = await app.signIn('plannerHaTinh');
      // ranks are places in the list the caller sees: the planner's list is Hà Tĩnh's communes
      const ranking = await (await app.clientAs('plannerHaTinh')).priority.rank.query(RANKING);
      top = ranking.rows.slice(0, 6);
    }, 180_000);
    afterAll(() => app?.close());

    const call = (path: string, type: 'query' | 'mutation', input: unknown, session: HttpSession = planner) => callProcedure(app.baseUrl, `priority.sets.${path}`, type, input, session);

    it('saves a named set with author, date, ranks and reasons, and lists it', async () => {
      const saved = await call('save', 'mutation', { ...RANKING, name: 'Hà Tĩnh 2025 — đợt 1', note: 'Ưu tiên vốn DA3', codes: top.slice(0, 4).map((t) => t.code) });
      expect(saved.status, saved.text).toBe(200);
      const { id } = saved.body.result.data;
      const detail = (await call('get', 'query', { id })).body.result.data;
      expect(detail).toMatchObject({ name: 'Hà Tĩnh 2025 — đợt 1', note: 'Ưu tiên vốn DA3', structure: 'pre2025', year: 2024, members: 4, mine: true, sentToPlanningAt: null });
      expect(detail.author).toMatch(/./);
      expect(Date.parse(detail.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(detail.membersList.map((m: { code: string; rank: number }) => [m.code, m.rank])).toEqual(top.slice(0, 4).map((t) => [t.code, t.rank]));
      expect(detail.membersList[0].reasons[0].key).toMatch(/poor_rate|poor|poor_district/);
      expect(detail.settings).toMatchObject({ weights: RANKING.weights, compareWith: 'country' });
      const list = (await call('list', 'query', undefined)).body.result.data;
      expect(list.find((s: { id: number }) => s.id === id)).toMatchObject({ name: 'Hà Tĩnh 2025 — đợt 1', members: 4 });
      // the same set as a file: rank order, reasons in words, the simulated notice in the notes
      const file = await fetch(`${app.baseUrl}/export/priority.csv?setId=${id}`, { headers: { cookie: planner.cookie } });
      expect(file.status).toBe(200);
      const csv = await file.text();
      const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines[0]).toMatch(/^Danh sách,Hạng,Mã xã,Tên xã,Thuộc,Điểm ưu tiên/);
      expect(lines.filter((l) => l.startsWith('Hà Tĩnh 2025 — đợt 1,')).map((l) => l.split(',')[2])).toEqual(top.slice(0, 4).map((t) => t.code));
      expect(csv).toMatch(/Tỷ lệ hộ nghèo: [\d.,]+ % \(\+[\d,]+ điểm\)/);
      const otherPlanner = await fetch(`${app.baseUrl}/export/priority.csv?setId=${id}`, { headers: { cookie: (await app.signIn('supervisorPhuYen')).cookie } });
      expect(otherPlanner.status).toBe(403);
      const audit = await app.database.db.selectFrom('audit_log').select(['procedure', 'table_name']).where('procedure', '=', 'priority.sets.save').execute();
      expect(audit.length).toBeGreaterThan(0);
    });

    it('compares two sets: in both (with both ranks), only in one, only in the other', async () => {
      const a = (await call('save', 'mutation', { ...RANKING, name: 'A', codes: top.slice(0, 4).map((t) => t.code) })).body.result.data.id;
      const b = (await call('save', 'mutation', { ...RANKING, name: 'B', codes: top.slice(2, 6).map((t) => t.code) })).body.result.data.id;
      const cmp = (await call('compare', 'query', { a, b })).body.result.data;
      // members are listed by rank, and by code among ties
      const codes = (members: { code: string }[]) => members.map((m) => m.code).sort();
      expect(codes(cmp.both)).toEqual(codes(top.slice(2, 4)));
      expect(codes(cmp.onlyA)).toEqual(codes(top.slice(0, 2)));
      expect(codes(cmp.onlyB)).toEqual(codes(top.slice(4, 6)));
      expect(cmp.both.map((m: { rankA: number; rankB: number }) => m.rankA - m.rankB)).toEqual([0, 0]);
    });

    it('sends a set to visit planning once, keeping the first time', async () => {
      const id = (await call('save', 'mutation', { ...RANKING, name: 'Gửi', codes: [top[0]!.code] })).body.result.data.id;
      const first = (await call('sendToPlanning', 'mutation', { id })).body.result.data.sentToPlanningAt;
      expect(Date.parse(first)).toBeGreaterThan(0);
      const again = (await call('sendToPlanning', 'mutation', { id })).body.result.data.sentToPlanningAt;
      expect(again).toBe(first);
      expect((await call('get', 'query', { id })).body.result.data.sentToPlanningAt).toBe(first);
    });

    it('keeps sets inside the scope: no saving, reading or listing of another province’s communes', async () => {
      const phuYen = (await app.caller.priority.rank({ ...RANKING, filters: { provinces: ['54'] } })).rows.slice(0, 2).map((r) => r.code);
      const refused = await call('save', 'mutation', { ...RANKING, name: 'Phú Yên', codes: phuYen });
      expect(refused.status).toBe(403);
      const mixed = await call('save', 'mutation', { ...RANKING, name: 'Trộn', codes: [top[0]!.code, phuYen[0]] });
      expect(mixed.status).toBe(403);
      const theirs = await app.caller.priority.sets.save({ ...RANKING, name: 'Phú Yên của quản trị', codes: phuYen });
      expect((await call('get', 'query', { id: theirs.id })).status).toBe(403);
      const mine = (await call('save', 'mutation', { ...RANKING, name: 'Của tôi', codes: [top[0]!.code] })).body.result.data.id;
      expect((await call('compare', 'query', { a: mine, b: theirs.id })).status).toBe(403);
      const names = (await call('list', 'query', undefined)).body.result.data.map((s: { name: string }) => s.name);
      expect(names).not.toContain('Phú Yên của quản trị');
      const count = await app.database.db.selectFrom('priority_set').select((eb) => eb.fn.countAll().as('n')).where('name', 'in', ['Phú Yên', 'Trộn']).executeTakeFirst();
      expect(Number(count!.n)).toBe(0);
    });

    it('lets only the author or an admin remove a set, and refuses viewers and empty sets', async () => {
      const id = (await app.caller.priority.sets.save({ ...RANKING, name: 'Của quản trị', codes: [top[0]!.code] })).id;
      const byPlanner = await call('remove', 'mutation', { id });
      expect(byPlanner.status).toBe(403);
      expect(byPlanner.body.error.message).toMatch(/người lập danh sách/);
      const own = (await call('save', 'mutation', { ...RANKING, name: 'Xóa được', codes: [top[1]!.code] })).body.result.data.id;
      expect((await call('remove', 'mutation', { id: own })).status).toBe(200);
      expect((await call('get', 'query', { id: own })).status).toBe(404);
      const viewer = await app.signIn('viewer');
      expect((await call('save', 'mutation', { ...RANKING, name: 'Lãnh đạo', codes: [top[0]!.code] }, viewer)).status).toBe(403);
      const empty = await call('save', 'mutation', { ...RANKING, name: 'Rỗng', codes: [] });
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toMatch(/chọn ít nhất một xã/);
      const nameless = await call('save', 'mutation', { ...RANKING, name: '   ', codes: [top[0]!.code] });
      expect(nameless.status).toBe(400);
    });
  });
}
