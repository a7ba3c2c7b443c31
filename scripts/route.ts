// `npm run route -- FILE [--time-limit SECONDS] [--seed N]`: solve one benchmark file (TSPLIB .tsp,
// CVRPLIB .vrp, Solomon .txt) with the app's solver and print
//   {"instance", "cost", "routes": [[ids in visiting order]], "seconds"}
// Ids are the file's own: for a TSP the single route lists every node (the first node of the
// file first); for CVRP and Solomon each route lists customers, the depot left out. The cost
// follows the file's distance convention (rounded edges for TSPLIB/CVRPLIB, real for Solomon).
// Exit code 2 for a bad file or bad arguments.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkProblem, benchmarkRoutes, parseBenchmark } from '../core/routing/formats/benchmark-problem.ts';
import { FormatError } from '../core/routing/formats/instance.ts';
import { solve } from '../core/routing/solve.ts';

const USAGE = 'usage: npm run route -- FILE [--time-limit SECONDS] [--seed N]   (FILE: .tsp, .vrp or Solomon .txt)';

function die(message: string): never {
  console.error(`route: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { 'time-limit': { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  die((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) die('give exactly one instance file');
const seconds = values['time-limit'] === undefined ? 2 : Number(values['time-limit']);
if (!(seconds > 0) || !Number.isFinite(seconds)) die(`--time-limit must be a positive number of seconds (got ${values['time-limit']})`);
const seed = values.seed === undefined ? 1 : Number(values.seed);
if (!Number.isInteger(seed)) die(`--seed must be an integer (got ${values.seed})`);

const file = positionals[0]!;
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  die(`cannot read ${file}: ${(error as Error).message}`);
}

let instance;
try {
  instance = parseBenchmark(basename(file), text);
} catch (error) {
  if (error instanceof FormatError) die(`${file}: ${error.message}`);
  throw error;
}

const plan = solve(benchmarkProblem(instance), { timeLimitMs: seconds * 1000, seed });
const routes = benchmarkRoutes(instance, plan);
if (plan.unassigned.length > 0) {
  console.error(`route: ${plan.unassigned.length} customers could not be served: ${plan.unassigned.map((u) => u.message).join('; ')}`);
}
console.log(JSON.stringify({ instance: instance.name, cost: plan.cost, routes, seconds: Math.round(plan.elapsedMs) / 1000 }));
