// `npm run serve`: one Node process serving the client, the geodata files and the tRPC API.
// PORT (8080) and HOST (127.0.0.1); the database from SQLITE_PATH / DATABASE_URL (db/database.ts);
// accounts settings (POVMAP_DEMO, …) in auth/auth-settings.ts.
import http from 'node:http';
import path from 'node:path';
import { geodataOut, repoRoot } from '../geodata/settings.ts';
import { authSettingsFromEnv, DemoModeInProduction, type AuthSettings } from './auth/auth-settings.ts';
import { disableDemoAccounts, ensureDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './auth/demo-accounts.ts';
import { createServices } from './context.ts';
import { databaseSettingsFromEnv, openDatabase } from './db/database.ts';
import { ensureDemoPlan } from './demo/demo-plan.ts';
import { linkDemoSupervisors } from './demo/write-activity.ts';
import { migrateToLatest } from './db/migrate.ts';
import { FlatGeobufBoundaries } from './geo/flatgeobuf-boundaries.ts';
import { createRequestListener } from './http/app.ts';

const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`povmap: PORT must be 0-65535, got "${process.env.PORT}"`);
  process.exit(1);
}

// flatgeobuf 4.5 traces every R-tree step with console.debug (a dozen lines per units.at call):
// not for a server log. POVMAP_DEBUG=1 keeps them.
if (!process.env.POVMAP_DEBUG) console.debug = () => {};

let auth: AuthSettings;
try {
  auth = authSettingsFromEnv();
} catch (error) {
  if (!(error instanceof DemoModeInProduction)) throw error;
  console.error(error.message);
  process.exit(1);
}

const database = openDatabase(databaseSettingsFromEnv());
// Migrating here is cheap when up to date and spares "no such table" on a forgotten step.
await migrateToLatest(database);
const units = await database.db.selectFrom('unit').select('code').limit(1).execute();
if (units.length === 0) console.error('povmap: WARNING the unit registry is empty: run `npm run seed`');

const services = createServices({ db: database.db, boundaries: new FlatGeobufBoundaries(geodataOut), auth });
if (auth.demo) {
  await ensureDemoAccounts(database.db, services.clock);
  // The demo supervisor joins its team and gets a plan for the coming days (field map, #/hien-truong).
  await linkDemoSupervisors(database.db);
  try {
    const plan = await ensureDemoPlan(database.db, services.clock);
    if (plan.outcome === 'made') console.error(`povmap: demo visit plan ${plan.planId} made for the coming days (mô phỏng)`);
  } catch (error) {
    // A demo convenience: the app runs without it.
    console.error(`povmap: the demo visit plan could not be made: ${error instanceof Error ? error.message : error}`);
  }
  console.error(
    `povmap: DEMO MODE — accounts ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')} with password "${DEMO_PASSWORD}" (never for real data)`,
  );
} else {
  const disabled = await disableDemoAccounts(database.db, services.clock);
  if (disabled > 0) console.error(`povmap: demo mode off: disabled ${disabled} demo account(s) left from an earlier demo run`);
  const admins = await database.db.selectFrom('app_user').select('id').where('role', '=', 'admin').where('disabled', '=', 0).execute();
  if (admins.length === 0) {
    console.error('povmap: no admin account yet: create one with `npm run user -- add USERNAME --role admin` (password on standard input)');
  }
}

const server = http.createServer(
  createRequestListener({
    services,
    geoRoot: geodataOut(),
    clientRoot: path.join(repoRoot, 'dist', 'client'),
  }),
);

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`povmap: http://${shownHost}:${actualPort}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void database.close().finally(() => process.exit(0));
  });
}
