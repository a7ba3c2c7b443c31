// `npm run seed [-- --force] [-- --registry path/to/registry.json]`: migrate, then load the unit
// registry and reference flags. Warnings (a QĐ 353 code missing from the registry, …) go to
// stderr loudly; they do not fail the seed, because the lists are known to be partial.
import { parseArgs } from 'node:util';
import { databaseSettingsFromEnv, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { defaultRegistryPath } from './seed/registry-file.ts';
import { logRegistrySeed } from './seed/log-report.ts';
import { seedRegistry } from './seed/seed-registry.ts';

const { values } = parseArgs({
  options: { force: { type: 'boolean', default: false }, registry: { type: 'string' } },
});

const database = openDatabase(databaseSettingsFromEnv());
try {
  await migrateToLatest(database);
  const registryFile = values.registry ?? defaultRegistryPath();
  const report = await seedRegistry(database.db, { registryFile, force: values.force });
  logRegistrySeed(report, database.describe);
} catch (error) {
  console.error(`povmap: seed FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
