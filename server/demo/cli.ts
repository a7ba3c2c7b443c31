// `tsx server/demo/cli.ts [--seed N] [--force]`: migrate, then write the demo data (simulated
// reviews raked to the real totals, real figures, targets, the BC 150 layer) into the configured
// database (SQLITE_PATH / DATABASE_URL). Needs the unit registry (`npm run seed`) first.
import { parseArgs } from 'node:util';
import { databaseSettingsFromEnv, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from './seed-demo.ts';
import { logDemoSeed } from './summary.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, force: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false } },
});

const seed = values.seed === undefined ? undefined : Number(values.seed);
const database = openDatabase(databaseSettingsFromEnv());
try {
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  await migrateToLatest(database);
  const report = await seedDemo(database.db, { seed, force: values.force });
  logDemoSeed(report, database.describe, values.quiet);
} catch (error) {
  console.error(`povmap: demo FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
