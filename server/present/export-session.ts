// Who the export CLI acts as, and its short-lived session. A batch of conference maps is made on
// the server by staff without a browser sign-in, so the CLI opens a session directly in the
// database — which whoever runs it can already read and write — for either:
//   --as USERNAME  an existing, enabled account: the maps show exactly what that person may see;
//   (default)      the built-in `povmap-export` account: a leader's view (role viewer, whole
//                  country), created on first use with a random password that is never shown or
//                  stored anywhere, so nobody can sign in with it over HTTP.
// The session lives for the run only: it expires in EXPORT_SESSION_MINUTES even if the process is
// killed, and is deleted when the run ends. Its token never leaves the process and the headless
// browser it starts, which talks to a server bound to 127.0.0.1 on a free port.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../access.ts';
import { toSessionUser } from '../accounts/account-row.ts';
import { createAccount } from '../accounts/account-store.ts';
import { createSession, deleteSession, type NewSession } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';

export const EXPORT_ACCOUNT = 'povmap-export';
export const EXPORT_SESSION_MINUTES = 30;

export async function exportUser(db: Kysely<Database>, clock: () => Date, username?: string): Promise<SessionUser> {
  const name = username ?? EXPORT_ACCOUNT;
  let row = await db.selectFrom('app_user').selectAll().where('username', '=', name).executeTakeFirst();
  if (!row && username === undefined) {
    await createAccount(
      db,
      { userId: null, procedure: 'cli.export', clock },
      {
        username: EXPORT_ACCOUNT,
        displayName: 'Xuất bản đồ (dòng lệnh) / Map export (command line)',
        role: 'viewer',
        scope: null,
        password: randomBytes(32).toString('base64url'),
      },
    );
    row = await db.selectFrom('app_user').selectAll().where('username', '=', name).executeTakeFirst();
  }
  if (!row) throw new Error(`không có tài khoản "${name}" / no account "${name}"`);
  if (row.disabled === 1) throw new Error(`tài khoản "${name}" đã bị khoá / account "${name}" is disabled`);
  const user = toSessionUser(row);
  if (!user) throw new Error(`tài khoản "${name}" không dùng được / account "${name}" is unusable`);
  return user;
}

export async function openExportSession(db: Kysely<Database>, user: SessionUser, now: Date): Promise<NewSession> {
  const session = await createSession(db, user, now);
  const expiresAt = new Date(now.getTime() + EXPORT_SESSION_MINUTES * 60_000).toISOString();
  await db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', session.id).execute();
  return { ...session, expiresAt };
}

export const closeExportSession = (db: Kysely<Database>, session: NewSession) => deleteSession(db, session.id);
