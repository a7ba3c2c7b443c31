// npm run export: conference maps from a shell, in a batch, without anyone signing in. The CLI
// starts the app's own server in this process on 127.0.0.1 (a free port), opens a short session
// for the export account (export-session.ts), and drives the presentation page in headless
// Chromium exactly as a person would: open the view or deck, pick the size, press the export
// button, keep the download. So a CLI export and an in-app export are the same file.
//
// Exit codes: 0 written, 1 the export failed, 2 bad arguments. Uses the app's database
// (SQLITE_PATH / DATABASE_URL), its geodata (GEODATA_OUT) and its built client (dist/client).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { geodataOut, repoRoot } from '../../geodata/settings.ts';
import { authSettingsFromEnv } from '../auth/auth-settings.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { createServices } from '../context.ts';
import { databaseSettingsFromEnv, openDatabase } from '../db/database.ts';
import { FlatGeobufBoundaries } from '../geo/flatgeobuf-boundaries.ts';
import { createRequestListener } from '../http/app.ts';
import { ArgsError, parseExportArgs, USAGE, type ExportArgs } from './export-args.ts';
import { closeExportSession, exportUser, openExportSession } from './export-session.ts';

/** The same browser flags as playwright.config.ts: WebGL2 through SwiftShader when there is no GPU. */
const CHROMIUM_ARGS = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A 4K page of the whole country under software WebGL, times the pages of a deck. */
const PAGE_BUDGET_MS = 120_000;

async function main(): Promise<number> {
  let args: ExportArgs;
  try {
    const { values } = parseArgs({
      options: {
        view: { type: 'string' },
        deck: { type: 'string' },
        format: { type: 'string' },
        size: { type: 'string' },
        out: { type: 'string' },
        as: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    args = parseExportArgs(values);
  } catch (error) {
    console.error(`povmap export: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const clientRoot = path.join(repoRoot, 'dist', 'client');
  if (!fs.existsSync(path.join(clientRoot, 'index.html'))) {
    console.error('povmap export: the client is not built (dist/client): run `npm run build` or `npm run setup`');
    return 1;
  }
  // flatgeobuf traces every R-tree step with console.debug (server/main.ts silences it too)
  if (!process.env.POVMAP_DEBUG) console.debug = () => {};

  const started = Date.now();
  const database = openDatabase(databaseSettingsFromEnv());
  const services = createServices({ db: database.db, boundaries: new FlatGeobufBoundaries(geodataOut), auth: { ...authSettingsFromEnv(), demo: false } });
  const server = http.createServer(createRequestListener({ services, geoRoot: geodataOut(), clientRoot }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const user = await exportUser(database.db, services.clock, args.as);
  const session = await openExportSession(database.db, user, services.clock());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: args.lang === 'vi' ? 'vi-VN' : 'en-GB', acceptDownloads: true });
    await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: base, httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript((lang) => localStorage.setItem('povmap.locale', lang), args.lang);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`povmap export: page error: ${error.message}`));
    await page.goto(`${base}/#/trinh-chieu?${args.query}`);
    const sheet = page.getByTestId('present-stage').getByTestId('present-sheet');
    await sheet.and(page.locator('[data-state="ready"], [data-state="error"]')).waitFor({ timeout: PAGE_BUDGET_MS });
    if ((await sheet.getAttribute('data-state')) === 'error') throw new Error(await sheet.getByTestId('sheet-error').innerText());
    const slides = await page.getByTestId('deck-slide').count();
    await page.getByTestId('export-size').selectOption(args.size);
    const button = args.deck ? 'export-deck-pdf' : args.format === 'pdf' ? 'export-pdf' : 'export-png';
    const pages = args.deck ? slides : 1;
    const failure = page.getByTestId('export-error');
    const [download] = await Promise.all([
      Promise.race([
        page.waitForEvent('download', { timeout: PAGE_BUDGET_MS * pages }),
        // the page says why it could not export: no need to wait for the time-out
        failure.waitFor({ timeout: PAGE_BUDGET_MS * pages }).then(async () => Promise.reject(new Error(await failure.innerText()))),
      ]),
      page.getByTestId(button).click(),
    ]);
    const out = path.resolve(args.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await download.saveAs(out);
    const bytes = fs.statSync(out).size;
    console.log(`povmap export: ${out} (${pages} ${pages === 1 ? 'page' : 'pages'}, ${args.size}, ${bytes} bytes, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } finally {
    await browser.close();
    await closeExportSession(database.db, session);
    server.close();
    server.closeAllConnections();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`povmap export: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof ArgsError ? 2 : 1);
  },
);
