// Bulk INSERT for the demo seed, bypassing Kysely's builder, which would spend most of the seed
// compiling tens of thousands of rows into query trees. SQLite: multi-row VALUES, 500 rows per
// statement (the text is built once per chunk size). PostgreSQL: one array parameter per column
// through unnest(), 5,000 rows per statement — parsing 12,500-placeholder statements is what
// makes multi-row VALUES slow there. With a conflict key: ON CONFLICT (key) DO NOTHING, and the
// rows a user's row kept out are counted as skipped.
import { CompiledQuery, PostgresAdapter, type Insertable, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** 500 rows × ≤ 25 columns stays far below SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 500;
const PG_ROWS_PER_INSERT = 5000;

export async function bulkInsert<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  values: readonly Insertable<Database[T]>[],
  key: readonly string[] | null,
): Promise<{ inserted: number; skipped: number }> {
  const counts = { inserted: 0, skipped: 0 };
  if (values.length === 0) return counts;
  const columns = Object.keys(values[0]) as (keyof Insertable<Database[T]> & string)[];
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const size = postgres ? PG_ROWS_PER_INSERT : ROWS_PER_INSERT;
  const texts = new Map<number, string>();
  for (let i = 0; i < values.length; i += size) {
    const chunk = values.slice(i, i + size);
    let params: unknown[];
    let text: string;
    if (postgres) {
      text = texts.get(0) ?? unnestText(table, columns, key);
      texts.set(0, text);
      params = columns.map((column) => chunk.map((row) => row[column] ?? null));
    } else {
      text = texts.get(chunk.length) ?? valuesText(table, columns, key, chunk.length);
      texts.set(chunk.length, text);
      params = [];
      for (const row of chunk) for (const column of columns) params.push(row[column] ?? null);
    }
    // the key columns are the table's primary key / unique constraint (migrations 0002, 0004)
    const result = await trx.executeQuery(CompiledQuery.raw(text, params));
    const inserted = Number(result.numAffectedRows ?? BigInt(chunk.length));
    counts.inserted += inserted;
    counts.skipped += chunk.length - inserted;
  }
  return counts;
}

const quote = (name: string) => `"${name}"`;
const onConflict = (key: readonly string[] | null) => (key ? ` on conflict (${key.map(quote).join(', ')}) do nothing` : '');

function valuesText(table: string, columns: readonly string[], key: readonly string[] | null, rows: number): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}${onConflict(key)}`;
}

/** PostgreSQL array types of the demo tables' columns (migrations 0002, 0004): text, double, else integer. */
const TEXT_COLUMNS = new Set([
  'structure', 'unit_code', 'province_code', 'poverty_standard', 'indicator', 'source', 'signed_document', 'signed_date', 'report_document', 'report_date',
  'programme_project', 'sub_project', 'title', 'start_date', 'end_date', 'status', 'created_at', 'updated_at',
  'planned_date', 'actual_date', 'findings', 'follow_ups', 'name', 'display_name', 'role_in_team',
]);
const DOUBLE_COLUMNS = new Set(['value', 'budget_central', 'budget_local', 'budget_other', 'progress_pct', 'disbursed', 'lon', 'lat']);

function pgType(table: string, column: string): string {
  // visit.id is the client's text id; every other id is an integer
  if (TEXT_COLUMNS.has(column) || (table === 'visit' && column === 'id')) return 'text';
  return DOUBLE_COLUMNS.has(column) ? 'float8' : 'int8';
}

function unnestText(table: string, columns: readonly string[], key: readonly string[] | null): string {
  const arrays = columns.map((c, i) => `$${i + 1}::${pgType(table, c)}[]`);
  return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) select * from unnest(${arrays.join(', ')})${onConflict(key)}`;
}
