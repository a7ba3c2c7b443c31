// `npm run backup -- FILE` / `npm run restore -- FILE` for whichever database is configured:
// SQLite through its online backup API, PostgreSQL through pg_dump -Fc / pg_restore --clean.
// Before a restore, the current state is saved beside FILE (povmap-before-restore-<time>.*), so a
// restore of the wrong file can itself be undone. A restore is recorded in the restored database's
// audit trail (procedure "cli:restore").
import fs from 'node:fs';
import path from 'node:path';
import { recordAudit } from '../../audit/audit-log.ts';
import { bumpDataVersion } from '../../indicators/values-cache.ts';
import type { DatabaseSettings } from '../database.ts';
import { openDatabase } from '../database.ts';
import { checkPgArchive, pgDump, pgRestore } from './postgres-backup.ts';
import { backupSqlite, checkSqliteBackup, restoreSqlite } from './sqlite-backup.ts';

export interface BackupOptions {
  /** Overwrite an existing FILE. */
  force?: boolean;
}

export async function backupDatabase(settings: DatabaseSettings, file: string, options: BackupOptions = {}): Promise<void> {
  const destination = path.resolve(file);
  if (fs.existsSync(destination) && !options.force) throw new Error(`${destination} exists (--force to overwrite)`);
  if (!fs.existsSync(path.dirname(destination))) throw new Error(`no such folder: ${path.dirname(destination)}`);
  // A leftover file would be written into page by page by SQLite, not replaced.
  fs.rmSync(destination, { force: true });
  if (settings.dialect === 'sqlite') await backupSqlite(settings.file, destination);
  else await pgDump({ url: settings.url, schema: settings.schema ?? null }, destination);
}

export interface RestoreOptions {
  /** Skip saving the current state first. */
  noSafetyCopy?: boolean;
  clock?: () => Date;
}

/** Returns the safety copy's path, or null. */
export async function restoreDatabase(settings: DatabaseSettings, file: string, options: RestoreOptions = {}): Promise<string | null> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`no such file: ${source}`);
  const clock = options.clock ?? (() => new Date());
  // Checked before anything changes: the safety copy is not taken for a file we would refuse.
  if (settings.dialect === 'sqlite') checkSqliteBackup(source);
  else await checkPgArchive(source);

  let safetyCopy: string | null = null;
  if (!options.noSafetyCopy) {
    const stamp = clock().toISOString().replace(/[:.]/g, '-');
    safetyCopy = path.join(path.dirname(source), `povmap-before-restore-${stamp}.${settings.dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`);
    await backupDatabase(settings, safetyCopy);
  }

  if (settings.dialect === 'sqlite') await restoreSqlite(source, settings.file);
  else await pgRestore({ url: settings.url, schema: settings.schema ?? null }, source);

  const database = openDatabase(settings);
  try {
    // The restored app_meta carries the backup's data version, which a running server may hold
    // answers for that predate later changes: a fresh one makes every cached answer stale.
    await bumpDataVersion(database.db);
    await recordAudit(database.db, { userId: null, procedure: 'cli:restore', clock }, {
      table: '*',
      key: { file: path.basename(source) },
      before: safetyCopy ? { savedTo: safetyCopy } : null,
      after: { restoredFrom: source },
    });
  } finally {
    await database.close();
  }
  return safetyCopy;
}
