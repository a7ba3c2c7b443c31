// boundaries.commit: the previewed polygons written in one transaction with their import_batch
// (kind 'boundary') and an import_change row per unit (the replaced polygon, or null), so
// imports.undo takes an upload back like any import (server/imports/undo.ts, its 'boundary' branch).
import type { Kysely } from 'kysely';
import type { AuditedWrite } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { OutsideScopeRows } from '../imports/apply.ts';
import { ImportRefused } from '../imports/preview.ts';
import { chunks, insertRows, takeImportLock, type ImportTrx, type Row } from '../imports/store.ts';
import { bumpDataVersion } from '../indicators/values-cache.ts';
import type { BoundaryInput, PreviewedBoundaries } from './preview.ts';
import { asBoundaryDb } from './store.ts';

export interface BoundaryCommitResult {
  batchId: number;
  inserted: number;
  replaced: number;
}

export const BOUNDARY_KIND = 'boundary';
export const BOUNDARY_TABLE = 'unit_boundary';

export function checkCommittable(previewed: PreviewedBoundaries, fingerprint: string): void {
  const { report } = previewed;
  if (report.fingerprint !== fingerprint) throw new ImportRefused('Tệp đã khác bản xem trước: hãy xem trước lại rồi xác nhận');
  if (previewed.outsideScope > 0) throw new OutsideScopeRows(`${previewed.outsideScope} đối tượng ngoài phạm vi được giao; không ghi ranh giới nào`);
  if (report.errors.length > 0) throw new ImportRefused(`Tệp còn ${report.errors.length} lỗi; không ghi ranh giới nào`);
  if (report.accepted === 0) throw new ImportRefused('Tệp không có ranh giới hợp lệ nào để ghi');
}

export async function commitBoundaries(
  audited: AuditedWrite,
  input: BoundaryInput,
  previewed: PreviewedBoundaries,
  options: { userId: number | null; now: string },
): Promise<BoundaryCommitResult> {
  return audited(async (rawTrx, audit) => {
    const trx = rawTrx as unknown as ImportTrx;
    // the same lock as imports: an upload and an undo of it never interleave
    await takeImportLock(trx);
    const { report } = previewed;
    const batch = await (rawTrx as Kysely<Database>)
      .insertInto('import_batch')
      .values({ kind: BOUNDARY_KIND, file_name: input.fileName, row_count: report.accepted, status: 'applied', report: JSON.stringify(report), user_id: options.userId, created_at: options.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchId = Number(batch.id);
    const db = asBoundaryDb(rawTrx);
    const codes = previewed.accepted.map((a) => a.unit.code);
    const existing = new Map<string, Row>();
    for (const part of chunks(codes)) {
      for (const row of await db.selectFrom('unit_boundary').selectAll().where('structure', '=', 'pre2025').where('code', 'in', part).execute()) existing.set(row.code, row);
    }
    for (const part of chunks([...existing.keys()])) await db.deleteFrom('unit_boundary').where('structure', '=', 'pre2025').where('code', 'in', part).execute();
    const rows = previewed.accepted.map(({ unit, checked }) => ({
      structure: 'pre2025',
      code: unit.code,
      geometry: JSON.stringify(checked.geometry),
      min_lon: checked.bbox[0],
      min_lat: checked.bbox[1],
      max_lon: checked.bbox[2],
      max_lat: checked.bbox[3],
      source: input.fileName,
      import_id: batchId,
      created_at: options.now,
    }));
    await insertRows(trx, BOUNDARY_TABLE, rows);
    const changes = rows.map((row) => {
      const before = existing.get(row.code);
      return { batch_id: batchId, table_name: BOUNDARY_TABLE, row_key: JSON.stringify({ structure: row.structure, code: row.code }), before: before ? JSON.stringify(before) : null };
    });
    await insertRows(trx, 'import_change', changes);
    await bumpDataVersion(rawTrx);
    const result = { batchId, inserted: rows.length - existing.size, replaced: existing.size };
    await audit({ table: 'import_batch', key: { id: batchId }, before: null, after: { kind: BOUNDARY_KIND, file_name: input.fileName, format: report.format, units: codes.length, ...result } });
    return result;
  });
}

/**
 * imports.undo's branch for boundary batches: the polygons the batch wrote, as the table holds
 * them now (to refuse when a later upload rewrote one), then the same delete + restore.
 */
export const boundaryUndoStore = {
  async currentRows(trx: ImportTrx, keys: Row[]): Promise<Row[]> {
    const db = asBoundaryDb(trx as unknown as Kysely<any>);
    const out: Row[] = [];
    for (const part of chunks(keys.map((k) => String(k.code)))) {
      out.push(...(await db.selectFrom('unit_boundary').select(['code', 'import_id']).where('structure', '=', 'pre2025').where('code', 'in', part).execute()));
    }
    return out;
  },
  async deleteByKeys(trx: ImportTrx, keys: Row[]): Promise<void> {
    const db = asBoundaryDb(trx as unknown as Kysely<any>);
    for (const part of chunks(keys.map((k) => String(k.code)))) await db.deleteFrom('unit_boundary').where('structure', '=', 'pre2025').where('code', 'in', part).execute();
  },
};
