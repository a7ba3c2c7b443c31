// Benchmark: HTTP load on indicators.values (one indicator for every unit of a level), against a
// trivial procedure (auth.me) as a baseline in the same run. Starts its own server on a free
// loopback port, signs in as demo-viewer, runs autocannon, stops the server.
//   node_modules/.bin/tsx bench/indicators-load.ts [--duration 30] [--connections 50]
// autocannon runs in this process and the server in another, on the same machine. errors counts
// every failed request, timeouts (autocannon's 10 s default) included; non-2xx are HTTP errors.
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { machineLine, startServer } from './server.ts';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '30' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
if (!(duration > 0) || !(connections > 0)) throw new Error('--duration and --connections must be positive numbers');

const values = (input: object) => `/trpc/indicators.values?input=${encodeURIComponent(JSON.stringify(input))}`;
const CASES: { name: string; path: string }[] = [
  { name: 'auth.me (baseline)', path: '/trpc/auth.me' },
  { name: 'values 2025 commune 2025 poor_rate', path: values({ structure: '2025', level: 'commune', year: 2025, indicator: 'poor_rate' }) },
  { name: 'values pre2025 commune 2024 poor_rate', path: values({ structure: 'pre2025', level: 'commune', year: 2024, indicator: 'poor_rate' }) },
];

console.log(await machineLine());
console.log(`load: ${connections} connections, ${duration} s per case`);
const server = await startServer();
try {
  const headers = { cookie: server.cookie };
  const rows: string[][] = [];
  for (const c of CASES) {
    // One checked request first: the answer must be 200 and, for values, say how many units.
    const res = await fetch(server.base + c.path, { headers });
    const body = await res.text();
    if (!res.ok) throw new Error(`${c.name}: HTTP ${res.status} ${body.slice(0, 300)}`);
    const units = (JSON.parse(body)?.result?.data?.codes as unknown[] | undefined)?.length;
    const r = await autocannon({ url: server.base + c.path, connections, duration, headers });
    rows.push([
      c.name,
      units === undefined ? '-' : String(units),
      (Buffer.byteLength(body) / 1024).toFixed(1),
      r.requests.average.toFixed(0),
      String(r.latency.p50),
      String(r.latency.p99),
      String(r.errors),
      String(r.timeouts),
      String(r.non2xx),
      String(r.requests.total),
    ]);
  }
  const head = ['case', 'units', 'KiB/answer', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx', 'requests'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
} finally {
  await server.stop();
}
