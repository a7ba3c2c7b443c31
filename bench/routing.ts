// Benchmark of the route solver on the development set of ../shared/bench/routing (README
// there): each instance goes through the same solve() the app uses, with the time limit of
// its target, and every answer is re-checked by bench/routing-check.ts (own reader, own cost,
// every constraint). Prints one Markdown table per set with the averages and the machine.
//
//   npm run bench:routing [-- --set tsp|cvrp|vrptw|all] [--instance NAME] [--time-limit S] [--seeds N]
//
// With --seeds N (default 1) every instance runs N times, seeds 1..N; the table shows seed 1's
// answer and the mean and range of the gap over the seeds, and the averages use the means.
// Time limits default to the targets': 2 s for TSP and CVRP, 5 s for Solomon. The instances
// are read from ROUTING_BENCH_DIR (default ../shared/bench/routing beside the repo).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchmarkProblem, benchmarkRoutes, parseBenchmark } from '../core/routing/formats/benchmark-problem.ts';
import { solve } from '../core/routing/solve.ts';
import { checkAnswer } from './routing-check.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.resolve(repo, process.env.ROUTING_BENCH_DIR ?? '../shared/bench/routing');

interface SetDefinition {
  key: 'tsp' | 'cvrp' | 'vrptw';
  title: string;
  seconds: number;
  instances: { name: string; file: string; group: string }[];
}

const tsplib = (name: string) => ({ name, file: `instances/tsplib/${name}.tsp`, group: 'TSPLIB' });
const augerat = (name: string) => ({ name, file: `instances/cvrp/augerat_${name[0]}/${name}.vrp`, group: `Augerat ${name[0]}` });
const uchoa = (name: string) => ({ name, file: `instances/cvrp/X/${name}.vrp`, group: 'X (reported, no target)' });
const solomon = (name: string) => ({ name, file: `instances/vrptw/solomon/${name}.txt`, group: 'Solomon' });

const SETS: SetDefinition[] = [
  { key: 'tsp', title: 'TSPLIB (target: average gap ≤ 1 % within 2 s)', seconds: 2, instances: ['eil51', 'berlin52', 'st70', 'kroA100', 'ch150', 'a280'].map(tsplib) },
  {
    key: 'cvrp', title: 'CVRP, Augerat A/B/P (target: average gap ≤ 0.3 % within 2 s) and X', seconds: 2,
    instances: [
      ...['A-n32-k5', 'A-n44-k6', 'A-n60-k9', 'A-n80-k10', 'B-n31-k5', 'B-n50-k7', 'B-n78-k10', 'P-n16-k8', 'P-n55-k10', 'P-n101-k4'].map(augerat),
      ...['X-n101-k25', 'X-n148-k46'].map(uchoa),
    ],
  },
  { key: 'vrptw', title: 'Solomon VRPTW, distance only, real-valued (target: average gap ≤ 2 % within 5 s, all feasible)', seconds: 5, instances: ['C101', 'R101', 'RC101', 'C201', 'R201', 'RC201'].map(solomon) },
];

/** Best known values: optima.csv for TSP/CVRP, `<name>_distance` of the VROOM BKS file for Solomon. */
function bestKnown(set: SetDefinition['key'], name: string): number {
  if (set === 'vrptw') {
    const bks = JSON.parse(readFileSync(path.join(benchDir, 'instances/bks_json/vroom-scripts_VRPTW_BKS.json'), 'utf8'));
    return bks[`${name}_distance`].best_known_cost;
  }
  const rows = readFileSync(path.join(benchDir, 'optima.csv'), 'utf8').split('\n');
  const row = rows.find((r) => r.startsWith(`${name},`) && (set === 'tsp' ? r.includes(',TSP,') : r.includes(',CVRP')));
  if (!row) throw new Error(`no best known value for ${name} in optima.csv`);
  return Number(row.split(',')[3]);
}

const { values: args } = parseArgs({
  options: { set: { type: 'string', default: 'all' }, instance: { type: 'string' }, 'time-limit': { type: 'string' }, seeds: { type: 'string', default: '1' } },
});
const seeds = Number(args.seeds);
if (!Number.isInteger(seeds) || seeds < 1) {
  console.error(`bench:routing: --seeds must be a positive integer (got ${args.seeds})`);
  process.exit(2);
}
const chosen = SETS.filter((s) => args.set === 'all' || s.key === args.set);
if (chosen.length === 0) {
  console.error(`bench:routing: --set must be tsp, cvrp, vrptw or all (got ${args.set})`);
  process.exit(2);
}

const fmt = (x: number, digits: number) => {
  const text = x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return /^-0[.,]?0*$/.test(text) ? text.slice(1) : text; // no "-0.00"
};
const loadBefore = os.loadavg();
const lines: string[] = [];
let allGood = true;

