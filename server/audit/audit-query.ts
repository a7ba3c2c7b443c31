// admin.audit.list: browse the trail newest first, filtered, in pages (cursor = last id seen).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditFilter {
  /** Username of the actor. */
  user?: string;
  /** Procedure name or its beginning: "admin.users." lists every account change. */
  procedure?: string;
  table?: string;
  /** ISO timestamps (UTC), both inclusive. */
  from?: string;
  to?: string;
  limit: number;
  /** The last id of the previous page. */
  cursor?: number;
}

export interface AuditEntryView {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  procedure: string;
  table: string;
  rowKey: unknown;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntryView[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'app_user.username',
      'audit_log.procedure',
      'audit_log.table_name',
      'audit_log.row_key',
      'audit_log.before',
      'audit_log.after',
    ]);
  if (filter.user !== undefined) query = query.where('app_user.username', '=', filter.user);
  if (filter.procedure !== undefined) {
    query = query.where('audit_log.procedure', 'like', sql<string>`${escapeLike(filter.procedure) + '%'} escape '\\'`);
  }
  if (filter.table !== undefined) query = query.where('audit_log.table_name', '=', filter.table);
  if (filter.from !== undefined) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('audit_log.at', '<=', filter.to);
  if (filter.cursor !== undefined) query = query.where('audit_log.id', '<', filter.cursor);

  const rows = await query.orderBy('audit_log.id', 'desc').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username ?? null,
      procedure: r.procedure,
      table: r.table_name,
      rowKey: parseJson(r.row_key),
      before: parseJson(r.before),
      after: parseJson(r.after),
    })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => '\\' + ch);
}
