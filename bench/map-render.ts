// Benchmark: map rendering in the browser, in one run against its own baselines.
//  1. page load → first complete choropleth (poor_rate 2025) of the country, provinces and the
//     national commune view: N cold loads (a new context each, HTTP cache off) and N warm loads
//     (one context per level, after one unreported load that fills its cache), levels in turn;
//  2. recolouring all 2025 communes by feature-state against setData with a `fill` property.
// Chromium is the e2e tests' (playwright.config.ts: Debian's build, headless, software WebGL
// through SwiftShader when there is no GPU — the GL renderer line says which). Starts its own
// server (bench/server.ts) on a free loopback port and stops it.
//   node_modules/.bin/tsx bench/map-render.ts [--runs 5] [--recolours 20] [--classes 5] [--client DIR]
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext } from '@playwright/test';
import { paletteColours, DEFAULT_SEQUENTIAL } from '../core/palettes.ts';
import { launchBrowser, newPage, rendererInfo, type BenchBrowser } from './render-browser.ts';
import { choroplethRoute, LevelNotAvailable, measureLoad, type ExpectedLevel, type LoadSample } from './render-load.ts';
import { colourings, communesFromApp, communesFromServer, measureRecolour, type RecolourRun } from './render-recolour.ts';
import { machineLine, startServer } from './server.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    recolours: { type: 'string', default: '20' },
    classes: { type: 'string', default: '5' },
    // Software WebGL drawing 3,321 communes can take tens of seconds on 2 cores.
    timeout: { type: 'string', default: '120' },
    // Measure another client build (vite build --outDir DIR) without touching dist/client.
    client: { type: 'string' },
  },
});
const runs = Number(args.runs);
const recolours = Number(args.recolours);
const classes = Number(args.classes);
const timeoutMs = Number(args.timeout) * 1000;
if (![runs, recolours, classes, timeoutMs].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--runs, --recolours, --classes and --timeout must be positive integers');

/** Nearest-rank percentile: with N=5 the p95 is the slowest load, said as such in the table. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => n.toFixed(0);

interface LoadRow {
  level: ExpectedLevel;
  mode: 'cold' | 'warm';
  samples: LoadSample[];
  /** Set when the app does not have the view. */
  unavailable?: string;
}

// The levels take turns load by load, so both see the same background load: on a shared machine
// it drifts over minutes, and a block of one level after the other would measure the drift.
async function loadRows(bench: BenchBrowser, levels: ExpectedLevel[]): Promise<LoadRow[]> {
  const rows = levels.flatMap((level) => (['cold', 'warm'] as const).map((mode): LoadRow => ({ level, mode, samples: [] })));
  const rowOf = (level: ExpectedLevel, mode: LoadRow['mode']) => rows.find((r) => r.level === level && r.mode === mode)!;
  const live = new Set(levels);
  const attempt = async (level: ExpectedLevel, mode: LoadRow['mode'], load: () => Promise<LoadSample>, keep: boolean) => {
    if (!live.has(level)) return;
    try {
      const sample = await load();
      if (keep) rowOf(level, mode).samples.push(sample);
    } catch (error) {
      if (!(error instanceof LevelNotAvailable)) throw error;
      live.delete(level);
      rowOf(level, 'cold').unavailable = rowOf(level, 'warm').unavailable = error.message;
    }
  };
  for (let i = 0; i < runs; i++) {
    for (const level of levels) {
      await attempt(level, 'cold', async () => {
        const context = await bench.newContext();
        try {
          return await measureLoad(context, level, false, timeoutMs);
        } finally {
          await context.close();
        }
      }, true);
    }
  }
  const contexts = new Map<ExpectedLevel, BrowserContext>();
  for (const level of levels) contexts.set(level, await bench.newContext());
  try {
    // Round 0 fills each context's cache and is not reported.
    for (let i = 0; i <= runs; i++) {
      for (const level of levels) await attempt(level, 'warm', () => measureLoad(contexts.get(level)!, level, true, timeoutMs), i > 0);
    }
  } finally {
    for (const context of contexts.values()) await context.close();
  }
  return rows;
}

