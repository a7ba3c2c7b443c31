// `npm run backup -- FILE [--force]`: an online backup of the configured database (SQLite file or
// PostgreSQL via pg_dump), safe while the server runs. See server/db/backup/backup.ts.
import { parseArgs } from 'node:util';
import { backupDatabase } from '../server/db/backup/backup.ts';
import { databaseSettingsFromEnv } from '../server/db/database.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error('usage: npm run backup -- FILE [--force]');
  process.exit(2);
}
const settings = databaseSettingsFromEnv();
try {
  const started = Date.now();
  await backupDatabase(settings, positionals[0]!, { force: values.force });
  console.error(`povmap: backup: ${settings.dialect} → ${positionals[0]} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`povmap: backup FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
