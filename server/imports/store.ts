// How each import kind lands in its table: the row it writes, the key that says "the same row"
// (replaced rather than doubled), and the key kept for undo. Review rows are keyed by (structure,
// unit, year) like the table's primary key; targets by (structure, unit, year, indicator);
// projects by (structure, unit, DA, TDA, title); visits by their id. A replaced row keeps its id.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AcceptedRow } from '../../core/imports/validate-file.ts';
import type { ProjectRecord } from '../../core/imports/kinds/project.ts';
import type { ReviewRecord } from '../../core/imports/kinds/review.ts';
import type { TargetRecord } from '../../core/imports/kinds/target.ts';
import type { VisitRecord } from '../../core/imports/kinds/visit.ts';
import type { ImportKind, StructureId } from '../../core/imports/types.ts';
import { foldVietnamese } from '../../core/text.ts';
import type { Database, VisitTable } from '../db/schema.ts';

/** Tables as migration 0007 left them (schema.ts predates it). */
export interface ImportChangeTable {
  id: import('kysely').Generated<number>;
  batch_id: number;
  table_name: string;
  row_key: string;
  before: string | null;
}
export type ImportDatabase = Omit<Database, 'visit'> & { visit: VisitTable & { import_id: number | null }; import_change: ImportChangeTable };
export type ImportTrx = Transaction<ImportDatabase> | Kysely<ImportDatabase>;

export type DataTable = 'poverty_review' | 'target' | 'project' | 'visit';
export type Row = Record<string, unknown>;

export interface KindStore {
  table: DataTable;
  /** Columns of the row's identity in the table, saved as import_change.row_key. */
  keyColumns: readonly string[];
  /** The rows this import writes (without ids). */
  rowsOf(accepted: AcceptedRow[], structure: StructureId, batchId: number, userId: number | null, now: string): Row[];
  /** "The same row" for replacing: compared between a new row and the table's rows. */
  sameRow(row: Row): string;
}

export const CHUNK = 400;
export const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const reviewStore: KindStore = {
  table: 'poverty_review',
  keyColumns: ['structure', 'unit_code', 'year'],
  rowsOf: (accepted, structure, batchId) =>
    accepted.map(({ unit, record }) => {
      const r = record as ReviewRecord;
      const row: Row = {
        structure, unit_code: unit.code, year: r.year, poverty_standard: r.povertyStandard, households: r.households, poor: r.poor, near_poor: r.nearPoor,
        escaped: r.escaped, newly_poor: r.newlyPoor, re_poor: r.rePoor, source: r.source, simulated: 0, import_id: batchId,
      };
      r.deprivations.forEach((value, i) => (row[`d${String(i + 1).padStart(2, '0')}`] = value));
      return row;
    }),
  sameRow: (row) => `${row.structure}|${row.unit_code}|${Number(row.year)}`,
};

const targetStore: KindStore = {
  table: 'target',
  keyColumns: ['id'],
  rowsOf: (accepted, structure, batchId) =>
    accepted.map(({ unit, record }) => {
      const r = record as TargetRecord;
      return { structure, unit_code: unit.code, year: r.year, indicator: r.indicator, value: r.value, source: r.source, simulated: 0, import_id: batchId };
    }),
  sameRow: (row) => `${row.structure}|${row.unit_code}|${Number(row.year)}|${row.indicator}`,
};

const projectStore: KindStore = {
  table: 'project',
  keyColumns: ['id'],
  rowsOf: (accepted, structure, batchId, _userId, now) =>
    accepted.map(({ unit, record }) => {
      const r = record as ProjectRecord;
      return {
        programme_project: r.programmeProject, sub_project: r.subProject, structure, unit_code: unit.code, title: r.title,
        budget_central: r.budgetCentral, budget_local: r.budgetLocal, budget_other: r.budgetOther, households: r.households,
        start_date: r.startDate, end_date: r.endDate, status: r.status, progress_pct: r.progressPct, disbursed: r.disbursed,
        source: r.source, simulated: 0, import_id: batchId, created_at: now, updated_at: now,
      };
    }),
  sameRow: (row) => `${row.structure}|${row.unit_code}|${row.programme_project}|${row.sub_project ?? ''}|${foldVietnamese(String(row.title))}`,
};

