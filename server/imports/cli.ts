// npm run import -- FILE --kind review|target|project|visit [--structure S] [--year Y]
//                        [--choose ROW=CODE ...] [--user USERNAME] [--dry-run]
// For admins at the server: the same checks and report as imports.preview, printed as JSON; with
// no errors (and no --dry-run) the same one-transaction write as imports.commit, audited as
// "cli:import". Exit code 0 when written (or clean on --dry-run), 1 on row errors or ambiguous
// names, 2 on bad arguments or an unreadable file. Country-wide: no scope limits the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, type ImportKind, type StructureId } from '../../core/imports/types.ts';
import { COUNTRY_SCOPE } from '../../core/scope.ts';
import { auditedWriter } from '../audit/audit-log.ts';
import { databaseSettingsFromEnv, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { applyImport } from './apply.ts';
import { ImportRefused, importFingerprint, previewImport, type ImportInput } from './preview.ts';

const USAGE = 'npm run import -- FILE --kind review|target|project|visit [--structure 2025|pre2025] [--year Y] [--choose ROW=CODE] [--user USERNAME] [--dry-run]';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string' },
    structure: { type: 'string' },
    year: { type: 'string' },
    choose: { type: 'string', multiple: true },
    user: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const file = positionals[0] ?? fail('thiếu tệp / FILE missing');
const kind = values.kind as ImportKind;
if (!IMPORT_KINDS.includes(kind)) fail(`--kind phải là một trong / must be one of: ${IMPORT_KINDS.join(', ')}`);
if (values.structure !== undefined && values.structure !== '2025' && values.structure !== 'pre2025') fail('--structure: 2025 | pre2025');
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !(Number.isInteger(year) && year >= 2015 && year <= 2035)) fail('--year: 2015..2035');
const choices: Record<string, string> = {};
for (const choice of values.choose ?? []) {
  const m = /^(\d+)=(\S+)$/.exec(choice);
  if (!m) fail(`--choose ${choice}: ROW=CODE`);
  choices[m[1]!] = m[2]!;
}
if (!fs.existsSync(file)) fail(`không có tệp / no such file: ${file}`);

const input: ImportInput = {
  kind,
  fileName: path.basename(file),
  contentBase64: fs.readFileSync(file).toString('base64'),
  structure: values.structure as StructureId | undefined,
  year,
  choices: Object.keys(choices).length > 0 ? choices : undefined,
};

const database = openDatabase(databaseSettingsFromEnv());
try {
  await migrateToLatest(database);
  const db = database.db;
  const user = values.user === undefined ? null : await db.selectFrom('app_user').select(['id', 'role']).where('username', '=', values.user).executeTakeFirst();
  if (values.user !== undefined && user?.role !== 'admin') fail(`--user ${values.user}: không phải tài khoản quản trị / not an admin account`);
  const previewed = await previewImport(db, input, COUNTRY_SCOPE);
  const { sample: _sample, fingerprint: _fingerprint, ...report } = previewed.report;
  const clean = report.errors.length === 0 && report.ambiguous.length === 0 && report.accepted > 0;
  let written = null;
  if (clean && !values['dry-run']) {
    const audited = auditedWriter(db, { userId: user?.id ?? null, procedure: 'cli:import', clock: () => new Date() });
    written = await applyImport(audited, input, previewed, {
      userId: user?.id ?? null,
      now: new Date().toISOString(),
      // a fixed line on stderr once the transaction holds the lock and has written: the kill test waits for it
      onStarted: (batchId) => process.stderr.write(`povmap-import: transaction started, batch ${batchId}\n`),
    });
  }
  process.stdout.write(`${JSON.stringify({ ...report, dryRun: values['dry-run'], fingerprint: importFingerprint(input), written }, null, 2)}\n`);
  process.exitCode = clean ? 0 : 1;
} catch (error) {
  if (error instanceof ImportRefused) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
} finally {
  await database.close();
}
