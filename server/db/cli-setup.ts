// The database part of `npm start` / `npm test` set-up in ONE process: migrate once, load the
// unit registry, then the demo data unless POVMAP_DEMO=0. Each step skips itself when already
// done; one process instead of three saves two tsx start-ups (~2 s each) on every start.
import { seedDemo } from '../demo/seed-demo.ts';
import { logDemoSeed } from '../demo/summary.ts';
import { databaseSettingsFromEnv, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { logRegistrySeed } from './seed/log-report.ts';
import { defaultRegistryPath } from './seed/registry-file.ts';
import { seedRegistry } from './seed/seed-registry.ts';

const database = openDatabase(databaseSettingsFromEnv());
try {
  await migrateToLatest(database);
  logRegistrySeed(await seedRegistry(database.db, { registryFile: defaultRegistryPath(), force: false }), database.describe);
  if (process.env.POVMAP_DEMO !== '0') logDemoSeed(await seedDemo(database.db, {}), database.describe, true);
} catch (error) {
  console.error(`povmap: set-up of the database FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
