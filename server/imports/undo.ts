// imports.undo: a batch taken back as a whole, in one transaction: the rows it added removed,
// the rows it replaced restored exactly as they were (import_change.before). Refused when a
// later import rewrote some of those rows (their import_id is no longer this batch): undoing
// would throw that import's data away, so the later one must be undone first.
import type { Kysely } from 'kysely';
import type { AuditedWrite } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { bumpDataVersion } from '../indicators/values-cache.ts';
import { ImportRefused } from './preview.ts';
import { chunks, deleteByKeys, insertRows, KIND_STORES, takeImportLock, type DataTable, type ImportTrx, type Row } from './store.ts';
import type { ImportKind } from '../../core/imports/types.ts';
import { BOUNDARY_KIND, BOUNDARY_TABLE, boundaryUndoStore } from '../boundaries/commit.ts';

export interface UndoResult {
  restored: number;
  removed: number;
}

export class NotYours extends ImportRefused {}
export class BatchMissing extends ImportRefused {}
export class LaterImport extends ImportRefused {}

export async function undoImport(audited: AuditedWrite, batchId: number, user: { id: number | null; admin: boolean }): Promise<UndoResult> {
  return audited(async (rawTrx, audit) => {
    const trx = rawTrx as unknown as ImportTrx;
    await takeImportLock(trx);
    const db = trx as unknown as Kysely<any>;
    const batch = await (rawTrx as Kysely<Database>).selectFrom('import_batch').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!batch) throw new BatchMissing(`Không có lô nhập #${batchId}`);
    if (!user.admin && batch.user_id !== user.id) throw new NotYours('Chỉ người đã nhập lô này hoặc quản trị viên được hoàn tác');
    if (batch.status !== 'applied') throw new ImportRefused(`Lô nhập #${batchId} không ở trạng thái đã ghi (${batch.status}): không có gì để hoàn tác`);
    // makes SQLite take its write lock now, before reading what to restore
    await (rawTrx as Kysely<Database>).updateTable('import_batch').set({ status: 'reverted' }).where('id', '=', batchId).execute();

    // Boundary uploads (server/boundaries/commit.ts) share import_batch and import_change but key
    // their rows by (structure, code): their own current-rows and delete; the rest is the same.
    const boundary = batch.kind === BOUNDARY_KIND;
    const store = boundary ? null : KIND_STORES[batch.kind as ImportKind];
    const table = store?.table ?? BOUNDARY_TABLE;
    const changes = (await db.selectFrom('import_change').selectAll().where('batch_id', '=', batchId).orderBy('id').execute()) as { row_key: string; before: string | null }[];
    const keys: Row[] = changes.map((c) => JSON.parse(c.row_key));
    const current = store ? await currentRows(trx, store.table, keys) : await boundaryUndoStore.currentRows(trx, keys);
    const later = new Map<number, number>();
    for (const row of current) {
      const writer = row.import_id === null ? null : Number(row.import_id);
      if (writer !== batchId) later.set(writer ?? 0, (later.get(writer ?? 0) ?? 0) + 1);
    }
    if (later.size > 0) {
      const which = [...later].map(([id, n]) => (id === 0 ? `${n} dòng đã bị sửa ngoài lô nhập` : `lô #${id} đã ghi lại ${n} dòng`)).join('; ');
      throw new LaterImport(`Không hoàn tác được lô #${batchId}: ${which}. Hoàn tác lô sau trước.`);
    }
    if (store) await deleteByKeys(trx, store, keys);
    else await boundaryUndoStore.deleteByKeys(trx, keys);
    const befores: Row[] = changes.flatMap((c) => (c.before === null ? [] : [JSON.parse(c.before) as Row]));
    if (befores.length > 0) await insertRows(trx, table, befores);
    await bumpDataVersion(rawTrx);
    const result = { restored: befores.length, removed: changes.length - befores.length };
    await audit({ table: 'import_batch', key: { id: batchId }, before: { status: 'applied' }, after: { status: 'reverted', ...result } });
    return result;
  });
}

/** The rows the batch wrote, as the table holds them now. */
async function currentRows(trx: ImportTrx, table: DataTable, keys: Row[]): Promise<Row[]> {
  const db = trx as unknown as Kysely<any>;
  const out: Row[] = [];
  if (table !== 'poverty_review') {
    for (const part of chunks(keys.map((k) => k.id))) out.push(...(await db.selectFrom(table).select(['id', 'import_id']).where('id', 'in', part).execute()));
    return out;
  }
  const groups = new Map<string, Row[]>();
  for (const k of keys) {
    const group = `${k.structure}|${k.year}`;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(k);
  }
  for (const group of groups.values()) {
    for (const part of chunks(group)) {
      const rows = await db
        .selectFrom('poverty_review')
        .select(['unit_code', 'import_id'])
        .where('structure', '=', part[0]!.structure)
        .where('year', '=', part[0]!.year)
        .where('unit_code', 'in', part.map((k) => k.unit_code))
        .execute();
      out.push(...rows);
    }
  }
  return out;
}
