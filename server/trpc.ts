// tRPC set-up. The rule that matters here: a procedure can only be built through
// `access(rule).input(schema)`, so every procedure states who may call it, where (its scope
// rule) and what input it takes (zod), and every call passes the one gate below, in two halves:
//
//   1. who   (before the input is read): cross-site mutations refused, session required (401),
//            role allowed (403), CSRF token on every signed-in mutation (403); then the raw
//            input's hazards no schema should handle (NUL, lone surrogates, depth: 400);
//   2. where (after zod validated the input): the scope rule — a unit named by the input must be
//            inside the caller's scope (403), a 'filtered' procedure must have used ctx.scope.
//
// `t.procedure` itself is deliberately not exported.
import { timingSafeEqual } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { decideAccess, type AccessRule } from './access.ts';
import { auditedWriter, type AuditActor } from './audit/audit-log.ts';
import { inputHazard } from './input-hazards.ts';
import type { Context } from './context.ts';
import { ScopeGuard } from './scope/request-scope.ts';

export interface Meta {
  access?: AccessRule;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Never send stack traces to clients, whatever NODE_ENV says.
    isDev: false,
    errorFormatter({ shape, error }) {
      const issues = validationIssues(error);
      return {
        ...shape,
        message: issues ? issues.join('; ') : publicMessage(error),
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, issues },
      };
    },
  });

const refuse = (code: 'UNAUTHORIZED' | 'FORBIDDEN', message: string) => new TRPCError({ code, message });

const who = t.middleware(async ({ meta, ctx, path, type, getRawInput, next }) => {
  const rule = meta?.access;
  // unreachable through access(); guards against procedures built another way
  if (!rule) throw refuse('FORBIDDEN', `${path} declares no access rule`);
  if (type === 'mutation' && ctx.http.crossSite) {
    throw refuse('FORBIDDEN', 'Yêu cầu từ trang khác bị từ chối / Cross-site request refused');
  }
  const decision = decideAccess(rule, ctx.user);
  if (decision === 'sign-in') throw refuse('UNAUTHORIZED', 'Cần đăng nhập / Sign-in required');
  if (decision === 'forbidden') throw refuse('FORBIDDEN', 'Vai trò của bạn không được phép / Not allowed for your role');
  // Only HTTP sessions carry a CSRF token; in-process callers (tests, scripts) act without one.
  if (type === 'mutation' && ctx.session !== null && rule.roles !== 'anyone' && !csrfTokenMatches(ctx)) {
    throw refuse('FORBIDDEN', 'Thiếu hoặc sai mã chống giả mạo (X-Povmap-CSRF) / Missing or wrong CSRF token (X-Povmap-CSRF)');
  }
  const hazard = inputHazard(await getRawInput());
  if (hazard) throw new TRPCError({ code: 'BAD_REQUEST', message: hazard });
  const actor: AuditActor = { userId: ctx.user?.id ?? null, procedure: path, clock: ctx.clock };
  return next({
    ctx: {
      scope: new ScopeGuard(ctx.db, ctx.loadScope),
      /** Who is writing, for code that records audit rows itself (server/accounts). */
      actor,
      /** Every write goes through this: the change and its audit row in one transaction. */
      audited: auditedWriter(ctx.db, actor),
    },
  });
});

const where = t.middleware(async ({ meta, ctx, input, path, next }) => {
  const scope = meta!.access!.scope;
  const guard = (ctx as unknown as { scope: ScopeGuard }).scope;
  if (scope.kind === 'unit-input') {
    const unit = scope.unit(input);
    if (typeof unit?.structure !== 'string' || typeof unit.code !== 'string') {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `${path}: its unit-input rule found no {structure, code} in the input` });
    }
    await guard.requireRef(unit, scope.reach);
  }
  const result = await next();
  if (scope.kind === 'filtered' && result.ok && !guard.applied) {
    console.error(`povmap: BUG ${path} is declared 'filtered' but answered without ctx.scope`);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `${path} did not apply the caller's scope` });
  }
  return result;
});

const guarded = t.procedure.use(who);

/**
 * The only way to make a procedure:
 *   access({ roles: [...], scope: FILTERED }).input(z.strictObject({...})).query(...)
 * Every procedure validates its input; one that takes none says `.input(z.void())`.
 */
export function access(rule: AccessRule) {
  const procedure = guarded.meta({ access: rule });
  return {
    input<TSchema extends z.ZodType>(schema: TSchema) {
      return procedure.input(schema).use(where);
    },
  };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Fails at start-up, not at the first call, if any procedure lacks an access rule (e.g. one
 * built from another initTRPC instance and merged in).
 */
export function assertEveryProcedureDeclaresAccess(appRouter: { _def: { procedures: object } }): void {
  const procedures = appRouter._def.procedures as Record<string, { _def?: { meta?: Meta } }>;
  const undeclared = Object.keys(procedures).filter((name) => !procedures[name]?._def?.meta?.access?.scope);
  if (undeclared.length > 0) throw new Error(`procedures without an access rule: ${undeclared.join(', ')}`);
}

function csrfTokenMatches(ctx: Context): boolean {
  const sent = Buffer.from(ctx.http.csrfHeader ?? '');
  const expected = Buffer.from(ctx.session!.csrfToken);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** "q: Too small: expected string to have >=1 characters" lines for input validation errors. */
function validationIssues(error: TRPCError): string[] | null {
  const cause = error.cause as { issues?: unknown } | undefined;
  if (error.code !== 'BAD_REQUEST' || !Array.isArray(cause?.issues)) return null;
  return cause.issues.slice(0, 20).map((issue: { path?: PropertyKey[]; message?: string }) => {
    const where = issue.path && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `${where}${issue.message ?? 'invalid'}`.slice(0, 300);
  });
}

/** Internal errors keep their details in the server log (onError), not in the response. */
function publicMessage(error: TRPCError): string {
  return error.code === 'INTERNAL_SERVER_ERROR' ? 'Lỗi máy chủ / Internal server error' : error.message;
}
