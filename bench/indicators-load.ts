// Benchmark: HTTP load on indicators.values (one indicator for every unit of a level), against a
// trivial procedure (auth.me) as a baseline in the same run. Starts its own server on a free
// loopback port, signs in as demo-viewer, runs autocannon, stops the server.
//   node_modules/.bin/tsx bench/indicators-load.ts [--duration 30] [--connections 50]
// autocannon runs in this process and the server in another, on the same machine. errors counts
// every failed request, timeouts (autocannon's 10 s default) included; non-2xx are HTTP errors.
// Answers are cached per data version (server/indicators/values-cache.ts), so the load cases
// measure warm answers; `cold` is one request right after a data version bump (a seed or an
// import), median of 5, the cost every answer had before the cache. `br` cases send a
// browser's Accept-Encoding, so they include compression (server/http/compress.ts).
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { databaseSettingsFromEnv, openDatabase } from '../server/db/database.ts';
import { bumpDataVersion } from '../server/indicators/values-cache.ts';
import { machineLine, startServer } from './server.ts';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '30' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
if (!(duration > 0) || !(connections > 0)) throw new Error('--duration and --connections must be positive numbers');

const values = (input: object) => `/trpc/indicators.values?input=${encodeURIComponent(JSON.stringify(input))}`;
const COMMUNES_2025 = values({ structure: '2025', level: 'commune', year: 2025, indicator: 'poor_rate' });
const COMMUNES_PRE2025 = values({ structure: 'pre2025', level: 'commune', year: 2024, indicator: 'poor_rate' });
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const CASES: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'auth.me (baseline)', path: '/trpc/auth.me' },
  { name: 'values 2025 commune 2025 poor_rate', path: COMMUNES_2025 },
  { name: 'values 2025 commune 2025 poor_rate, br', path: COMMUNES_2025, headers: BROWSER },
  { name: 'values pre2025 commune 2024 poor_rate', path: COMMUNES_PRE2025 },
  { name: 'values pre2025 commune 2024 poor_rate, br', path: COMMUNES_PRE2025, headers: BROWSER },
];

/** Median ms of one request made right after a data version bump (the database the server uses). */
async function coldMs(base: string, path: string, headers: Record<string, string>): Promise<number> {
  const database = openDatabase(databaseSettingsFromEnv());
  try {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await database.db.transaction().execute((trx) => bumpDataVersion(trx));
      const t0 = performance.now();
      const res = await fetch(base + path, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`cold ${path}: HTTP ${res.status}`);
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[2]!;
  } finally {
    await database.close();
  }
}

console.log(await machineLine());
console.log(`load: ${connections} connections, ${duration} s per case`);
const server = await startServer();
try {
  const headers = { cookie: server.cookie };
  const rows: string[][] = [];
  for (const c of CASES) {
    // One checked request first: the answer must be 200 and, for values, say how many units.
    // identity unless the case says otherwise: fetch would ask for gzip itself, autocannon not
    const caseHeaders = { ...headers, 'accept-encoding': 'identity', ...c.headers };
    const res = await fetch(server.base + c.path, { headers: caseHeaders });
    const body = await res.text();
    if (!res.ok) throw new Error(`${c.name}: HTTP ${res.status} ${body.slice(0, 300)}`);
    const units = (JSON.parse(body)?.result?.data?.codes as unknown[] | undefined)?.length;
    // fetch decodes the body: the bytes on the wire are what Content-Length says
    const sent = Number(res.headers.get('content-length') ?? Buffer.byteLength(body));
    const cold = units === undefined ? '-' : (await coldMs(server.base, c.path, caseHeaders)).toFixed(0);
    const r = await autocannon({ url: server.base + c.path, connections, duration, headers: caseHeaders });
    rows.push([
      c.name,
      units === undefined ? '-' : String(units),
      (sent / 1024).toFixed(1),
      cold,
      r.requests.average.toFixed(0),
      String(r.latency.p50),
      String(r.latency.p99),
      String(r.errors),
      String(r.timeouts),
      String(r.non2xx),
      String(r.requests.total),
    ]);
  }
  const head = ['case', 'units', 'KiB/answer', 'cold ms', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx', 'requests'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
} finally {
  await server.stop();
}
