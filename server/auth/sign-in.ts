// auth.signIn's logic: rate limit, password check in constant time (and the same time for
// unknown usernames), a new session, and the event in the audit trail.
import type { Kysely } from 'kysely';
import { toSessionUser } from '../accounts/account-row.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { verifyAgainstNobody, verifyPassword } from './password.ts';
import { createSession, type NewSession } from './sessions.ts';

export interface SignInAttempt {
  username: string;
  password: string;
  /** Client address, for the per-address limit and the trail. */
  address: string;
}

export type SignInResult =
  | { ok: true; session: NewSession }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }
  | { ok: false; reason: 'wrong-credentials' | 'disabled' };

const PROCEDURE = 'auth.signIn';

export async function signIn(db: Kysely<Database>, throttle: LoginThrottle, clock: () => Date, attempt: SignInAttempt): Promise<SignInResult> {
  const { username, address } = attempt;
  const retryAfterMs = throttle.retryAfterMs(username, address);
  // Not written to the trail: a locked-out flood would fill it, and the failures that caused the
  // lock are there already.
  if (retryAfterMs > 0) return { ok: false, reason: 'throttled', retryAfterMs };

  const row = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  const passwordOk = row ? await verifyPassword(attempt.password, row.password_hash) : await verifyAgainstNobody(attempt.password);
  const user = row && passwordOk ? toSessionUser(row) : null;

  if (!row || !passwordOk || user === null) {
    throttle.recordFailure(username, address);
    await recordAudit(db, { userId: row?.id ?? null, procedure: PROCEDURE, clock }, {
      table: 'session',
      key: { username },
      before: null,
      after: { outcome: row ? 'wrong-password' : 'unknown-user', address },
    });
    return { ok: false, reason: 'wrong-credentials' };
  }
  if (row.disabled === 1) {
    await recordAudit(db, { userId: row.id, procedure: PROCEDURE, clock }, {
      table: 'session',
      key: { username },
      before: null,
      after: { outcome: 'disabled', address },
    });
    return { ok: false, reason: 'disabled' };
  }

  throttle.recordSuccess(username);
  const session = await db.transaction().execute(async (trx) => {
    const created = await createSession(trx, user, clock());
    await recordAudit(trx, { userId: user.id, procedure: PROCEDURE, clock }, {
      table: 'session',
      key: { username },
      before: null,
      after: { outcome: 'signed-in', address, expiresAt: created.expiresAt },
    });
    return created;
  });
  return { ok: true, session };
}
