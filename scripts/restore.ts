// `npm run restore -- FILE [--no-safety-copy]`: replaces the configured database with a backup
// made by `npm run backup`. The current state is first saved beside FILE. Stop the server first.
import { parseArgs } from 'node:util';
import { restoreDatabase } from '../server/db/backup/backup.ts';
import { databaseSettingsFromEnv } from '../server/db/database.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-safety-copy': { type: 'boolean', default: false } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- FILE [--no-safety-copy]');
  process.exit(2);
}
const settings = databaseSettingsFromEnv();
try {
  const safetyCopy = await restoreDatabase(settings, positionals[0]!, { noSafetyCopy: values['no-safety-copy'] });
  if (safetyCopy) console.error(`povmap: restore: the previous state was saved to ${safetyCopy}`);
  console.error(`povmap: restore: ${positionals[0]} → ${settings.dialect} done`);
} catch (error) {
  console.error(`povmap: restore FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
