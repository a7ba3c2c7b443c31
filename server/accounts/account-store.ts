// Creating and changing accounts: one place for the rules, used by admin.users.* and the CLI.
// Every change is audited (table app_user, key {id}); the password hash never enters the trail.
import type { Kysely, Transaction } from 'kysely';
import type { AccountScope } from '../../core/scope.ts';
import type { Role } from '../access.ts';
import { recordAudit, type AuditActor } from '../audit/audit-log.ts';
import { hashPassword, type ScryptCost } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { serializeScope, toAccountView, type AccountView } from './account-row.ts';

export class AccountError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'conflict' | 'not-found',
  ) {
    super(message);
  }
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: AccountScope;
  password: string;
}

export interface AccountPatch {
  displayName?: string;
  role?: Role;
  scope?: AccountScope;
  password?: string;
  disabled?: boolean;
}

export async function listAccounts(db: Kysely<Database>): Promise<AccountView[]> {
  return (await db.selectFrom('app_user').selectAll().orderBy('username').execute()).map(toAccountView);
}

export async function findAccount(db: Kysely<Database>, username: string): Promise<AccountView | null> {
  const row = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? toAccountView(row) : null;
}

export async function createAccount(db: Kysely<Database>, actor: AuditActor, input: NewAccount, cost?: ScryptCost): Promise<AccountView> {
  const scope = roleScope(input.role, input.scope);
  await checkScopeProvinces(db, scope);
  const passwordHash = await hashPassword(input.password, cost);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new AccountError(`tên đăng nhập "${input.username}" đã có / username "${input.username}" is taken`, 'conflict');
    const row = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        password_hash: passwordHash,
        role: input.role,
        scope: serializeScope(scope),
        display_name: input.displayName,
        disabled: 0,
        created_at: actor.clock().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { table: 'app_user', key: { id: row.id }, before: null, after: row });
    return toAccountView(row);
  });
}

export async function updateAccount(db: Kysely<Database>, actor: AuditActor, id: number, patch: AccountPatch, cost?: ScryptCost): Promise<AccountView> {
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password, cost);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AccountError(`không có tài khoản #${id} / no account #${id}`, 'not-found');
    const role = patch.role ?? (before.role as Role);
    const changes: Partial<typeof before> = {};
    if (patch.displayName !== undefined) changes.display_name = patch.displayName;
    if (patch.role !== undefined) changes.role = patch.role;
    if (patch.scope !== undefined || patch.role === 'admin') {
      const scope = roleScope(role, patch.scope === undefined ? null : patch.scope);
      await checkScopeProvinces(trx, scope);
      changes.scope = serializeScope(scope);
    }
    if (passwordHash !== undefined) changes.password_hash = passwordHash;
    if (patch.disabled !== undefined) changes.disabled = patch.disabled ? 1 : 0;

    const losesAdmin = before.role === 'admin' && before.disabled === 0 && (role !== 'admin' || patch.disabled === true);
    if (losesAdmin) await keepOneAdmin(trx, id);

    const after =
      Object.keys(changes).length === 0
        ? before
        : await trx.updateTable('app_user').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    // A disabled account or a new password signs every browser out.
    if (patch.disabled === true || passwordHash !== undefined) await deleteUserSessions(trx, id);
    await recordAudit(trx, actor, { table: 'app_user', key: { id }, before, after });
    return toAccountView(after);
  });
}

/** Admins work country-wide; any other role without a scope does too. */
function roleScope(role: Role, scope: AccountScope): AccountScope {
  if (role === 'admin' && scope !== null) {
    throw new AccountError('quản trị luôn có phạm vi toàn quốc / an admin always has the whole country as scope', 'invalid');
  }
  return scope;
}

async function checkScopeProvinces(db: Kysely<Database> | Transaction<Database>, scope: AccountScope): Promise<void> {
  if (scope === null) return;
  const rows = await db.selectFrom('unit').select(['structure', 'code']).where('level', '=', 'province').execute();
  if (rows.length === 0) {
    throw new AccountError('danh mục đơn vị trống: chạy `npm run seed` trước / the unit registry is empty: run `npm run seed` first', 'invalid');
  }
  const known = new Set(rows.map((r) => `${r.structure}:${r.code}`));
  const unknown = scope.filter((s) => !known.has(`${s.structure}:${s.code}`)).map((s) => `${s.structure}:${s.code}`);
  if (unknown.length > 0) {
    throw new AccountError(`không có tỉnh / no such province: ${unknown.join(', ')}`, 'invalid');
  }
}

/** Refuses to disable or demote the last enabled admin: nobody could manage accounts after. */
async function keepOneAdmin(trx: Transaction<Database>, id: number): Promise<void> {
  const others = await trx
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('id', '<>', id)
    .execute();
  if (others.length === 0) {
    throw new AccountError('không thể bỏ quản trị viên cuối cùng / cannot disable or demote the last admin', 'invalid');
  }
}
