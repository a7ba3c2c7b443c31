// Brings a database to the latest schema. Used by the CLI, the server at start and the tests.
import { Migrator, sql } from 'kysely';
import type { PovmapDatabase } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(database: PovmapDatabase): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider(database.dialect),
    // Without an explicit schema Kysely accepts a kysely_migration table found in *any* schema
    // and then believes a fresh schema beside it is already migrated.
    migrationTableSchema: await migrationSchema(database),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** PostgreSQL: the schema our tables go to (created when asked for); SQLite has none. */
async function migrationSchema(database: PovmapDatabase): Promise<string | undefined> {
  if (database.dialect !== 'postgres') return undefined;
  if (database.schema) {
    await sql`create schema if not exists ${sql.id(database.schema)}`.execute(database.db);
    return database.schema;
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema (check search_path)');
  return schema;
}
