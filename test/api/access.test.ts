// Every procedure states who may call it (server/trpc.ts: procedures are only built through
// access()), and the single check denies by role.
import { describe, expect, it } from 'vitest';
import { ROLES, decideAccess, PUBLIC_REFERENCE, type SessionUser } from '../../server/access.ts';
import { appRouter } from '../../server/router.ts';

describe('access rules', () => {
  it('every procedure in the app router declares an access rule', () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: unknown } } }>);
    expect(procedures.length).toBeGreaterThan(0);
    for (const [name, procedure] of procedures) {
      expect(procedure._def.meta?.access, name).toBeDefined();
    }
  });

  it('units are readable by every role and by guests', () => {
    const user = (role: SessionUser['role']): SessionUser => ({ id: 1, username: 'u', displayName: 'U', role, scope: null });
    expect(decideAccess(PUBLIC_REFERENCE, null)).toBe('allow');
    for (const role of ROLES) expect(decideAccess(PUBLIC_REFERENCE, user(role))).toBe('allow');
    const plannersOnly = { roles: ['planner'] as const, guests: false };
    expect(decideAccess(plannersOnly, null)).toBe('sign-in');
    expect(decideAccess(plannersOnly, user('leader'))).toBe('forbidden');
    expect(decideAccess(plannersOnly, user('planner'))).toBe('allow');
  });
});
