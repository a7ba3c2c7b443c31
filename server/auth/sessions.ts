// Sessions in the `session` table. The cookie carries a random 256-bit token; the table keeps
// only its SHA-256, so a copied database (a backup, a leaked dump) holds no live cookie.
//
// Expiry: 12 hours idle (sliding: each use pushes it on) and 7 days after sign-in at most
// (absolute), so a forgotten office browser does not stay signed in for ever while a working day
// never interrupts anyone. The sliding expiry is written at most every 5 minutes, not on each of
// the dozens of range requests a map view makes.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../access.ts';
import { toSessionUser } from '../accounts/account-row.ts';
import type { Database } from '../db/schema.ts';

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
const TOUCH_AFTER_MS = 5 * 60_000;

/** base64url of 32 random bytes. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface ActiveSession {
  /** SHA-256 of the token: the row's key. */
  id: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  user: SessionUser;
}

export interface NewSession extends ActiveSession {
  /** For the cookie only; never stored. */
  token: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const randomToken = () => randomBytes(32).toString('base64url');

export async function createSession(db: Kysely<Database>, user: SessionUser, now: Date): Promise<NewSession> {
  const token = randomToken();
  const session = {
    id: hashToken(token),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    csrf_token: randomToken(),
  };
  await db.insertInto('session').values(session).execute();
  // Housekeeping while we are writing anyway: expired rows are useless.
  await db.deleteFrom('session').where('expires_at', '<', now.toISOString()).execute();
  return { token, id: session.id, csrfToken: session.csrf_token, createdAt: session.created_at, expiresAt: session.expires_at, user };
}

/** The live session for a cookie token, or null (unknown, expired, disabled account). */
export async function resolveSession(db: Kysely<Database>, token: string | null, now: Date): Promise<ActiveSession | null> {
  if (token === null || !TOKEN_SHAPE.test(token)) return null;
  const id = hashToken(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.created_at',
      'session.expires_at',
      'session.csrf_token',
      'app_user.id as user_id',
      'app_user.username',
      'app_user.display_name',
      'app_user.role',
      'app_user.scope',
      'app_user.disabled',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;

  const absoluteEnd = new Date(row.created_at).getTime() + SESSION_ABSOLUTE_MS;
  const idleEnd = new Date(row.expires_at).getTime();
  if (now.getTime() >= Math.min(idleEnd, absoluteEnd) || row.disabled === 1) {
    await deleteSession(db, id);
    return null;
  }
  const user = toSessionUser({ id: row.user_id, username: row.username, display_name: row.display_name, role: row.role, scope: row.scope });
  if (user === null) return null;

  let expiresAt = row.expires_at;
  const slid = Math.min(now.getTime() + SESSION_IDLE_MS, absoluteEnd);
  if (slid - idleEnd >= TOUCH_AFTER_MS) {
    expiresAt = new Date(slid).toISOString();
    await db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', id).execute();
  }
  return { id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt, user };
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** When an account is disabled or its password changes: every browser signs in again. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}
