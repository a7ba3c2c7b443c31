// npm run import: the same report as imports.preview, as JSON; exit 0 written (or clean dry run),
// 1 on row errors, 2 on bad arguments.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnv, dialectsUnderTest } from './support/dialects.ts';
import { communesOf, reviewCsv, reviewLine, type Commune } from './support/import-files.ts';
import { runCli } from './support/run-cli.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const CLI = 'server/imports/cli.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`npm run import (${dialect})`, () => {
    let app: SeededApp;
    let haTinh: Commune[];
    let dir: string;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      haTinh = await communesOf(app.database.db, 'pre2025', '42');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-import-cli-'));
    });
    afterAll(async () => {
      await app?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const run = (args: string[]) => runCli(CLI, args, { env: databaseEnv(app.database.settings) });
    const reviewCount = async () => (await app.database.db.selectFrom('poverty_review').select('unit_code').execute()).length;

    it('prints every error with row, column, code and message and exits 1, writing nothing', async () => {
      const file = path.join(dir, 'loi.csv');
      const lines = [reviewLine(haTinh[0]!, 0, 2024), { ...reviewLine(haTinh[1]!, 1, 2024), poor: -2 }, { ...reviewLine(haTinh[2]!, 2, 2024), code: '99999' }];
      fs.writeFileSync(file, reviewCsv(lines));
      const result = await run([file, '--kind', 'review']);
      expect(result.code, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report).toMatchObject({ kind: 'review', structure: 'pre2025', rowCount: 3, accepted: 1, written: null });
      expect(report.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
        [3, 'Số hộ nghèo', 'negative_count'],
        [3, 'Tỷ lệ hộ nghèo (%)', 'out_of_range'], // the rate the file derived from -2 households
        [4, 'Mã xã', 'unknown_unit'],
      ]);
      expect(report.errors[0].message).toMatch(/Số hộ không được âm/);
      expect(await reviewCount()).toBe(0);
    }, 60_000);

    it('writes a clean file, or only checks it with --dry-run', async () => {
      const file = path.join(dir, 'sach.csv');
      fs.writeFileSync(file, reviewCsv(haTinh.slice(0, 5).map((c, i) => reviewLine(c, i))));
      const dry = await run([file, '--kind', 'review', '--year', '2024', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ accepted: 5, errors: [], dryRun: true, written: null });
      expect(await reviewCount()).toBe(0);
      const real = await run([file, '--kind', 'review', '--year', '2024']);
      expect(real.code, real.stderr).toBe(0);
      expect(JSON.parse(real.stdout).written).toMatchObject({ inserted: 5, replaced: 0 });
      expect(await reviewCount()).toBe(5);
      const batch = await app.database.db.selectFrom('import_batch').selectAll().executeTakeFirstOrThrow();
      expect(batch).toMatchObject({ kind: 'review', file_name: 'sach.csv', row_count: 5, status: 'applied', user_id: null });
      const audit = await app.database.db.selectFrom('audit_log').select(['procedure', 'table_name']).where('procedure', '=', 'cli:import').execute();
      expect(audit).toEqual([{ procedure: 'cli:import', table_name: 'import_batch' }]);
    }, 60_000);

    it('refuses bad arguments with exit code 2', async () => {
      expect((await run(['nothing.csv', '--kind', 'review'])).code).toBe(2);
      expect((await run([path.join(dir, 'sach.csv'), '--kind', 'budget'])).code).toBe(2);
    }, 60_000);
  });
}
