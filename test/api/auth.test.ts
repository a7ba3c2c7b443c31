// Sign-in, sessions, sign-out, CSRF and the rate limit, over real HTTP with the server's clock
// under the test's control.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../server/auth/sessions.ts';
import { TEST_PASSWORD } from './support/accounts.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, signInOverHttp, type HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const HOUR = 3600_000;

for (const dialect of dialectsUnderTest()) {
  describe(`sign-in and sessions (${dialect})`, () => {
    let app: SeededApp;
    beforeAll(async () => {
      app = await startSeededApp(dialect, { seed: false });
    });
    afterAll(() => app?.close());

    const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
      callProcedure(app.baseUrl, 'auth.signIn', 'mutation', { username, password }, null, headers);
    const me = (session: HttpSession | null) => callProcedure(app.baseUrl, 'auth.me', 'query', undefined, session);

    it('signs in: an HttpOnly, SameSite=Lax session cookie, the user and a CSRF token', async () => {
      const result = await signIn(app.accounts.plannerHaTinh.username, TEST_PASSWORD);
      expect(result.status, result.text).toBe(200);
      const cookie = result.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^povmap_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/);
      const data = result.body.result.data;
      expect(data.user).toMatchObject({ username: 'planner-ha-tinh', role: 'planner', scope: [{ structure: 'pre2025', code: '42' }] });
      expect(data.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(data)).not.toMatch(/password/i);

      // the table holds the token's hash, never the token
      const token = cookie.split(';')[0]!.split('=')[1]!;
      const rows = await app.database.db.selectFrom('session').select('id').execute();
      expect(rows.map((r) => r.id)).not.toContain(token);
      expect(rows.map((r) => r.id)).toContain(createHash('sha256').update(token).digest('hex'));
    });

    it('marks the cookie Secure when the request came over https (X-Forwarded-Proto)', async () => {
      const result = await signIn(app.accounts.viewer.username, TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(result.headers.get('set-cookie')).toMatch(/; Secure$/);
    });

    it('auth.me: null when signed out, the user and token when signed in', async () => {
      expect((await me(null)).body.result.data).toBeNull();
      const session = await app.signIn('viewer');
      const answer = (await me(session)).body.result.data;
      expect(answer.user.username).toBe('viewer');
      expect(answer.csrfToken).toBe(session.csrfToken);
      // a stale or forged cookie is answered null and cleared
      const stale = await me({ ...session, cookie: 'povmap_session=' + 'x'.repeat(43) });
      expect(stale.body.result.data).toBeNull();
      expect(stale.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    });

    it('refuses a wrong password and an unknown user alike, and records both', async () => {
      const wrong = await signIn('viewer', 'not-the-password');
      const unknown = await signIn('nobody-at-all', 'not-the-password');
      for (const result of [wrong, unknown]) {
        expect(result.status).toBe(401);
        expect(result.body.error.message).toBe('Sai tên đăng nhập hoặc mật khẩu / Wrong username or password');
        expect(result.headers.get('set-cookie')).toBeNull();
      }
      const trail = await app.caller.admin.audit.list({ procedure: 'auth.signIn', limit: 5 });
      expect(trail.items.slice(0, 2).map((e) => (e.after as { outcome: string }).outcome)).toEqual(['unknown-user', 'wrong-password']);
    });

    it('spends password-hashing time on unknown users too (no fast "no such user")', async () => {
      const started = performance.now();
      await signIn('nobody-else', 'not-the-password');
      // the dummy hash uses the production cost (~0.4 s here); a bare lookup takes ~5 ms
      expect(performance.now() - started).toBeGreaterThan(50);
    });

    it('signs out: the session row goes, the cookie is cleared, the token stops working', async () => {
      const session = await app.signIn('supervisorPhuYen');
      const out = await callProcedure(app.baseUrl, 'auth.signOut', 'mutation', undefined, session);
      expect(out.status, out.text).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/^povmap_session=; .*Max-Age=0/);
      expect((await me(session)).body.result.data).toBeNull();
      const units = await callProcedure(app.baseUrl, 'units.children', 'query', { structure: '2025' }, session);
      expect(units.status).toBe(401);
      const trail = await app.caller.admin.audit.list({ procedure: 'auth.signOut', limit: 1 });
      expect(trail.items[0]).toMatchObject({ username: 'supervisor-phu-yen', table: 'session', after: { outcome: 'signed-out' } });
    });

    it('replaces the session a browser already had (no fixation)', async () => {
      const first = await app.signIn('viewer');
      const again = await callProcedure(app.baseUrl, 'auth.signIn', 'mutation', { username: 'viewer', password: TEST_PASSWORD }, first);
      expect(again.status).toBe(200);
      expect(again.headers.get('set-cookie')).not.toContain(first.cookie);
      expect((await me(first)).body.result.data).toBeNull();
    });

    describe('CSRF', () => {
      let session: HttpSession;
      beforeAll(async () => {
        session = await app.signIn('admin');
      });
      const mutate = (headers: Record<string, string>) =>
        callProcedure(app.baseUrl, 'admin.users.update', 'mutation', { id: app.accounts.viewer.id, displayName: 'viewer' }, session, headers);

      it('accepts a mutation with the session token, same-origin', async () => {
        const host = new URL(app.baseUrl).host;
        expect((await mutate({ origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      });

      it('trusts the browser’s Sec-Fetch-Site behind a proxy that rewrites Host (the Vite dev server)', async () => {
        expect((await mutate({ origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
        expect((await mutate({ origin: 'http://localhost:5173' })).status).toBe(403);
      });

      it('refuses a mutation without the X-Povmap-CSRF header, or with another session’s', async () => {
        const other = await app.signIn('admin');
        for (const token of ['', other.csrfToken, session.csrfToken.slice(1)]) {
          const result = await mutate({ 'x-povmap-csrf': token });
          expect(result.status, token).toBe(403);
          expect(result.body.error.message).toMatch(/CSRF/);
        }
      });

      it('refuses a mutation from another origin even with the right token', async () => {
        const forged: Record<string, string>[] = [
          { origin: 'https://evil.example' },
          { origin: 'null' },
          { 'sec-fetch-site': 'cross-site' },
          { 'sec-fetch-site': 'same-site' },
        ];
        for (const headers of forged) {
          const result = await mutate(headers);
          expect(result.status, JSON.stringify(headers)).toBe(403);
          expect(result.body.error.message).toMatch(/Cross-site request refused/);
        }
      });

      it('refuses sign-in posted from another site (login CSRF)', async () => {
        const result = await signIn('viewer', TEST_PASSWORD, { origin: 'https://evil.example' });
        expect(result.status).toBe(403);
      });

      it('refuses what an HTML form can send: form-encoded, multipart and text bodies (415)', async () => {
        for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
          const result = await mutate({ 'content-type': type });
          expect(result.status, type).toBe(415);
        }
      });

      it('answers mutations only to POST and queries only to GET (405)', async () => {
        const get = await app.fetch(`/trpc/admin.users.disable?input=${encodeURIComponent(JSON.stringify({ id: app.accounts.viewer.id }))}`);
        expect(get.status).toBe(405);
        const post = await callProcedure(app.baseUrl, 'units.children', 'mutation', { structure: '2025' }, session);
        expect(post.status).toBe(405);
      });
    });

    it('ends a session after 12 hours idle', async () => {
      const session = await app.signIn('viewer');
      app.clock.advance(SESSION_IDLE_MS - HOUR);
      expect((await me(session)).body.result.data).not.toBeNull(); // used: slides on
      app.clock.advance(SESSION_IDLE_MS - HOUR);
      expect((await me(session)).body.result.data).not.toBeNull();
      app.clock.advance(SESSION_IDLE_MS + 60_000);
      expect((await me(session)).body.result.data).toBeNull();
      expect((await callProcedure(app.baseUrl, 'units.children', 'query', { structure: '2025' }, session)).status).toBe(401);
    });

    it('ends a session 7 days after sign-in however busy it is', async () => {
      const session = await app.signIn('viewer');
      let elapsed = 0;
      while (elapsed + 6 * HOUR < SESSION_ABSOLUTE_MS) {
        app.clock.advance(6 * HOUR);
        elapsed += 6 * HOUR;
        expect((await me(session)).body.result.data, `after ${elapsed / HOUR} h`).not.toBeNull();
      }
      app.clock.advance(6 * HOUR);
      expect((await me(session)).body.result.data).toBeNull();
    });

    it('a disabled account is signed out at once and cannot sign in', async () => {
      const session = await signInOverHttp(app.baseUrl, app.accounts.viewer.username, TEST_PASSWORD);
      await app.caller.admin.users.disable({ id: app.accounts.viewer.id });
      try {
        expect((await me(session)).body.result.data).toBeNull();
        const again = await signIn('viewer', TEST_PASSWORD);
        expect(again.status).toBe(401);
        expect(again.body.error.message).toMatch(/disabled/);
      } finally {
        await app.caller.admin.users.update({ id: app.accounts.viewer.id, disabled: false });
      }
    });

    describe('rate limit', () => {
      it('locks a username after 5 failures for 15 minutes, even for the right password', async () => {
        const username = app.accounts.supervisorPhuYen.username;
        for (let i = 0; i < 5; i++) expect((await signIn(username, `wrong-${i}-password`)).status).toBe(401);
        const locked = await signIn(username, TEST_PASSWORD);
        expect(locked.status).toBe(429);
        expect(locked.body.error.message).toMatch(/thử lại sau 15 phút.*try again in 15 min/);
        expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
        // other accounts from the same address are not locked by it
        expect((await signIn(app.accounts.plannerHaTinh.username, TEST_PASSWORD)).status).toBe(200);

        app.clock.advance(15 * 60_000 + 1000);
        expect((await signIn(username, TEST_PASSWORD)).status).toBe(200);
      });

      it('locks an address after 20 failures across usernames', async () => {
        app.clock.advance(16 * 60_000);
        // 4 failures for each of the 5 fixture accounts: no username reaches its own limit
        for (const account of Object.values(app.accounts)) {
          for (let i = 0; i < 4; i++) expect((await signIn(account.username, 'wrong-password')).status).toBe(401);
        }
        const locked = await signIn(app.accounts.plannerHaTinh.username, TEST_PASSWORD);
        expect(locked.status).toBe(429);
        app.clock.advance(16 * 60_000);
        expect((await signIn(app.accounts.plannerHaTinh.username, TEST_PASSWORD)).status).toBe(200);
      });
    });
  });
}
