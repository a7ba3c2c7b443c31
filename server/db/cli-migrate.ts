// `npm run migrate`: apply pending migrations to the configured database (see database.ts).
import { databaseSettingsFromEnv, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

const database = openDatabase(databaseSettingsFromEnv());
try {
  const { applied } = await migrateToLatest(database);
  const what = applied.length > 0 ? `applied ${applied.join(', ')}` : 'already up to date';
  console.error(`povmap: migrate ${database.describe}: ${what}`);
} catch (error) {
  console.error(`povmap: migrate ${database.describe} FAILED: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
