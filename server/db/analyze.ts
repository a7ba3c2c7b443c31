// After a bulk load, refresh the query planner's statistics. PostgreSQL's autovacuum does it only
// some time later; until then it plans on empty-table estimates and picks nested loops for the
// indicator GROUP BYs (seconds instead of milliseconds right after a seed). SQLite's ANALYZE
// likewise fills sqlite_stat1. Same statement on both dialects.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export async function refreshPlannerStatistics(db: Kysely<Database>, tables: readonly (keyof Database & string)[]): Promise<void> {
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}
