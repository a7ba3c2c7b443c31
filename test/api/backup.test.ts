// `npm run backup -- FILE` / `npm run restore -- FILE` round trip on each dialect: seed, add rows,
// back up (while the server's connection stays open), change things, restore, and compare every
// table row for row with the state at backup time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from './support/dialects.ts';
import { databaseEnv, dialectsUnderTest } from './support/dialects.ts';
import { runCli } from './support/run-cli.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

async function tableNames(database: TestDatabase): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${database.schema} and table_type = 'BASE TABLE'`;
  return (await query.execute(database.db)).rows.map((r) => r.name).sort();
}

/** Every table's rows as sorted JSON lines: order-independent, exact on values. */
async function snapshot(database: TestDatabase): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await tableNames(database)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
    out[table] = rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))).sort();
  }
  return out;
}

for (const dialect of dialectsUnderTest()) {
  describe(`backup and restore (${dialect})`, () => {
    let app: SeededApp;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      env = databaseEnv(app.database.settings);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-backup-'));
    });
    afterAll(async () => {
      await app?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('round-trips every table row for row', async () => {
      const db = app.database.db;
      // rows of our own beside the registry: programme data, an account change, the audit trail
      await db
        .insertInto('poverty_review')
        .values({ structure: 'pre2025', unit_code: '22276', year: 2023, poverty_standard: 'ND07_2021', households: 1500, poor: 60, near_poor: 90, escaped: 12, newly_poor: 3, re_poor: 0, d01: 1, d02: 2, d03: null, d04: null, d05: null, d06: null, d07: null, d08: null, d09: null, d10: null, d11: null, d12: 4, source: 'thử nghiệm', simulated: 1, import_id: null })
        .execute();
      await db.insertInto('target').values({ structure: '2025', unit_code: '66', year: 2025, indicator: 'poor_rate_drop_pp', value: 0.75, source: 'seed 004', import_id: null }).execute();
      await app.trpc.admin.users.update.mutate({ id: app.accounts.viewer.id, displayName: 'Lãnh đạo tỉnh' });
      const atBackup = await snapshot(app.database);
      expect(Object.keys(atBackup)).toEqual(expect.arrayContaining(['unit', 'unit_link', 'app_user', 'session', 'audit_log', 'poverty_review', 'kysely_migration']));
      expect(atBackup.unit!.length).toBeGreaterThan(10_000);

      const file = path.join(dir, `povmap.${dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`);
      const backup = await runCli('scripts/backup.ts', [file], { env });
      expect(backup.code, backup.stderr).toBe(0);
      expect(fs.statSync(file).size).toBeGreaterThan(100_000);
      // a second backup to the same name needs --force
      expect((await runCli('scripts/backup.ts', [file], { env })).code).toBe(1);

      // change everything kinds of way: delete, insert, update
      await db.deleteFrom('poverty_review').execute();
      await db.deleteFrom('unit_link').where('level', '=', 'province').execute();
      await db.updateTable('unit').set({ name: 'đã sửa' }).where('code', '=', '22276').execute();
      await app.trpc.admin.users.create.mutate({ username: 'sau-sao-luu', displayName: 'Sau', role: 'viewer', password: 'mat-khau-sau-sao-luu' });
      expect(await snapshot(app.database)).not.toEqual(atBackup);

      const restore = await runCli('scripts/restore.ts', [file], { env });
      expect(restore.code, restore.stderr).toBe(0);
      const safetyCopy = /saved to (\S+)/.exec(restore.stderr)?.[1];
      expect(safetyCopy && fs.existsSync(safetyCopy)).toBe(true);

      const restored = await snapshot(app.database);
      // the restore itself is recorded in the restored trail: one row more, and only that
      const restoreRows = restored.audit_log!.filter((line) => line.includes('cli:restore'));
      expect(restoreRows).toHaveLength(1);
      restored.audit_log = restored.audit_log!.filter((line) => !line.includes('cli:restore'));
      // and the data version is new, so no server keeps answers cached from before the restore
      const versionOf = (rows: string[]) => rows.find((l) => l.includes('data_version'));
      expect(versionOf(restored.app_meta!)).not.toEqual(versionOf(atBackup.app_meta!));
      const withoutVersion = (rows: string[]) => rows.filter((l) => !l.includes('data_version'));
      restored.app_meta = withoutVersion(restored.app_meta!);
      atBackup.app_meta = withoutVersion(atBackup.app_meta!);
      for (const table of Object.keys(atBackup)) expect(restored[table], table).toEqual(atBackup[table]);
      expect(Object.keys(restored)).toEqual(Object.keys(atBackup));

      // and the running server's connection sees the restored state
      const viewer = await app.trpc.admin.users.list.query();
      expect(viewer.find((a) => a.username === 'viewer')?.displayName).toBe('Lãnh đạo tỉnh');
      expect(viewer.some((a) => a.username === 'sau-sao-luu')).toBe(false);
    });

    it('refuses to restore a file that is not a povmap backup, and changes nothing', async () => {
      const before = await snapshot(app.database);
      const junk = path.join(dir, 'not-a-backup.bin');
      fs.writeFileSync(junk, 'this is not a database');
      const result = await runCli('scripts/restore.ts', [junk], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/restore FAILED/);
      expect(await snapshot(app.database)).toEqual(before);
    });
  });
}
