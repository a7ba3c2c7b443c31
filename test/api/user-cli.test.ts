// `npm run user`: accounts from the command line, password from standard input (piped here, as
// `echo "$PW" | npm run user -- add …` does), run as a child process against the test database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnv, dialectsUnderTest } from './support/dialects.ts';
import { callProcedure } from './support/http-session.ts';
import { runCli } from './support/run-cli.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`npm run user (${dialect})`, () => {
    let app: SeededApp;
    let env: NodeJS.ProcessEnv;
    const user = (args: string[], stdin?: string) => runCli('scripts/user.ts', args, { env, stdin });
    const signIn = (username: string, password: string) =>
      callProcedure(app.baseUrl, 'auth.signIn', 'mutation', { username, password }, null);
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      env = databaseEnv(app.database.settings);
    });
    afterAll(() => app?.close());

    it('adds an account with the password from stdin, and it can sign in', async () => {
      const result = await user(['add', 'Can-Bo.HaTinh', '--role', 'planner', '--scope', 'pre2025:42,2025:42', '--name', 'Cán bộ Hà Tĩnh'], 'mat-khau-cua-can-bo\n');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/added can-bo.hatinh \(planner, pre2025:42,2025:42\)/);
      const answer = await signIn('can-bo.hatinh', 'mat-khau-cua-can-bo');
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.result.data.user).toMatchObject({ displayName: 'Cán bộ Hà Tĩnh', role: 'planner' });
      const [entry] = (await app.caller.admin.audit.list({ procedure: 'cli:user add', limit: 1 })).items;
      expect(entry).toMatchObject({ userId: null, table: 'app_user', after: { username: 'can-bo.hatinh', password_hash: '[redacted]' } });
    });

    it('makes the first admin the same way (whole country)', async () => {
      const result = await user(['add', 'quan-tri', '--role', 'admin'], 'mat-khau-quan-tri\n');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/\(admin, country\)/);
    });

    it('refuses short passwords, bare province codes and unknown provinces', async () => {
      const cases: [string[], string, RegExp, number][] = [
        [['add', 'ngan', '--role', 'viewer'], 'ngan\n', /at least 10 characters/, 2],
        [['add', 'ma-tran', '--role', 'planner', '--scope', '42'], 'mat-khau-du-dai\n', /write pre2025:42 or 2025:42/, 2],
        [['add', 'khong-co', '--role', 'planner', '--scope', 'pre2025:99'], 'mat-khau-du-dai\n', /no such province: pre2025:99/, 1],
      ];
      for (const [args, stdin, message, code] of cases) {
        const result = await user(args, stdin);
        expect(result.code, args.join(' ')).toBe(code);
        expect(result.stderr, args.join(' ')).toMatch(message);
      }
    });

    it('lists, changes passwords and disables', async () => {
      const list = await user(['list']);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/^planner-ha-tinh\tplanner\tpre2025:42\tactive\t/m);

      expect((await user(['passwd', 'can-bo.hatinh'], 'mat-khau-moi-hoan-toan\n')).code).toBe(0);
      expect((await signIn('can-bo.hatinh', 'mat-khau-cua-can-bo')).status).toBe(401);
      expect((await signIn('can-bo.hatinh', 'mat-khau-moi-hoan-toan')).status).toBe(200);

      expect((await user(['disable', 'can-bo.hatinh'])).code).toBe(0);
      const refused = await signIn('can-bo.hatinh', 'mat-khau-moi-hoan-toan');
      expect(refused.body.error.message).toMatch(/disabled/);
      expect((await user(['passwd', 'nobody'], 'mat-khau-moi-hoan-toan\n')).code).toBe(1);
    });
  });
}
