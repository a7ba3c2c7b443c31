// Which databases the API tests run on, like Kysely's own tests: SQLite always, PostgreSQL when
// DATABASE_URL is set. POVMAP_TEST_DIALECTS=sqlite|postgres|sqlite,postgres narrows the set.
// Each test file gets a fresh database: a temp SQLite file, or a fresh PostgreSQL schema in the
// DATABASE_URL database (dropped afterwards), so runs never see each other's rows.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseSettings, type DialectName, type PovmapDatabase } from '../../../server/db/database.ts';

export function dialectsUnderTest(): DialectName[] {
  const all: DialectName[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const only = process.env.POVMAP_TEST_DIALECTS?.split(',').map((d) => d.trim());
  if (only?.includes('postgres') && !process.env.DATABASE_URL) {
    throw new Error('POVMAP_TEST_DIALECTS asks for postgres but DATABASE_URL is not set');
  }
  return only ? all.filter((d) => only.includes(d)) : all;
}

export interface TestDatabase extends PovmapDatabase {
  /** How to open it again (the CLI tests pass these on as environment variables). */
  settings: DatabaseSettings;
  /** Closes the connection and removes the file or schema. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-api-'));
    const settings: DatabaseSettings = { dialect: 'sqlite', file: path.join(dir, 'test.sqlite') };
    const database = openDatabase(settings);
    return {
      ...database,
      settings,
      async dispose() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const url = process.env.DATABASE_URL!;
  const schema = `povmap_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const settings: DatabaseSettings = { dialect: 'postgres', url, schema };
  const database = openDatabase(settings);
  return {
    ...database,
    settings,
    async dispose() {
      await database.close();
      // A separate connection: the pool above is gone, and its search_path is the dropped schema.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The environment a CLI child process needs to open this test database. */
export function databaseEnv(settings: DatabaseSettings): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  if (settings.dialect === 'sqlite') return { ...env, SQLITE_PATH: settings.file };
  return { ...env, DATABASE_URL: settings.url, DATABASE_SCHEMA: settings.schema ?? '' };
}
