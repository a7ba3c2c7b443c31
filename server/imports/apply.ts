// imports.commit (the "apply" step; tRPC reserves that name) and the CLI's write: the validated rows, the batch that records them and what
// they replaced, in one transaction. The batch row is the first write: on SQLite that takes the
// database's write lock before anything is read, on PostgreSQL an advisory lock does the same,
// so two imports racing on the same units run one after the other and the second replaces
// (and remembers) the first's rows: nothing lost, nothing doubled.
import type { Kysely } from 'kysely';
import type { AuditedWrite } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { bumpDataVersion } from '../indicators/values-cache.ts';
import { ImportRefused, type ImportInput, type Previewed } from './preview.ts';
import { existingRows, deleteByKeys, insertRows, KIND_STORES, rowKeyOf, takeImportLock, type ImportTrx, type Row } from './store.ts';

export interface ApplyResult {
  batchId: number;
  inserted: number;
  replaced: number;
}

export class OutsideScopeRows extends ImportRefused {}

/** Refuses (before any write) a file with errors, open ambiguities, or another fingerprint. */
export function checkApplicable(previewed: Previewed, fingerprint: string): void {
  const { report } = previewed;
  if (report.fingerprint !== fingerprint) {
    throw new ImportRefused('Tệp hoặc tuỳ chọn đã khác bản xem trước: hãy xem trước lại rồi xác nhận');
  }
  const outside = report.errors.filter((e) => e.code === 'outside_scope').length;
  if (outside > 0) throw new OutsideScopeRows(`${outside} dòng ngoài phạm vi được giao; không ghi dòng nào`);
  if (report.errors.length > 0 || report.ambiguous.length > 0) {
    const parts = [report.errors.length > 0 ? `${report.errors.length} lỗi` : '', report.ambiguous.length > 0 ? `${report.ambiguous.length} tên đơn vị chưa chọn` : ''].filter(Boolean);
    throw new ImportRefused(`Tệp còn ${parts.join(' và ')}; không ghi dòng nào`);
  }
  if (report.accepted === 0) throw new ImportRefused('Tệp không có dòng hợp lệ nào để ghi');
}

export interface ApplyOptions {
  userId: number | null;
  now: string;
  /** Called once the transaction holds its lock and has written the batch row (the CLI logs it). */
  onStarted?: (batchId: number) => void;
}

export async function applyImport(audited: AuditedWrite, input: ImportInput, previewed: Previewed, options: ApplyOptions): Promise<ApplyResult> {
  const store = KIND_STORES[input.kind];
  const { report, validation } = previewed;
  return audited(async (rawTrx, audit) => {
    const trx = rawTrx as unknown as ImportTrx;
    await takeImportLock(trx);
    const { sample: _sample, ...kept } = report;
    const batch = await (trx as unknown as Kysely<Database>)
      .insertInto('import_batch')
      .values({ kind: input.kind, file_name: input.fileName, row_count: report.accepted, status: 'applied', report: JSON.stringify(kept), user_id: options.userId, created_at: options.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchId = Number(batch.id);
    options.onStarted?.(batchId);

    const rows = store.rowsOf(validation.accepted, validation.structure, batchId, options.userId, options.now);
    const existing = await existingRows(trx, store, validation.structure, rows);
    const replacedRows: Row[] = [];
    for (const row of rows) {
      const before = existing.get(store.sameRow(row));
      if (!before) continue;
      replacedRows.push(before);
      // a replaced project, target or visit keeps its id: links to it stay valid
      if ('id' in before) row.id = before.id;
    }
    await deleteByKeys(trx, store, replacedRows.map((r) => rowKeyOf(store, r)));
    // target and project ids are generated: read them back for the undo keys; others are known
    const generatesIds = store.keyColumns[0] === 'id' && store.table !== 'visit';
    const written = generatesIds ? await insertRows(trx, store.table, rows, true) : (await insertRows(trx, store.table, rows), rows);
    const changes = written.map((row) => {
      const before = existing.get(store.sameRow(row));
      return { batch_id: batchId, table_name: store.table, row_key: JSON.stringify(rowKeyOf(store, row)), before: before ? JSON.stringify(before) : null };
    });
    await insertRows(trx, 'import_change', changes);
    await bumpDataVersion(rawTrx);
    const result = { batchId, inserted: rows.length - replacedRows.length, replaced: replacedRows.length };
    await audit({
      table: 'import_batch',
      key: { id: batchId },
      before: null,
      after: { kind: input.kind, file_name: input.fileName, structure: validation.structure, rows: report.accepted, inserted: result.inserted, replaced: result.replaced },
    });
    return result;
  });
}
