// The gate in server/trpc.ts on a router made for the test: a 'filtered' procedure that forgets
// ctx.scope fails instead of leaking, a 'unit-input' procedure never runs for a unit outside the
// scope, and the checks run in the documented order.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EVERY_ROLE, FILTERED, unitInput, type SessionUser } from '../../server/access.ts';
import { contextFor } from '../../server/context.ts';
import { detachedExchange, type HttpExchange } from '../../server/http/exchange.ts';
import { access, router } from '../../server/trpc.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const resolver = vi.fn(async () => 'ran');

const testRouter = router({
  forgetful: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(z.void())
    .query(() => ['everything, unfiltered']),
  unit: access({ roles: EVERY_ROLE, scope: unitInput('data') })
    .input(z.strictObject({ structure: z.enum(['2025', 'pre2025']), code: z.string() }))
    .query(resolver),
  write: access({ roles: ['planner'], scope: FILTERED })
    .input(z.strictObject({ note: z.string().max(10) }))
    .mutation(async ({ ctx }) => {
      ctx.scope.national();
      return 'written';
    }),
});

const code = (expected: TRPCError['code']) => (e: unknown) => e instanceof TRPCError && e.code === expected;

describe('the gate (sqlite)', () => {
  let app: SeededApp;
  const call = (user: SessionUser | null, http: Partial<HttpExchange> = {}) =>
    testRouter.createCaller(contextFor(app.services, user, null, detachedExchange(http)));
  beforeAll(async () => {
    app = await startSeededApp('sqlite');
  });
  afterAll(() => app?.close());

  it("fails a 'filtered' procedure that answered without consulting ctx.scope", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(call(app.accounts.plannerHaTinh).forgetful()).rejects.toSatisfy(code('INTERNAL_SERVER_ERROR'));
    await expect(call(app.accounts.admin).forgetful()).rejects.toSatisfy(code('INTERNAL_SERVER_ERROR'));
  });

  it("never runs a 'unit-input' procedure for a unit outside the scope", async () => {
    resolver.mockClear();
    await expect(call(app.accounts.plannerHaTinh).unit({ structure: 'pre2025', code: '35' })).rejects.toSatisfy(code('FORBIDDEN'));
    expect(resolver).not.toHaveBeenCalled();
    expect(await call(app.accounts.plannerHaTinh).unit({ structure: 'pre2025', code: '42' })).toBe('ran');
    // 'data' reach: the container province of a pre-2025 Phú Yên scope is not enough
    await expect(call(app.accounts.supervisorPhuYen).unit({ structure: '2025', code: '66' })).rejects.toSatisfy(code('FORBIDDEN'));
    expect(await call(app.accounts.supervisorPhuYen).unit({ structure: '2025', code: '22276' })).toBe('ran');
  });

  it('checks in order: cross-site, session, role, then input', async () => {
    const planner = app.accounts.plannerHaTinh;
    await expect(call(planner, { crossSite: true }).write({ note: 'x'.repeat(99) })).rejects.toSatisfy(code('FORBIDDEN'));
    await expect(call(null).write({ note: 'x'.repeat(99) })).rejects.toSatisfy(code('UNAUTHORIZED'));
    await expect(call(app.accounts.viewer).write({ note: 'x'.repeat(99) })).rejects.toSatisfy(code('FORBIDDEN'));
    await expect(call(planner).write({ note: 'x'.repeat(99) })).rejects.toSatisfy(code('BAD_REQUEST'));
    await expect(call(planner).write({ note: 'a\u0000' })).rejects.toThrow(/NUL/);
    expect(await call(planner).write({ note: 'ok' })).toBe('written');
  });
});
