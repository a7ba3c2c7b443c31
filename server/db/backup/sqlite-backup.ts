// SQLite backup and restore through SQLite's online backup API (better-sqlite3 `.backup()`):
// pages are copied under SQLite's own locking, so a running server may keep reading and
// writing while a backup is taken, and the copy is consistent (not a half-written file copy).
import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

/** All pages in one step: the copy never sees the source half-changed by a concurrent writer. */
const ALL_AT_ONCE = { progress: () => 0x7fffffff };

export async function backupSqlite(liveFile: string, destination: string): Promise<void> {
  const live = new SqliteDatabase(liveFile, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(destination, ALL_AT_ONCE);
  } finally {
    live.close();
  }
}

/** Checks that a file is an intact SQLite database holding povmap's tables; throws otherwise. */
export function checkSqliteBackup(file: string): void {
  const backup = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = backup.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged: ${String(integrity)}`);
    const tables = new Set(
      (backup.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    for (const table of ['kysely_migration', 'unit', 'app_user', 'audit_log']) {
      if (!tables.has(table)) throw new Error(`${file} is not a povmap database (no table ${table})`);
    }
  } finally {
    backup.close();
  }
}

/**
 * Copies the backup's pages over the live database, through the backup API too: connections of a
 * running server see the restored state at their next transaction instead of a file swapped
 * under them. Stopping the server first is still wiser (its sessions and caches predate it).
 */
export async function restoreSqlite(backupFile: string, liveFile: string): Promise<void> {
  checkSqliteBackup(backupFile);
  if (!fs.existsSync(liveFile)) fs.writeFileSync(liveFile, '');
  const source = new SqliteDatabase(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(liveFile, ALL_AT_ONCE);
  } finally {
    source.close();
  }
}
