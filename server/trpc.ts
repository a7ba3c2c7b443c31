// tRPC set-up. The one rule that matters here: a procedure can only be built through
// `access(rule)`, so every procedure states who may call it, and the check runs in exactly one
// middleware below. `t.procedure` itself is deliberately not exported.
import { initTRPC, TRPCError } from '@trpc/server';
import { decideAccess, type AccessRule } from './access.ts';
import type { Context } from './context.ts';

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

const checkAccess = t.middleware(({ meta, ctx, path, next }) => {
  const rule = meta?.access;
  if (!rule) {
    // unreachable through access(); guards against someone building procedures another way
    throw new TRPCError({ code: 'FORBIDDEN', message: `${path} declares no access rule` });
  }
  const decision = decideAccess(rule, ctx.user);
  if (decision === 'sign-in') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Cần đăng nhập / Sign-in required' });
  if (decision === 'forbidden') throw new TRPCError({ code: 'FORBIDDEN', message: 'Không có quyền / Not allowed for your role' });
  return next();
});

const guarded = t.procedure.use(checkAccess);

/** The only way to make a procedure: `access(PUBLIC_REFERENCE).input(...).query(...)`. */
export function access(rule: AccessRule) {
  return guarded.meta({ access: rule });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Fails at start-up, not at the first call, if any procedure lacks an access rule (e.g. one
 * built from another initTRPC instance and merged in).
 */
export function assertEveryProcedureDeclaresAccess(appRouter: { _def: { procedures: object } }): void {
  const procedures = appRouter._def.procedures as Record<string, { _def?: { meta?: Meta } }>;
  const undeclared = Object.keys(procedures).filter((name) => !procedures[name]?._def?.meta?.access);
  if (undeclared.length > 0) throw new Error(`procedures without an access rule: ${undeclared.join(', ')}`);
}

/** "q: Too small: expected string to have >=1 characters" lines for input validation errors. */
function validationIssues(error: TRPCError): string[] | null {
  const cause = error.cause as { issues?: unknown } | undefined;
  if (error.code !== 'BAD_REQUEST' || !Array.isArray(cause?.issues)) return null;
  return cause.issues.map((issue: { path?: PropertyKey[]; message?: string }) => {
    const where = issue.path && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `${where}${issue.message ?? 'invalid'}`;
  });
}

/** Internal errors keep their details in the server log (onError), not in the response. */
function publicMessage(error: TRPCError): string {
  return error.code === 'INTERNAL_SERVER_ERROR' ? 'Lỗi máy chủ / Internal server error' : error.message;
}
