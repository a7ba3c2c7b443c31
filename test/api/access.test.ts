// Every procedure of the router, enumerated from the router itself, called over HTTP:
// - without a session: 401 (except the sign-in page's public procedures, an explicit list);
// - with an account of each role its rule does not allow: 403;
// - with an account of the wrong scope: 403, or an answer holding only what is in scope;
// and the case table (support/procedure-cases.ts) must cover exactly the router's procedures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type AccessRule, type Role } from '../../server/access.ts';
import { appRouter } from '../../server/router.ts';
import type { FixtureName } from './support/accounts.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { PROCEDURE_CASES } from './support/procedure-cases.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

type ProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: { access?: AccessRule } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => ({
  path,
  type: p._def.type as 'query' | 'mutation',
  rule: p._def.meta!.access!,
}));

/** The only procedures that answer without a session: what the sign-in page needs. */
const PUBLIC_PROCEDURES = ['auth.demoAccounts', 'auth.me', 'auth.signIn'];

/** One fixture account per role, for the wrong-role calls. */
const ACCOUNT_OF_ROLE: Record<Role, FixtureName> = {
  admin: 'admin',
  planner: 'plannerHaTinh',
  supervisor: 'supervisorPhuYen',
  viewer: 'viewer',
};

describe('access rules (static)', () => {
  it('every router procedure has a case in procedure-cases.ts, and every case a procedure', () => {
    const missing = procedures.map((p) => p.path).filter((path) => !(path in PROCEDURE_CASES));
    expect(missing, 'add these procedures to test/api/support/procedure-cases.ts').toEqual([]);
    const stale = Object.keys(PROCEDURE_CASES).filter((path) => !procedures.some((p) => p.path === path));
    expect(stale, 'cases for procedures the router no longer has').toEqual([]);
  });

  it('only the sign-in page procedures are public', () => {
    const open = procedures.filter((p) => p.rule.roles === 'anyone').map((p) => p.path).sort();
    expect(open).toEqual(PUBLIC_PROCEDURES);
  });

  it('a procedure whose scope test is "not applicable" declares scope none, and the reverse', () => {
    for (const { path, rule } of procedures) {
      const notApplicable = 'notApplicable' in PROCEDURE_CASES[path]!.outOfScope;
      expect(rule.scope.kind === 'none', path).toBe(notApplicable);
    }
  });

  it('every procedure is built through access(): a rule with roles and a scope kind', () => {
    for (const { path, rule } of procedures) {
      expect(rule.roles === 'anyone' || rule.roles.length > 0, path).toBe(true);
      expect(['none', 'unit-input', 'filtered'], path).toContain(rule.scope.kind);
    }
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`access over HTTP (${dialect})`, () => {
    let app: SeededApp;
    const sessions = new Map<FixtureName, HttpSession>();
    const sessionOf = async (name: FixtureName) => {
      if (!sessions.has(name)) sessions.set(name, await app.signIn(name));
      return sessions.get(name)!;
    };
    beforeAll(async () => {
      app = await startSeededApp(dialect);
    });
    afterAll(() => app?.close());

    for (const { path, type, rule } of procedures) {
      const protectedProcedure = rule.roles !== 'anyone';

      it(`${path}: ${protectedProcedure ? '401 without a session' : 'answers without a session'}`, async () => {
        const input = await PROCEDURE_CASES[path]!.valid(app);
        const result = await callProcedure(app.baseUrl, path, type, input, null);
        if (protectedProcedure) {
          expect(result.status, result.text).toBe(401);
          expect(result.body.error.message).toMatch(/Sign-in required/);
        } else {
          // auth.signIn with a wrong password is a 401 of its own kind, not a "sign in first"
          expect(result.body?.error?.message ?? '', result.text).not.toMatch(/Sign-in required/);
        }
      });

      const wrongRoles = rule.roles === 'anyone' ? [] : ROLES.filter((role) => !(rule.roles as readonly Role[]).includes(role));
      const roleTitle =
        rule.roles === 'anyone' ? 'public, no role to refuse' : wrongRoles.length > 0 ? `403 for ${wrongRoles.join(', ')}` : 'every role may call it';
      it(`${path}: ${roleTitle}`, async () => {
        if (rule.roles !== 'anyone' && wrongRoles.length === 0) expect([...rule.roles].sort()).toEqual([...ROLES].sort());
        for (const role of wrongRoles) {
          const input = await PROCEDURE_CASES[path]!.valid(app);
          const result = await callProcedure(app.baseUrl, path, type, input, await sessionOf(ACCOUNT_OF_ROLE[role]));
          expect(result.status, `${role}: ${result.text}`).toBe(403);
          expect(result.body.error.message).toMatch(/Not allowed for your role/);
        }
      });

      const outOfScope = PROCEDURE_CASES[path]!.outOfScope;
      if ('notApplicable' in outOfScope) continue;
      it(`${path}: ${outOfScope.expect === 'forbidden' ? '403' : 'only in-scope answers'} for ${outOfScope.as} out of scope`, async () => {
        const result = await callProcedure(app.baseUrl, path, type, outOfScope.input, await sessionOf(outOfScope.as));
        if (outOfScope.expect === 'forbidden') {
          expect(result.status, result.text).toBe(403);
          expect(result.body.error.message).toMatch(/Ngoài phạm vi.*Outside the area/);
        } else {
          expect(result.status, result.text).toBe(200);
          outOfScope.check(result.body.result.data);
        }
        // The same input from the country admin is answered: the refusal is about scope alone.
        const admin = await callProcedure(app.baseUrl, path, type, outOfScope.input, app.adminSession);
        expect(admin.status, admin.text).toBe(200);
      });
    }
  });
}
