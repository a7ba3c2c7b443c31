// Demo mode: accounts per role with a published password, listed for the sign-in page; disabled
// when the server starts without demo mode; refused outright when NODE_ENV=production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, disableDemoAccounts, ensureDemoAccounts } from '../../server/auth/demo-accounts.ts';
import { ROLES } from '../../server/access.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, signInOverHttp } from './support/http-session.ts';
import { runCli } from './support/run-cli.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

describe('demo mode in production', () => {
  it('refuses to start, with a clear message and a non-zero exit', async () => {
    const result = await runCli('server/main.ts', [], {
      env: { ...process.env, NODE_ENV: 'production', POVMAP_DEMO: '1', PORT: '0', SQLITE_PATH: '/nonexistent/never-opened.sqlite' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/demo mode is refused when NODE_ENV=production/);
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`demo accounts (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect, { seed: false, auth: { demo: true } });
      await ensureDemoAccounts(app.database.db, app.clock.now);
    });
    afterAll(() => app?.close());

    it('lists one account per role for the sign-in page, marked demo', async () => {
      const answer = await callProcedure(app.baseUrl, 'auth.demoAccounts', 'query', undefined, null);
      expect(answer.status).toBe(200);
      const { demo, accounts } = answer.body.result.data;
      expect(demo).toBe(true);
      expect(accounts.map((a: { role: string }) => a.role).sort()).toEqual([...ROLES].sort());
      expect(accounts.find((a: { username: string }) => a.username === 'demo-planner')).toMatchObject({
        password: DEMO_PASSWORD,
        scopeLabel: 'Hà Tĩnh (trước 01/7/2025)',
      });
    });

    it('each demo account signs in with the published password', async () => {
      for (const account of DEMO_ACCOUNTS) {
        const session = await signInOverHttp(app.baseUrl, account.username, DEMO_PASSWORD);
        const me = await callProcedure(app.baseUrl, 'auth.me', 'query', undefined, session);
        expect(me.body.result.data.user).toMatchObject({ role: account.role, scope: account.scope });
      }
    });

    it('restarting in demo mode leaves unchanged accounts (and the audit trail) alone', async () => {
      const before = (await app.database.db.selectFrom('audit_log').select('id').execute()).length;
      await ensureDemoAccounts(app.database.db, app.clock.now);
      expect((await app.database.db.selectFrom('audit_log').select('id').execute()).length).toBe(before);
    });

    it('a start without demo mode disables them and ends their sessions', async () => {
      const session = await signInOverHttp(app.baseUrl, 'demo-admin', DEMO_PASSWORD);
      expect(await disableDemoAccounts(app.database.db, app.clock.now)).toBe(DEMO_ACCOUNTS.length);
      expect((await callProcedure(app.baseUrl, 'auth.me', 'query', undefined, session)).body.result.data).toBeNull();
      const refused = await callProcedure(app.baseUrl, 'auth.signIn', 'mutation', { username: 'demo-viewer', password: DEMO_PASSWORD }, null);
      expect(refused.status).toBe(401);
      // and the next demo start brings them back
      await ensureDemoAccounts(app.database.db, app.clock.now);
      await signInOverHttp(app.baseUrl, 'demo-viewer', DEMO_PASSWORD);
    });
  });
}

describe('outside demo mode', () => {
  let app: SeededApp;
  beforeAll(async () => {
    app = await startSeededApp('sqlite', { seed: false });
  });
  afterAll(() => app?.close());

  it('lists no demo accounts', async () => {
    const answer = await callProcedure(app.baseUrl, 'auth.demoAccounts', 'query', undefined, null);
    expect(answer.body.result.data).toEqual({ demo: false, accounts: [] });
  });
});
