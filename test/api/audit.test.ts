// The audit trail: every mutation of the router writes to it (enumerated from the router, so a
// new write procedure that forgets fails here), rows say who/when/what/before/after with secrets
// redacted, a rolled-back write leaves no row, and admins can filter and page through it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedWriter } from '../../server/audit/audit-log.ts';
import { appRouter } from '../../server/router.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure } from './support/http-session.ts';
import { PROCEDURE_CASES, throwawayAccount } from './support/procedure-cases.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, p]) => p._def.type === 'mutation')
  .map(([path]) => path);

for (const dialect of dialectsUnderTest()) {
  describe(`audit trail (${dialect})`, () => {
    let app: SeededApp;
    const rowCount = async () => (await app.database.db.selectFrom('audit_log').select('id').execute()).length;
    beforeAll(async () => {
      app = await startSeededApp(dialect); // scoped accounts are checked against the registry
    });
    afterAll(() => app?.close());

    for (const path of mutations) {
      it(`${path} writes an audit row`, async () => {
        const session = await app.signIn('admin');
        const input = await PROCEDURE_CASES[path]!.valid(app);
        const before = await rowCount();
        const result = await callProcedure(app.baseUrl, path, 'mutation', input, session);
        // auth.signIn's case is a failed attempt (401), which is recorded too
        expect(result.status, result.text).toBeLessThan(path === 'auth.signIn' ? 500 : 300);
        const rows = await app.database.db.selectFrom('audit_log').selectAll().where('procedure', '=', path).orderBy('id', 'desc').execute();
        expect(await rowCount()).toBeGreaterThan(before);
        expect(rows.length).toBeGreaterThan(0);
      });
    }

    it('records who, when, which row, before and after, and never a password hash', async () => {
      const account = await throwawayAccount(app);
      const started = app.clock.now().toISOString();
      await app.trpc.admin.users.update.mutate({ id: account.id, displayName: 'Nguyễn Văn An', password: 'mot-mat-khau-moi-dai' });
      const [entry] = (await app.caller.admin.audit.list({ procedure: 'admin.users.update', limit: 1 })).items;
      expect(entry).toMatchObject({
        userId: app.accounts.admin.id,
        username: 'admin',
        procedure: 'admin.users.update',
        table: 'app_user',
        rowKey: { id: account.id },
        before: { display_name: 'Tài khoản tạm', password_hash: '[redacted]' },
        after: { display_name: 'Nguyễn Văn An', password_hash: '[changed]' },
      });
      expect(entry!.at >= started).toBe(true);
      const raw = await app.database.db.selectFrom('audit_log').select(['before', 'after']).execute();
      expect(JSON.stringify(raw)).not.toMatch(/scrypt\$/);
    });

    it('writes the change and its row in one transaction: a failed write leaves neither', async () => {
      const before = await rowCount();
      const write = auditedWriter(app.database.db, { userId: app.accounts.admin.id, procedure: 'test.failing', clock: app.clock.now });
      await expect(
        write(async (trx, audit) => {
          await trx.updateTable('app_user').set({ display_name: 'không được lưu' }).where('id', '=', app.accounts.viewer.id).execute();
          await audit({ table: 'app_user', key: { id: app.accounts.viewer.id }, before: null, after: { display_name: 'không được lưu' } });
          throw new Error('fails after writing');
        }),
      ).rejects.toThrow('fails after writing');
      expect(await rowCount()).toBe(before);
      const viewer = await app.database.db.selectFrom('app_user').select('display_name').where('id', '=', app.accounts.viewer.id).executeTakeFirstOrThrow();
      expect(viewer.display_name).not.toBe('không được lưu');
    });

    it('lets admins filter by user, procedure prefix, table and time, and page with a cursor', async () => {
      const planner = await app.signIn('plannerHaTinh');
      await callProcedure(app.baseUrl, 'auth.signOut', 'mutation', undefined, planner);
      const byUser = await app.caller.admin.audit.list({ user: 'planner-ha-tinh', limit: 50 });
      expect(byUser.items.length).toBeGreaterThanOrEqual(2); // signed in, signed out
      expect(byUser.items.every((e) => e.username === 'planner-ha-tinh')).toBe(true);

      const accounts = await app.caller.admin.audit.list({ procedure: 'admin.users.', limit: 50 });
      expect(accounts.items.length).toBeGreaterThan(0);
      expect(accounts.items.every((e) => e.procedure.startsWith('admin.users.'))).toBe(true);
      const sessions = await app.caller.admin.audit.list({ table: 'session', limit: 50 });
      expect(sessions.items.every((e) => e.table === 'session')).toBe(true);

      const future = await app.caller.admin.audit.list({ from: '2999-01-01', limit: 10 });
      expect(future.items).toEqual([]);
      const today = app.clock.now().toISOString().slice(0, 10);
      const upToToday = await app.caller.admin.audit.list({ to: today, limit: 10 });
      expect(upToToday.items.length).toBeGreaterThan(0);

      const first = await app.caller.admin.audit.list({ limit: 3 });
      const second = await app.caller.admin.audit.list({ limit: 3, cursor: first.nextCursor! });
      expect(first.items.map((e) => e.id)).toEqual([...first.items.map((e) => e.id)].sort((a, b) => b - a));
      expect(Math.max(...second.items.map((e) => e.id))).toBeLessThan(Math.min(...first.items.map((e) => e.id)));
    });
  });
}
