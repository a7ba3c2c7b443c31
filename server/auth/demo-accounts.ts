// Demo mode (POVMAP_DEMO=1, which `npm start` sets): one account per role with a published
// password, listed on the sign-in page as demo-only. The accounts are (re)set at every demo start,
// so the published password always works; a start *without* demo mode disables them, so a
// database that once ran the demo never keeps a known password alive in a real deployment.
import type { Kysely } from 'kysely';
import type { AccountScope } from '../../core/scope.ts';
import type { Role } from '../access.ts';
import { serializeScope } from '../accounts/account-row.ts';
import { recordAudit, type AuditActor } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { deleteUserSessions } from './sessions.ts';

export const DEMO_PASSWORD = 'povmap-demo';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  /** What the scope means, for the sign-in page. */
  scopeLabel: string;
  scope: AccountScope;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo-admin', role: 'admin', displayName: 'Quản trị (demo)', scopeLabel: 'Toàn quốc', scope: null },
  {
    username: 'demo-planner',
    role: 'planner',
    displayName: 'Cán bộ giảm nghèo Hà Tĩnh (demo)',
    scopeLabel: 'Hà Tĩnh (trước 01/7/2025)',
    scope: [{ structure: 'pre2025', code: '42' }],
  },
  {
    username: 'demo-supervisor',
    role: 'supervisor',
    displayName: 'Đoàn giám sát Phú Yên (demo)',
    scopeLabel: 'Phú Yên (trước 01/7/2025)',
    scope: [{ structure: 'pre2025', code: '54' }],
  },
  { username: 'demo-viewer', role: 'viewer', displayName: 'Lãnh đạo (demo)', scopeLabel: 'Toàn quốc', scope: null },
].map((a) => ({ ...a, password: DEMO_PASSWORD }) as DemoAccount);

export const isDemoUsername = (username: string) => DEMO_ACCOUNTS.some((a) => a.username === username);

const actor = (clock: () => Date): AuditActor => ({ userId: null, procedure: 'server:demo-mode', clock });

/**
 * Creates or resets the demo accounts (enabled, published password, role and scope as listed).
 * Accounts already as listed are left alone, so restarts do not fill the audit trail.
 */
export async function ensureDemoAccounts(db: Kysely<Database>, clock: () => Date): Promise<void> {
  const existing = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', 'in', DEMO_ACCOUNTS.map((a) => a.username))
    .execute();
  const stale = await Promise.all(
    DEMO_ACCOUNTS.map(async (account) => {
      const row = existing.find((r) => r.username === account.username);
      const current =
        row !== undefined &&
        row.role === account.role &&
        row.scope === serializeScope(account.scope) &&
        row.display_name === account.displayName &&
        row.disabled === 0 &&
        (await verifyPassword(DEMO_PASSWORD, row.password_hash));
      return current ? null : account;
    }),
  );
  const toWrite = stale.filter((a) => a !== null);
  if (toWrite.length === 0) return;

  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const account of toWrite) {
      const values = {
        password_hash: hash,
        role: account.role,
        scope: serializeScope(account.scope),
        display_name: account.displayName,
        disabled: 0 as const,
      };
      const before = await trx.selectFrom('app_user').selectAll().where('username', '=', account.username).executeTakeFirst();
      const after = before
        ? await trx.updateTable('app_user').set(values).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
        : await trx
            .insertInto('app_user')
            .values({ ...values, username: account.username, created_at: clock().toISOString() })
            .returningAll()
            .executeTakeFirstOrThrow();
      await recordAudit(trx, actor(clock), { table: 'app_user', key: { id: after.id }, before: before ?? null, after });
    }
  });
}

/** Outside demo mode: demo accounts that exist are disabled and signed out. Returns how many. */
export async function disableDemoAccounts(db: Kysely<Database>, clock: () => Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('app_user')
      .selectAll()
      .where('username', 'in', DEMO_ACCOUNTS.map((a) => a.username))
      .where('disabled', '=', 0)
      .execute();
    for (const before of rows) {
      const after = await trx.updateTable('app_user').set({ disabled: 1 }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
      await deleteUserSessions(trx, before.id);
      await recordAudit(trx, actor(clock), { table: 'app_user', key: { id: before.id }, before, after });
    }
    return rows.length;
  });
}
