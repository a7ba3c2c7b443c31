// Benchmark: ranking every 2025 commune (3,321) and every pre-2025 commune (10,047) by all 14
// priority factors, on the demo data of a throwaway database:
//   core   = rankCommunes alone (percentile scales, scores, order, ranks) — the budget
//            "well under 100 ms" is about this;
//   baseline (same run) = sorting the same communes by one indicator, the least any ranking costs;
//   request = priority.rank through an in-process tRPC caller as the country admin, warm (the
//            indicator answers it reads are cached per data version) and cold (after a bump).
//   node_modules/.bin/tsx bench/priority.ts [--runs 21]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FACTORS, rankCommunes } from '../core/priority/index.ts';
import { createServices, contextFor } from '../server/context.ts';
import { detachedExchange } from '../server/http/exchange.ts';
import { FlatGeobufBoundaries } from '../server/geo/flatgeobuf-boundaries.ts';
import { geodataOut } from '../geodata/settings.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { defaultRegistryPath } from '../server/db/seed/registry-file.ts';
import { seedRegistry } from '../server/db/seed/seed-registry.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { bumpDataVersion } from '../server/indicators/values-cache.ts';
import { communeFacts } from '../server/priority/commune-facts.ts';
import { appRouter } from '../server/router.ts';
import { machineLine } from './server.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(args.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => x.toFixed(1).replace('.', ',');
const ALL = Object.fromEntries(FACTORS.map((f) => [f.key, 1]));

const database = openDatabase({ dialect: 'sqlite', file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-bench-')), 'bench.sqlite') });
const db = database.db;

/** Wall time and this process's CPU time (user + system) per run, in ms: on a shared machine the
 *  wall time includes waiting for a core; the CPU time is what the ranking itself costs. */
function time(fn: () => unknown): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

try {
  await migrateToLatest(database);
  await seedRegistry(db, { registryFile: defaultRegistryPath(), force: true });
  await seedDemo(db, { force: true });
  const services = createServices({ db, boundaries: new FlatGeobufBoundaries(geodataOut) });
  console.log(await machineLine());
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| structure | communes | baseline: sort by one indicator, CPU / wall (median) | core rankCommunes, 14 factors, CPU / wall (median) | priority.rank warm, wall (median) | priority.rank cold, wall |');
  console.log('|---|---|---|---|---|---|');
  for (const [structure, year] of [['2025', 2025], ['pre2025', 2024]] as const) {
    const facts = await communeFacts(db, { structure, year, programmeProject: null, asOf: '2026-11-22' });
    const candidates = facts.communes.map((c) => ({ code: c.code, values: c.values }));
    const baseline = time(() => [...candidates].sort((a, b) => (b.values.poor_rate ?? -1) - (a.values.poor_rate ?? -1)));
    const core = time(() => rankCommunes(candidates, { weights: ALL }));
    const caller = appRouter.createCaller(() => contextFor(services, { id: 1, username: 'bench', displayName: 'bench', role: 'admin', scope: null }, null, detachedExchange()));
    const input = { structure, year, weights: ALL };
    await caller.priority.rank(input);
    const warm: number[] = [];
    for (let i = 0; i < Math.min(runs, 9); i++) {
      const t0 = performance.now();
      await caller.priority.rank(input);
      warm.push(performance.now() - t0);
    }
    await db.transaction().execute((trx) => bumpDataVersion(trx));
    const t0 = performance.now();
    await caller.priority.rank(input);
    const cold = performance.now() - t0;
    console.log(
      `| ${structure} ${year} | ${candidates.length} | ${fmt(median(baseline.cpu))} / ${fmt(median(baseline.wall))} ms | **${fmt(median(core.cpu))}** / ${fmt(median(core.wall))} ms | ${fmt(median(warm))} ms | ${fmt(cold)} ms |`,
    );
  }
} finally {
  await database.close();
}