const visitStore: KindStore = {
  table: 'visit',
  keyColumns: ['id'],
  rowsOf: (accepted, structure, batchId, userId, now) =>
    accepted.map(({ unit, record }) => {
      const r = record as VisitRecord;
      // no code in the file: the same team, unit and date is the same visit on a re-import
      const id = r.visitCode ?? `import-${createHash('sha256').update(`${r.teamId}|${structure}|${unit.code}|${r.plannedDate ?? r.actualDate}`).digest('hex').slice(0, 32)}`;
      return {
        id, team_id: r.teamId, structure, unit_code: unit.code, route_plan_id: null, planned_date: r.plannedDate, actual_date: r.actualDate,
        status: r.status, findings: r.findings === null ? null : JSON.stringify({ note: r.findings }),
        follow_ups: r.followUps === null ? null : JSON.stringify([{ action: r.followUps }]), lon: null, lat: null,
        created_by: userId, created_at: now, updated_at: now, import_id: batchId,
      };
    }),
  sameRow: (row) => String(row.id),
};

export const KIND_STORES: Record<ImportKind, KindStore> = { review: reviewStore, target: targetStore, project: projectStore, visit: visitStore };

export const rowKeyOf = (store: KindStore, row: Row) => Object.fromEntries(store.keyColumns.map((c) => [c, c === 'year' || c === 'id' && store.table !== 'visit' ? Number(row[c]) : row[c]]));

/** The table's rows that the new rows would replace, by sameRow key. */
export async function existingRows(trx: ImportTrx, store: KindStore, structure: StructureId, rows: Row[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const db = trx as unknown as Kysely<any>;
  if (store.table === 'visit') {
    for (const part of chunks(rows.map((r) => r.id as string))) {
      for (const row of await db.selectFrom('visit').selectAll().where('id', 'in', part).execute()) found.set(store.sameRow(row), row);
    }
    return found;
  }
  const codes = [...new Set(rows.map((r) => r.unit_code as string))];
  for (const part of chunks(codes)) {
    const existing = await db.selectFrom(store.table).selectAll().where('structure', '=', structure).where('unit_code', 'in', part).execute();
    for (const row of existing) found.set(store.sameRow(row), row);
  }
  return found;
}

/** Deletes rows by their key columns (one statement per chunk, grouped by year for reviews). */
export async function deleteByKeys(trx: ImportTrx, store: KindStore, keys: Row[]): Promise<void> {
  const db = trx as unknown as Kysely<any>;
  if (store.keyColumns[0] === 'id') {
    for (const part of chunks(keys.map((k) => k.id))) await db.deleteFrom(store.table).where('id', 'in', part).execute();
    return;
  }
  const groups = new Map<string, { structure: unknown; year: unknown; codes: unknown[] }>();
  for (const k of keys) {
    const g = `${k.structure}|${k.year}`;
    if (!groups.has(g)) groups.set(g, { structure: k.structure, year: k.year, codes: [] });
    groups.get(g)!.codes.push(k.unit_code);
  }
  for (const { structure, year, codes } of groups.values()) {
    for (const part of chunks(codes)) {
      await db.deleteFrom(store.table).where('structure', '=', structure).where('year', '=', year).where('unit_code', 'in', part).execute();
    }
  }
}

/** Inserts in chunks; with `returning`, answers the rows as stored (generated ids included). */
export async function insertRows(trx: ImportTrx, table: string, rows: Row[], returning = false): Promise<Row[]> {
  const db = trx as unknown as Kysely<any>;
  const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const out: Row[] = [];
  // SQLite allows 32,766 bound values per statement, PostgreSQL 65,535: stay well under both
  for (const part of chunks(rows, Math.max(1, Math.floor(12_000 / width)))) {
    if (returning) out.push(...(await db.insertInto(table).values(part).returningAll().execute()));
    else await db.insertInto(table).values(part).execute();
  }
  return out;
}

/** Serialises imports and undos: the later one sees the earlier one's rows as "existing". */
export async function takeImportLock(trx: ImportTrx): Promise<void> {
  // SQLite: the writing transaction's first write already holds the database's one write lock.
  if (trx.getExecutor().adapter.constructor.name !== 'PostgresAdapter') return;
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_ID})`.execute(trx);
}
const IMPORT_LOCK_ID = 7_007_001;
