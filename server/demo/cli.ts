// `tsx server/demo/cli.ts [--seed N] [--force]`: migrate, then write the demo data (simulated
// reviews raked to the real totals, real figures, targets, the BC 150 layer) into the configured
// database (SQLITE_PATH / DATABASE_URL). Needs the unit registry (`npm run seed`) first.
import { parseArgs } from 'node:util';
import { databaseSettingsFromEnv, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from './seed-demo.ts';
import { formatDemoReport } from './summary.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, force: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } },
});

const seed = values.seed === undefined ? undefined : Number(values.seed);
const database = openDatabase(databaseSettingsFromEnv());
try {
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  await migrateToLatest(database);
  const report = await seedDemo(database.db, { seed, force: values.force });
  if (report.skipped) {
    console.error(`povmap: demo: seed ${report.seed} already in ${database.describe} (--force to redo)`);
  } else {
    if (!values.quiet) console.error(formatDemoReport(report));
    console.error(`povmap: demo: ${report.output!.reviews.length} simulated review rows into ${database.describe} in ${(report.ms.total / 1000).toFixed(2)} s`);
  }
} catch (error) {
  console.error(`povmap: demo FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