for (const set of chosen) {
  const instances = set.instances.filter((i) => !args.instance || i.name === args.instance);
  if (instances.length === 0) continue;
  const seconds = args['time-limit'] ? Number(args['time-limit']) : set.seconds;
  lines.push(`### ${set.title}`, '', `Time limit ${seconds} s per instance; ${seeds === 1 ? 'seed 1' : `seeds 1-${seeds}, one run each`}.`, '');
  const spread = seeds > 1 ? ` gap % mean (min-max) over ${seeds} seeds |` : '';
  lines.push(`| instance | best known | ours (seed 1) | gap % |${spread} routes | seconds | iterations | feasible (checker) |`);
  lines.push(`|---|---:|---:|---:|${seeds > 1 ? '---:|' : ''}---:|---:|---:|---|`);
  const byGroup = new Map<string, { gap: number; seconds: number }[]>();
  for (const entry of instances) {
    const file = path.join(benchDir, entry.file);
    const inst = parseBenchmark(path.basename(file), readFileSync(file, 'utf8'));
    const bks = bestKnown(set.key, entry.name);
    const digits = set.key === 'vrptw' ? 2 : 0;
    const runs: { cost: number; gap: number; seconds: number; routes: number; iterations: number; ok: boolean; why: string }[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const started = performance.now();
      const plan = solve(benchmarkProblem(inst), { timeLimitMs: seconds * 1000, seed });
      const elapsed = (performance.now() - started) / 1000;
      const check = checkAnswer(file, benchmarkRoutes(inst, plan), plan.cost);
      const ok = check.feasible && check.costAgrees && plan.unassigned.length === 0;
      const why = [...check.problems.slice(0, 3), ...plan.unassigned.slice(0, 2).map((u) => u.message)].join('; ');
      const gap = ((check.cost - bks) / bks) * 100;
      runs.push({ cost: check.cost, gap, seconds: elapsed, routes: check.routeCount, iterations: plan.iterations, ok, why });
      console.error(`${entry.name} seed ${seed}: ${fmt(check.cost, digits)} vs ${fmt(bks, digits)} (${fmt(gap, 2)} %), ${fmt(elapsed, 2)} s, ${plan.iterations} iterations, ${ok ? 'checked' : `CHECK FAILED: ${why}`}`);
    }
    if (runs.some((r) => !r.ok)) allGood = false;
    const first = runs[0];
    const meanGap = runs.reduce((a, r) => a + r.gap, 0) / runs.length;
    const meanSeconds = runs.reduce((a, r) => a + r.seconds, 0) / runs.length;
    const failed = runs.filter((r) => !r.ok);
    const verdict = failed.length === 0 ? (seeds > 1 ? `yes (${seeds}/${seeds})` : 'yes') : `**no** (${failed.length} of ${seeds}): ${failed[0].why}`;
    const spreadCell = seeds > 1
      ? ` ${fmt(meanGap, 2)} (${fmt(Math.min(...runs.map((r) => r.gap)), 2)} to ${fmt(Math.max(...runs.map((r) => r.gap)), 2)}) |`
      : '';
    const meanIterations = runs.reduce((a, r) => a + r.iterations, 0) / runs.length;
    lines.push(`| ${entry.name} | ${fmt(bks, digits)} | ${fmt(first.cost, digits)} | ${fmt(first.gap, 2)} |${spreadCell} ${first.routes} | ${fmt(meanSeconds, 2)} | ${fmt(meanIterations, 0)} | ${verdict} |`);
    const group = byGroup.get(entry.group) ?? [];
    group.push({ gap: meanGap, seconds: meanSeconds });
    byGroup.set(entry.group, group);
  }
  lines.push('');
  for (const [group, rows] of byGroup) {
    const avgGap = rows.reduce((s, r) => s + r.gap, 0) / rows.length;
    const avgSec = rows.reduce((s, r) => s + r.seconds, 0) / rows.length;
    lines.push(`- ${group}: average gap **${fmt(avgGap, 2)} %** over ${rows.length}, ${fmt(avgSec, 2)} s average`);
  }
  if (set.key === 'cvrp') {
    const augeratRows = [...byGroup].filter(([g]) => g.startsWith('Augerat')).flatMap(([, r]) => r);
    if (augeratRows.length > 0) {
      lines.push(`- Augerat A/B/P together: average gap **${fmt(augeratRows.reduce((s, r) => s + r.gap, 0) / augeratRows.length, 2)} %** over ${augeratRows.length}`);
    }
  }
  lines.push('');
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
lines.push(
  `Machine: ${os.cpus().length} cores (nproc), ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ` +
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average before ${loadBefore.map((x) => fmt(x, 2)).join(' / ')}, ` +
    `after ${os.loadavg().map((x) => fmt(x, 2)).join(' / ')} (1 / 5 / 15 min).`,
);
console.log(lines.join('\n'));
if (!allGood) process.exitCode = 1;