async function recolourRun(bench: BenchBrowser, base: string, cookie: string): Promise<RecolourRun> {
  const context = await bench.newContext();
  try {
    const page = await newPage(context, true);
    // The national commune view when the app has it (its polygons are then read back from
    // MapLibre); otherwise the app falls back to the province map, and the polygons come from
    // the same file decoded here.
    await page.goto(choroplethRoute('commune'));
    await page.waitForFunction(() => window.__povmap !== undefined);
    // `ready` is the province map; the commune polygons arrive with the first painted choropleth.
    await page.waitForFunction(() => Boolean(window.__povmap?.explore?.paintedKey), undefined, { timeout: timeoutMs, polling: 250 });
    const fromApp = await communesFromApp(page);
    const data = fromApp ?? (await communesFromServer(base, cookie));
    const origin = fromApp ? "the app's commune-boundaries source (getData)" : 'commune.country.fgb decoded in Node (no national commune view in the app)';
    const palette = paletteColours(DEFAULT_SEQUENTIAL, classes);
    const plan = colourings(recolours + 1, data.features.length, palette.length);
    return await measureRecolour(page, data, palette, plan, origin);
  } finally {
    await context.close();
  }
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i < 2 ? '-' : '') + '-'.repeat(w + 1) + (i < 2 ? '' : ':')).join('|')}|`, ...rows.map(line)].join('\n');
}

// Software WebGL competes with everything else on the machine for its cores: say how busy it was.
const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
console.log(await machineLine());
console.log(`load average at start: ${load()}`);
// The server serves dist/client as built; this says which build was measured.
const built = args.client ? path.resolve(args.client, 'index.html') : fileURLToPath(new URL('../dist/client/index.html', import.meta.url));
console.log(`client build: ${built} of ${statSync(built).mtime.toISOString()}${args.client ? ' (served by Playwright routing, HTTP cache off)' : ''}`);
const server = await startServer();
let bench: BenchBrowser | undefined;
try {
  bench = await launchBrowser(server.base, args.client);
  const renderer = await rendererInfo(bench);
  console.log(`chromium ${renderer.chromium}, headless; WebGL: ${renderer.glRenderer} (${renderer.glVersion})`);

  const loads = await loadRows(bench, ['province', 'commune']);
  const loadTable = table(
    ['view', 'loads', 'map created: median ms', 'coloured: median (min-max) ms', 'complete (idle): median (min-max) ms', 'units filled'],
    loads.map((r) => {
      const view = `${r.level === 'province' ? '34 provinces' : '3,321 communes'} ${r.mode}`;
      if (r.unavailable) return [view, '0', '-', 'not available', 'not available', '-'];
      const range = (v: number[]) => `${ms(median(v))} (${ms(Math.min(...v))}-${ms(Math.max(...v))})`;
      return [view, String(r.samples.length), ms(median(r.samples.map((s) => s.mapCreatedMs))), range(r.samples.map((s) => s.colouredMs)), range(r.samples.map((s) => s.completeMs)), String(r.samples[0]?.fills ?? '-')];
    }),
  );
  console.log(`\nPage load (navigation start) → first choropleth, ${runs} loads each; route ${choroplethRoute('province')}`);
  console.log(loadTable);
  for (const r of loads) if (r.unavailable) console.log(`${r.level} ${r.mode}: not measured: ${r.unavailable}`);

  const rec = await recolourRun(bench, server.base, server.cookie);
  const row = (name: string, total: number[], sync: number[]) => [name, String(total.length), ms(median(total)), ms(percentile(total, 95)), median(sync).toFixed(1)];
  console.log(`\nRecolour all ${rec.features} communes, ${classes} colours, ${recolours} colourings (+1 warm-up each); polygons from ${rec.origin}`);
  console.log(
    table(
      ['path', 'recolours', 'median ms', 'p95 ms', 'median sync ms'],
      [row('feature-state (setFeatureState × all, idle)', rec.featureState, rec.featureStateSync), row('setData (copy with fill, setData, idle)', rec.setData, rec.setDataSync)],
    ),
  );
  console.log(`setData / feature-state, medians: ${(median(rec.setData) / median(rec.featureState)).toFixed(1)}×; p95: ${(percentile(rec.setData, 95) / percentile(rec.featureState, 95)).toFixed(1)}×`);
  console.log(`check after the last recolour: ${rec.mismatches.checked} rendered features; wrong colour: feature-state ${rec.mismatches.featureState}, setData ${rec.mismatches.setData}`);

  console.log(`\nload average at end: ${load()}`);
  console.log(`browser errors: ${bench.errors.size === 0 ? 'none' : ''}`);
  for (const [text, count] of bench.errors) console.log(`  ${count}× ${text}`);
} finally {
  await bench?.close();
  await server.stop();
}
