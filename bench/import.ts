// Benchmark: a 10,600-row review file through the import path the server runs, on a throwaway
// database (a temp SQLite file, or a fresh PostgreSQL schema when DATABASE_URL is set):
//   preview = decode + read CSV + match columns and units + validate every row (imports.preview);
//   commit  = preview again (commit re-validates) + the one write transaction (imports.commit);
// then the same file with 5% bad rows, checking that every bad row is reported.
//   node_modules/.bin/tsx bench/import.ts [--runs 5]
// The unit index is loaded once per data version (server/imports/preview.ts): the first preview
// pays for it ("cold"), the rest do not. Medians of --runs; each commit replaces the previous run's
// rows, which is the slower case (every row also saved for undo with its old values).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COUNTRY_SCOPE } from '../core/scope.ts';
import { auditedWriter } from '../server/audit/audit-log.ts';
import { openDatabase, type DatabaseSettings } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { defaultRegistryPath } from '../server/db/seed/registry-file.ts';
import { seedRegistry } from '../server/db/seed/seed-registry.ts';
import { applyImport } from '../server/imports/apply.ts';
import { previewImport, type ImportInput } from '../server/imports/preview.ts';
import { machineLine } from './server.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(args.runs);

const settings: DatabaseSettings = process.env.DATABASE_URL
  ? { dialect: 'postgres', url: process.env.DATABASE_URL, schema: `povmap_bench_${randomBytes(4).toString('hex')}` }
  : { dialect: 'sqlite', file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-bench-')), 'bench.sqlite') };
const database = openDatabase(settings);
const db = database.db;
const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const vi = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

try {
  await migrateToLatest(database);
  await seedRegistry(db, { registryFile: defaultRegistryPath(), force: true });
  const communes = await db.selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('level', '=', 'commune').orderBy('code').execute();
  // 10,600 rows: every pre-2025 commune for 2024, the first ones again for 2023
  const rows = [...communes.map((c) => [c.code, 2024] as const), ...communes.slice(0, 10_600 - communes.length).map((c) => [c.code, 2023] as const)];
  const line = (code: string, year: number, i: number) => {
    const households = 900 + ((i * 37) % 4000);
    const poor = (i * 13) % 150;
    return `${code};${year};${vi(households)};${poor};${String(Math.round((poor / households) * 1000) / 10).replace('.', ',')};${(i * 7) % 90}`;
  };
  const header = '\ufeffMã xã;Năm;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Hộ cận nghèo';
  const clean = [header, ...rows.map(([code, year], i) => line(code, year, i))].join('\r\n');
  const input: ImportInput = { kind: 'review', fileName: 'ca-nuoc.csv', contentBase64: Buffer.from(clean).toString('base64'), structure: 'pre2025' };
  console.log(`${settings.dialect}: ${rows.length} rows, ${(clean.length / 1e6).toFixed(2)} MB`);

  const preview: number[] = [];
  const commit: number[] = [];
  let cold = 0;
  for (let run = 0; run < runs; run++) {
    let t0 = performance.now();
    const shown = await previewImport(db, input, COUNTRY_SCOPE);
    preview.push(ms(t0));
    if (run === 0) cold = preview[0]!;
    if (shown.report.errors.length > 0 || shown.report.accepted !== rows.length) throw new Error(`clean file: ${shown.report.errors.length} errors`);
    t0 = performance.now();
    const again = await previewImport(db, input, COUNTRY_SCOPE);
    const audited = auditedWriter(db, { userId: null, procedure: 'bench:import', clock: () => new Date() });
    const result = await applyImport(audited, input, again, { userId: null, now: new Date().toISOString() });
    commit.push(ms(t0));
    console.log(`run ${run + 1}: preview ${preview.at(-1)!.toFixed(0)} ms, commit ${commit.at(-1)!.toFixed(0)} ms (inserted ${result.inserted}, replaced ${result.replaced})`);
  }
  console.log(`preview median ${median(preview.slice(1)).toFixed(0)} ms (cold, with the unit index: ${cold.toFixed(0)} ms); commit median ${median(commit).toFixed(0)} ms`);
  console.log(`preview + commit, median: ${(median(preview.slice(1)) + median(commit)).toFixed(0)} ms`);

  // 5% bad rows, one problem each, spread over the file and over the kinds of mistake
  const lines = clean.split('\r\n');
  const bad = new Set<number>();
  const breakers = [
    (l: string) => l.replace(/^\d+/, '99999'), // unknown code
    (l: string) => l.replace(/;(\d+);([\d,]+);(\d+)$/, ';-$1;$2;$3'), // negative poor
    (l: string) => l.replace(/;(\d+);([\d,]+);(\d+)$/, ';$1;99,9;$3'), // rate contradicts counts
    (l: string) => l.replace(/;(202\d);/, ';2025;'), // year of the other structure
    (l: string) => l.replace(/;([\d.]+);(\d+);/, ';nhiều;$2;'), // unparseable
  ];
  for (let i = 1, k = 0; bad.size < Math.round(rows.length * 0.05); i += 20, k++) {
    lines[i] = breakers[k % breakers.length]!(lines[i]!);
    bad.add(i + 1); // sheet row number: header is row 1
  }
  const badInput = { ...input, contentBase64: Buffer.from(lines.join('\r\n')).toString('base64') };
  const t0 = performance.now();
  const { report } = await previewImport(db, badInput, COUNTRY_SCOPE);
  const badTime = ms(t0);
  const reported = new Set(report.errors.map((e) => e.row));
  const missed = [...bad].filter((r) => !reported.has(r));
  const extra = [...reported].filter((r) => !bad.has(r));
  console.log(`5% bad: ${bad.size} bad rows, ${report.errors.length} errors on ${reported.size} rows, missed ${missed.length}, reported on good rows ${extra.length}, accepted ${report.accepted}, preview ${badTime.toFixed(0)} ms`);
  if (missed.length > 0 || extra.length > 0) process.exitCode = 1;
  console.log(await machineLine());
} finally {
  await database.close();
  if (settings.dialect === 'sqlite') fs.rmSync(path.dirname(settings.file), { recursive: true, force: true });
  else {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: settings.url });
    await client.connect();
    await client.query(`drop schema if exists "${settings.schema}" cascade`);
    await client.end();
  }
}
