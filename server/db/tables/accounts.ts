// Accounts, sessions, audit trail (migration 0003).
import type { Generated } from 'kysely';
import type { Flag } from './registry.ts';

/** Named `app_user` because `user` is a reserved word in PostgreSQL. */
export interface AppUserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  /** JSON: which units the user may see/edit, e.g. [{structure, code}]; null = everywhere. */
  scope: string | null;
  display_name: string;
  disabled: Flag;
  created_at: string;
}

export interface SessionTable {
  /** Hash of the session token: a stolen database does not yield live cookies. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  csrf_token: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  procedure: string;
  table_name: string;
  /** JSON of the row's key columns. */
  row_key: string;
  before: string | null;
  after: string | null;
}
