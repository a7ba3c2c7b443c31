// app_user rows ↔ what the rest of the server uses. The scope column holds JSON
// [{"structure":"pre2025","code":"42"}] or NULL for the whole country; a row that does not parse
// is treated as no account at all (fail closed) rather than as a country-wide one.
import type { Selectable } from 'kysely';
import { ROLES, type Role, type SessionUser } from '../access.ts';
import type { AccountScope, ProvinceScope } from '../../core/scope.ts';
import type { AppUserTable } from '../db/schema.ts';

export type AccountRow = Selectable<AppUserTable>;

/** An account as admins see it: never the password hash. */
export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: AccountScope;
  disabled: boolean;
  createdAt: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function serializeScope(scope: AccountScope): string | null {
  return scope === null ? null : JSON.stringify(scope.map((s) => ({ structure: s.structure, code: s.code })));
}

/** undefined = unreadable. */
export function parseStoredScope(text: string | null): AccountScope | undefined {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return undefined;
    const entries: ProvinceScope[] = [];
    for (const item of value) {
      const { structure, code } = (item ?? {}) as Record<string, unknown>;
      if ((structure !== '2025' && structure !== 'pre2025') || typeof code !== 'string' || !/^\d{2}$/.test(code)) return undefined;
      entries.push({ structure, code });
    }
    return entries;
  } catch {
    return undefined;
  }
}

export function toSessionUser(row: Pick<AccountRow, 'id' | 'username' | 'display_name' | 'role' | 'scope'>): SessionUser | null {
  const scope = parseStoredScope(row.scope);
  if (!isRole(row.role) || scope === undefined) {
    console.error(`povmap: account ${row.username} has an unreadable role or scope; refusing it`);
    return null;
  }
  // An admin manages everything; a scope stored on one would be misleading, never narrowing.
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, scope: row.role === 'admin' ? null : scope };
}

/** Rows only our own code wrote; an unreadable one (hand-edited) shows as is and cannot sign in. */
export function toAccountView(row: AccountRow): AccountView {
  const scope = parseStoredScope(row.scope);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    scope: scope === undefined ? [] : scope,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}
