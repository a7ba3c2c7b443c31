// The audit trail (nhật ký thay đổi): who, when, which procedure, which table and row, before and
// after. Written in the same transaction as the change it describes, so there is never a change
// without its record, nor a record of a change that was rolled back.
//
// Write procedures get one helper, ctx.audited (bound in trpc.ts to the caller and the procedure):
//
//   await ctx.audited(async (trx, audit) => {
//     const before = await trx.selectFrom('target').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
//     const after = await trx.updateTable('target').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
//     await audit({ table: 'target', key: { id }, before, after });
//   });
//
// CLI tools (scripts/user.ts, restore) use writeAudited with procedure names like "cli:user add".
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditChange {
  table: string;
  /** The row's key columns, e.g. { id: 7 } or { structure: 'pre2025', unit_code: '22276', year: 2023 }. */
  key: Record<string, unknown>;
  /** The row before the write; null for an insert or an event (sign-in). */
  before: object | null;
  /** The row after the write; null for a delete. */
  after: object | null;
}

export type RecordChange = (change: AuditChange) => Promise<void>;
export type AuditedWrite = <T>(write: (trx: Transaction<Database>, audit: RecordChange) => Promise<T>) => Promise<T>;

export interface AuditActor {
  userId: number | null;
  procedure: string;
  clock: () => Date;
}

/** Secrets never go into the trail; a changed one shows as "[changed]". */
const SECRET_FIELD = /password|csrf|token|secret/i;

export async function recordAudit(db: Kysely<Database>, actor: AuditActor, change: AuditChange): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: actor.clock().toISOString(),
      user_id: actor.userId,
      procedure: actor.procedure,
      table_name: change.table,
      row_key: JSON.stringify(change.key),
      before: change.before === null ? null : JSON.stringify(redact(change.before, null)),
      after: change.after === null ? null : JSON.stringify(redact(change.after, change.before)),
    })
    .execute();
}

export function auditedWriter(db: Kysely<Database>, actor: AuditActor): AuditedWrite {
  return (write) => db.transaction().execute((trx) => write(trx, (change) => recordAudit(trx, actor, change)));
}

/** For code outside tRPC (the CLI): one transaction, one actor. */
export function writeAudited<T>(
  db: Kysely<Database>,
  actor: AuditActor,
  write: (trx: Transaction<Database>, audit: RecordChange) => Promise<T>,
): Promise<T> {
  return auditedWriter(db, actor)(write);
}

function redact(row: object, previous: object | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (!SECRET_FIELD.test(field)) out[field] = value;
    else if (previous === null) out[field] = '[redacted]';
    else out[field] = (previous as Record<string, unknown>)[field] === value ? '[redacted]' : '[changed]';
  }
  return out;
}
