// imports.list: batches newest first, with who imported them; a planner sees their own.
import type { Kysely } from 'kysely';
import type { ImportKind } from '../../core/imports/types.ts';
import type { Database } from '../db/schema.ts';

export interface ImportListItem {
  id: number;
  kind: ImportKind;
  fileName: string | null;
  rowCount: number;
  status: string;
  username: string | null;
  createdAt: string;
}

export async function listImports(db: Kysely<Database>, q: { userId: number | null; limit: number; offset: number }): Promise<{ items: ImportListItem[]; total: number }> {
  let base = db.selectFrom('import_batch as b').leftJoin('app_user as u', 'u.id', 'b.user_id');
  if (q.userId !== null) base = base.where('b.user_id', '=', q.userId);
  const [rows, count] = await Promise.all([
    base
      .select(['b.id', 'b.kind', 'b.file_name', 'b.row_count', 'b.status', 'u.username', 'b.created_at'])
      .orderBy('b.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ id: Number(r.id), kind: r.kind as ImportKind, fileName: r.file_name, rowCount: Number(r.row_count), status: r.status, username: r.username, createdAt: r.created_at })),
    total: Number(count.n),
  };
}
