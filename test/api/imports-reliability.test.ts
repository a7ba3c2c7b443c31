// Imports under stress, on every dialect: two imports racing on the same units (in the server,
// and as two CLI processes) lose and double nothing; the CLI killed with SIGKILL in the middle of
// a large import's transaction leaves every affected table exactly as it was.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../geodata/settings.ts';
import { databaseEnv, dialectsUnderTest } from './support/dialects.ts';
import { asInput, communesOf, reviewCsv, reviewLine, snapshot, withFingerprint, type Commune } from './support/import-files.ts';
import { runCli } from './support/run-cli.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const CLI = 'server/imports/cli.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`imports: races and crashes (${dialect})`, () => {
    let app: SeededApp;
    let haTinh: Commune[];
    let dir: string;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      haTinh = await communesOf(app.database.db, 'pre2025', '42');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-import-'));
    });
    afterAll(async () => {
      await app?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('two imports racing on the same units over HTTP: both written, one after the other', async () => {
      const planner = await app.clientAs('plannerHaTinh');
      const units = haTinh.slice(0, 60);
      const fileA = asInput('review', 'a.csv', reviewCsv(units.slice(0, 40).map((c, i) => reviewLine(c, i, 2024, 1))));
      const fileB = asInput('review', 'b.csv', reviewCsv(units.slice(20, 60).map((c, i) => reviewLine(c, i, 2024, 2))));
      const [a, b] = await Promise.all([app.trpc.imports.commit.mutate(withFingerprint(fileA)), planner.imports.commit.mutate(withFingerprint(fileB))]);
      const [first, second] = a.batchId < b.batchId ? [a, b] : [b, a];
      expect(first.replaced).toBe(0);
      expect(second.replaced).toBe(20); // it saw the first one's overlap as existing rows

      const rows = await app.database.db.selectFrom('poverty_review').select(['unit_code', 'import_id']).where('year', '=', 2024).execute();
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((r) => r.unit_code)).size).toBe(60);
      const overlap = rows.filter((r) => units.slice(20, 40).some((u) => u.code === r.unit_code));
      expect(overlap.every((r) => Number(r.import_id) === second.batchId)).toBe(true);

      // undoing the later one gives the earlier one's rows back
      await app.trpc.imports.undo.mutate({ batchId: second.batchId });
      const left = await app.database.db.selectFrom('poverty_review').select(['unit_code', 'import_id']).where('year', '=', 2024).execute();
      expect(left).toHaveLength(40);
      expect(left.every((r) => Number(r.import_id) === first.batchId)).toBe(true);
      await app.trpc.imports.undo.mutate({ batchId: first.batchId });
    });

    it('two CLI processes importing the same projects at once: no project doubled', async () => {
      const lines = haTinh.slice(0, 50).map((c, i) => `${c.code};DA${(i % 7) + 1};;Công trình ${i};${100 + i};Hoàn thành`);
      const file = path.join(dir, 'du-an.csv');
      fs.writeFileSync(file, `\ufeffMã xã;Dự án;Tiểu dự án;Tên dự án;Vốn trung ương;Trạng thái\n${lines.join('\n')}\n`);
      const env = databaseEnv(app.database.settings);
      const args = [file, '--kind', 'project', '--structure', 'pre2025'];
      const results = await Promise.all([runCli(CLI, args, { env }), runCli(CLI, args, { env })]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const written = results.map((r) => JSON.parse(r.stdout).written).sort((x, y) => x.batchId - y.batchId);
      expect(written.map((w) => [w.inserted, w.replaced])).toEqual([[50, 0], [0, 50]]);
      const projects = await app.database.db.selectFrom('project').select(['id', 'import_id']).execute();
      expect(projects).toHaveLength(50);
      expect(projects.every((p) => Number(p.import_id) === written[1].batchId)).toBe(true);
    }, 60_000);

    it('the CLI killed (SIGKILL) inside a large import’s transaction leaves the database exactly as before', async () => {
      // some rows the import would replace, so "as before" covers restored content too
      const earlier = await app.trpc.imports.commit.mutate(withFingerprint(asInput('review', 'truoc.csv', reviewCsv(haTinh.slice(0, 100).map((c, i) => reviewLine(c, i, 2023))))));
      const all = await communesOf(app.database.db, 'pre2025');
      const big = [2022, 2023, 2024].flatMap((year) => all.map((c, i) => reviewLine(c, i, year, year)));
      const file = path.join(dir, 'ca-nuoc.csv');
      fs.writeFileSync(file, reviewCsv(big));
      const before = await snapshot(app.database.db);

      // node itself with tsx's loader, not the tsx wrapper: SIGKILL to the wrapper would leave its
      // node child running on, finishing (and committing) the import the test means to kill
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, CLI), file, '--kind', 'review', '--structure', 'pre2025'], { cwd: repoRoot, env: databaseEnv(app.database.settings), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let stdout = '';
      let killedInside = false;
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // the CLI prints this once its transaction holds the lock and has written the batch row
        if (!killedInside && stderr.includes('povmap-import: transaction started')) {
          killedInside = true;
          child.kill('SIGKILL');
        }
      });
      const signal = await exited;
      expect(killedInside, stderr).toBe(true);
      expect(signal).toBe('SIGKILL');
      expect(stdout).toBe(''); // it never got to print a report: the write was not finished

      expect(await snapshot(app.database.db)).toEqual(before);
      // still so a moment later: no process lives on to finish the write
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await snapshot(app.database.db)).toEqual(before);
      // and the lock died with it: the next import goes through
      const next = await app.trpc.imports.commit.mutate(withFingerprint(asInput('review', 'sau.csv', reviewCsv([reviewLine(haTinh[0]!, 0, 2022)]))));
      const rows = await app.database.db.selectFrom('poverty_review').selectAll().where('unit_code', '=', haTinh[0]!.code).orderBy('year').execute();
      expect(rows.map((r) => [r.year, Number(r.import_id)])).toEqual([[2022, next.batchId], [2023, earlier.batchId]]);
      expect(next).toMatchObject({ inserted: 1, replaced: 0 });
    }, 120_000);
  });
}
