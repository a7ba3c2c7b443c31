// Opens the database: SQLite (better-sqlite3) by default, PostgreSQL when DATABASE_URL is set.
// The rest of the server only sees `Kysely<Database>` and never asks which one it got, except
// where SQL genuinely differs (migrations' id columns).
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { repoRoot } from '../../geodata/settings.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseSettings =
  | { dialect: 'sqlite'; file: string }
  /** `schema`: a PostgreSQL schema to work in (tests use a fresh one per run); default `public`. */
  | { dialect: 'postgres'; url: string; schema?: string };

export interface PovmapDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL schema the tables live in, or null for the default. */
  schema: string | null;
  /** For logs: the file, or the URL without its password. */
  describe: string;
  close(): Promise<void>;
}

/** SQLITE_PATH (default data/povmap.sqlite), DATABASE_URL, DATABASE_SCHEMA. */
export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  if (env.DATABASE_URL) {
    return { dialect: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA || undefined };
  }
  return { dialect: 'sqlite', file: path.resolve(repoRoot, env.SQLITE_PATH || 'data/povmap.sqlite') };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function openDatabase(settings: DatabaseSettings): PovmapDatabase {
  if (settings.dialect === 'sqlite') return openSqlite(settings.file);
  return openPostgres(settings.url, settings.schema ?? null);
}

function openSqlite(file: string): PovmapDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL: readers (map requests) are not blocked by a seed or import writing.
  sqlite.pragma('journal_mode = WAL');
  // SQLite ignores REFERENCES unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', schema: null, describe: file, close: () => db.destroy() };
}

function openPostgres(url: string, schema: string | null): PovmapDatabase {
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`DATABASE_SCHEMA must be a plain lower-case identifier, got "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Every connection resolves unqualified table names in our schema first.
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const describe = redactPassword(url) + (schema ? ` (schema ${schema})` : '');
  return { db, dialect: 'postgres', schema, describe, close: () => db.destroy() };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable DATABASE_URL)';
  }
}
