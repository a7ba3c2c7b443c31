// npm run export: maps for a conference from a shell, with nobody signing in. Runs against the
// app's own database (the demo data `npm test` sets up) and its built client, as staff would on
// the server: the files must have the asked size, and a deck one page per slide.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../geodata/settings.ts';
import { openDatabase, databaseSettingsFromEnv } from '../../server/db/database.ts';
import { listIndicators } from '../../server/indicators/catalogue.ts';
import { EXPORT_ACCOUNT } from '../../server/present/export-session.ts';
import { runCli } from './support/run-cli.ts';

const CLI = 'server/present/cli.ts';
const database = path.resolve(repoRoot, process.env.SQLITE_PATH || 'data/povmap.sqlite');
// One run is enough: the CLI reads the app's database, not the per-dialect test databases.
const ready = !process.env.DATABASE_URL && fs.existsSync(database) && fs.existsSync(path.join(repoRoot, 'dist/client/index.html'));

/** PNG IHDR: width and height are the big-endian words at bytes 16 and 20. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.skipIf(!ready)('npm run export', () => {
  let dir: string;
  const env = { ...process.env, SQLITE_PATH: database, DATABASE_URL: '' };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-export-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a 3840x2160 PNG of an app link, and leaves no session behind', { timeout: 300_000 }, async () => {
    const out = path.join(dir, 'ca-nuoc.png');
    const result = await runCli(CLI, ['--view', 'http://127.0.0.1:8080/#/?s=2025&lv=province&i=poor_rate&y=2025', '--format', 'png', '--size', '3840x2160', '--out', out], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1 page, 3840x2160/);
    expect(pngSize(out)).toEqual([3840, 2160]);
    const db = openDatabase(databaseSettingsFromEnv(env));
    try {
      const account = await db.db.selectFrom('app_user').select(['id', 'role']).where('username', '=', EXPORT_ACCOUNT).executeTakeFirstOrThrow();
      expect(account.role).toBe('viewer');
      const sessions = await db.db.selectFrom('session').select('id').where('user_id', '=', account.id).execute();
      expect(sessions).toEqual([]);
    } finally {
      await db.close();
    }
  });

  // A province over the years (one page per year the indicator has): the smallest multi-page
  // deck, so the test proves "one page per slide" without drawing the 7-slide regions deck
  // (its slides are checked in the browser by present-deck.spec.ts).
  it('writes a province deck as an A4 PDF, one landscape page per year of the indicator', { timeout: 600_000 }, async () => {
    const out = path.join(dir, 'phu-yen.pdf');
    const result = await runCli(CLI, ['--deck', '54', '--view', '?s=pre2025&i=poor_rate', '--size', 'a4', '--out', out], { env });
    expect(result.code, result.stderr).toBe(0);
    const db = openDatabase(databaseSettingsFromEnv(env));
    let years: number[];
    try {
      years = (await listIndicators(db.db, 'pre2025')).find((item) => item.key === 'poor_rate')!.years;
    } finally {
      await db.close();
    }
    expect(years.length).toBeGreaterThan(1);
    const pdf = await PDFDocument.load(fs.readFileSync(out));
    expect(pdf.getPageCount()).toBe(years.length);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
  });

  it('refuses a PNG deck and a size it does not know, with exit code 2', async () => {
    const deck = await runCli(CLI, ['--deck', 'TN', '--format', 'png', '--out', path.join(dir, 'x.png')], { env });
    expect(deck.code).toBe(2);
    expect(deck.stderr).toMatch(/PDF/);
    const size = await runCli(CLI, ['--view', '?s=2025', '--size', '800x600', '--out', path.join(dir, 'x.png')], { env });
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/--size/);
  });
});
