// auth.*: sign-in, sign-out, who am I, and the demo accounts for the sign-in page. signIn, me
// and demoAccounts are the only procedures that answer without a session (test/api checks it).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { EVERY_ROLE, NO_SCOPE, ROLE_NAMES_VI, type SessionUser } from '../access.ts';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/password.ts';
import { clearedSessionCookie, sessionCookie } from '../auth/session-cookie.ts';
import { signIn } from '../auth/sign-in.ts';
import { deleteSession, SESSION_ABSOLUTE_MS } from '../auth/sessions.ts';
import { access, router } from '../trpc.ts';

const PUBLIC = { roles: 'anyone', scope: NO_SCOPE } as const;

/** What the client learns about the signed-in user and how to send mutations. */
export interface SignedIn {
  user: SessionUser;
  /** Send as the X-Povmap-CSRF header with every mutation. */
  csrfToken: string;
  /** When the session ends unless used again (12 h idle, 7 days at most). */
  expiresAt: string;
}

export const authRouter = router({
  signIn: access(PUBLIC)
    .input(
      z.strictObject({
        // Lenient here on purpose: an unknown or odd name must take the same path as a wrong password.
        username: z.string().trim().toLowerCase().min(1).max(100),
        password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<SignedIn> => {
      const result = await signIn(ctx.db, ctx.throttle, ctx.clock, { ...input, address: ctx.http.address });
      if (!result.ok && result.reason === 'throttled') {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        ctx.http.setHeader('Retry-After', String(seconds));
        const minutes = Math.ceil(seconds / 60);
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Đăng nhập sai quá nhiều lần, thử lại sau ${minutes} phút / Too many failed sign-ins, try again in ${minutes} min`,
        });
      }
      if (!result.ok) {
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message:
            result.reason === 'disabled'
              ? 'Tài khoản đã bị khoá / This account is disabled'
              : 'Sai tên đăng nhập hoặc mật khẩu / Wrong username or password',
        });
      }
      // A session cookie the browser already had is replaced, never reused (session fixation).
      if (ctx.session) await deleteSession(ctx.db, ctx.session.id);
      const { session } = result;
      // The browser may keep it as long as the session can live at most; idle expiry is ours.
      ctx.http.addCookie(sessionCookie(session.token, SESSION_ABSOLUTE_MS / 1000, ctx.http.secure));
      return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    }),

  signOut: access({ roles: EVERY_ROLE, scope: NO_SCOPE })
    .input(z.void())
    .mutation(async ({ ctx }) => {
      const session = ctx.session;
      if (!session) return { signedOut: true as const }; // an in-process caller has no session to end
      await ctx.audited(async (trx, audit) => {
        await deleteSession(trx, session.id);
        await audit({ table: 'session', key: { username: session.user.username }, before: null, after: { outcome: 'signed-out' } });
      });
      ctx.http.addCookie(clearedSessionCookie(ctx.http.secure));
      return { signedOut: true as const };
    }),

  /** null when signed out (the client then shows the sign-in page). */
  me: access(PUBLIC)
    .input(z.void())
    .query(async ({ ctx }): Promise<SignedIn | null> => {
      if (!ctx.session) {
        // A stale cookie: tell the browser to drop it.
        if (ctx.http.sessionToken !== null) ctx.http.addCookie(clearedSessionCookie(ctx.http.secure));
        return null;
      }
      return { user: ctx.session.user, csrfToken: ctx.session.csrfToken, expiresAt: ctx.session.expiresAt };
    }),

  /** Demo mode only: the accounts the sign-in page lists as "demo only" with their password. */
  demoAccounts: access(PUBLIC)
    .input(z.void())
    .query(({ ctx }) => ({
      demo: ctx.auth.demo,
      accounts: ctx.auth.demo
        ? DEMO_ACCOUNTS.map((a) => ({
            username: a.username,
            password: a.password,
            role: a.role,
            roleName: ROLE_NAMES_VI[a.role],
            displayName: a.displayName,
            scopeLabel: a.scopeLabel,
          }))
        : [],
    })),
});
