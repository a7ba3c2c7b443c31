// admin.users.*: the account rules, through the typed client as the admin.
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const code = (expected: string) => (e: unknown) => e instanceof TRPCClientError && e.data?.code === expected;

for (const dialect of dialectsUnderTest()) {
  describe(`admin.users (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
    });
    afterAll(() => app?.close());

    it('creates an account (lower-case username), lists it without any password', async () => {
      const created = await app.trpc.admin.users.create.mutate({
        username: ' Giam-Sat.PhuYen ',
        displayName: 'Đoàn giám sát Phú Yên',
        role: 'supervisor',
        scope: [{ structure: 'pre2025', code: '54' }],
        password: 'mat-khau-giam-sat',
      });
      expect(created).toMatchObject({ username: 'giam-sat.phuyen', role: 'supervisor', scope: [{ structure: 'pre2025', code: '54' }], disabled: false });
      const list = await app.trpc.admin.users.list.query();
      expect(list.map((a) => a.username)).toContain('giam-sat.phuyen');
      expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);
      const signIn = await callProcedure(app.baseUrl, 'auth.signIn', 'mutation', { username: 'GIAM-SAT.phuyen', password: 'mat-khau-giam-sat' }, null);
      expect(signIn.status).toBe(200);
    });

    it('refuses a taken username (409), an unknown province, a scoped admin, a short password (400)', async () => {
      const base = { displayName: 'X', role: 'viewer' as const, password: 'mat-khau-du-dai' };
      await expect(app.trpc.admin.users.create.mutate({ ...base, username: 'VIEWER' })).rejects.toSatisfy(code('CONFLICT'));
      await expect(
        app.trpc.admin.users.create.mutate({ ...base, username: 'x-1', scope: [{ structure: '2025', code: '54' }] }),
      ).rejects.toThrow(/no such province: 2025:54/);
      await expect(
        app.trpc.admin.users.create.mutate({ ...base, username: 'x-2', role: 'admin', scope: [{ structure: '2025', code: '66' }] }),
      ).rejects.toThrow(/whole country/);
      await expect(app.trpc.admin.users.create.mutate({ ...base, username: 'x-3', password: 'ngan-qua' })).rejects.toThrow(/at least 10/);
    });

    it('changes role and scope; promoting to admin clears the scope', async () => {
      const account = await app.trpc.admin.users.create.mutate({ username: 'doi-vai-tro', displayName: 'Đổi', role: 'viewer', scope: [{ structure: '2025', code: '66' }], password: 'mat-khau-du-dai' });
      const planner = await app.trpc.admin.users.update.mutate({ id: account.id, role: 'planner' });
      expect(planner).toMatchObject({ role: 'planner', scope: [{ structure: '2025', code: '66' }] });
      const admin = await app.trpc.admin.users.update.mutate({ id: account.id, role: 'admin' });
      expect(admin).toMatchObject({ role: 'admin', scope: null });
      await expect(app.trpc.admin.users.update.mutate({ id: 999_999, displayName: 'Ai' })).rejects.toSatisfy(code('NOT_FOUND'));
      await expect(app.trpc.admin.users.update.mutate({ id: account.id } as never)).rejects.toThrow(/nothing to change/);
    });

    it('a new password ends the account’s sessions', async () => {
      const session = await app.signIn('plannerHaTinh');
      await app.trpc.admin.users.update.mutate({ id: app.accounts.plannerHaTinh.id, password: 'mat-khau-moi-cua-ha-tinh' });
      const me = await callProcedure(app.baseUrl, 'auth.me', 'query', undefined, session);
      expect(me.body.result.data).toBeNull();
    });

    it('keeps at least one enabled admin', async () => {
      // the other admin from the role test above is demoted first, leaving one
      const others = (await app.trpc.admin.users.list.query()).filter((a) => a.role === 'admin' && a.username !== 'admin');
      for (const other of others) await app.trpc.admin.users.update.mutate({ id: other.id, role: 'viewer' });
      await expect(app.trpc.admin.users.disable.mutate({ id: app.accounts.admin.id })).rejects.toThrow(/last admin/);
      await expect(app.trpc.admin.users.update.mutate({ id: app.accounts.admin.id, role: 'planner' })).rejects.toThrow(/last admin/);
    });
  });
}
