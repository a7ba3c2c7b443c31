// Benchmark: visit plans of the size a province makes (the benchmark instances of bench/routing.ts
// are one-day problems; a supervision round is several teams over a working week). For every
// 4th 2025 province (9 provinces, all three terrains): 40 of its communes spread across it (every
// k-th by code), 3 teams from the provincial town, Monday-Friday 07:30-17:00, an hour in each
// commune, great-circle travel at the province's terrain speed — once returning to base every
// evening, once staying overnight.
//   baseline (same run) = the solver's greedy construction alone (iterations: 0), what a planner
//            would get from "cheapest insertion" without search;
//   solve 2 s = what plans.create does by default; solve 10 s = the reference the 2 s plan is
//            measured against (gap = how much travel the 2 s plan leaves on the table).
// 15 team-days of up to ~7 visits for 40 communes: the solver fits every commune, the greedy
// baseline sometimes not (its "left out"). The objective is travel time plus an hour for each
// later day a team works (LATER_DAY_MINUTES), so a longer search may trade a little travel for
// an earlier finish.
//   npm run bench:plans [-- --communes 40 --teams 3 --every 4]   (--every N: every N-th province)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlan } from '../core/routing/check-plan.ts';
import { solve } from '../core/routing/solve.ts';
import { greatCircleMatrix } from '../core/routing/travel-matrix.ts';
import type { Plan } from '../core/routing/model.ts';
import { buildProblem, planPoints, type PlanInput, type PlanningTeam } from '../core/visit-plan/build-problem.ts';
import { planTravelSettings } from '../core/visit-plan/travel-settings.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { defaultRegistryPath } from '../server/db/seed/registry-file.ts';
import { seedRegistry } from '../server/db/seed/seed-registry.ts';
import { provinceFacts } from '../server/plans/plan-inputs.ts';
import { machineLine } from './server.ts';

const { values: args } = parseArgs({ options: { communes: { type: 'string', default: '40' }, teams: { type: 'string', default: '3' }, every: { type: 'string', default: '4' } } });
const COMMUNES = Number(args.communes);
const TEAMS = Number(args.teams);
const EVERY = Number(args.every);
const WEEK = { firstDay: '2026-11-23', lastDay: '2026-11-27' };

const database = openDatabase({ dialect: 'sqlite', file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'povmap-bench-')), 'bench.sqlite') });
const db = database.db;
await migrateToLatest(database);
await seedRegistry(db, { registryFile: defaultRegistryPath(), force: true });

const provinces = (await db.selectFrom('unit').select('code').where('structure', '=', '2025').where('level', '=', 'province').orderBy('code').execute()).filter((_, i) => i % EVERY === 0);

interface Row {
  province: string;
  terrain: string;
  mode: 'về trong ngày' | 'nghỉ đêm';
  runs: { label: string; travel: number; days: number; unassigned: number; ms: number; feasible: boolean }[];
}

const rows: Row[] = [];
for (const { code } of provinces) {
  const facts = (await provinceFacts(db, '2025', code))!;
  const all = await db.selectFrom('unit').select(['code', 'label_lon', 'label_lat']).where('structure', '=', '2025').where('level', '=', 'commune').where('province_code', '=', code).orderBy('code').execute();
  const step = Math.max(1, Math.floor(all.length / COMMUNES));
  const communes = all.filter((_, i) => i % step === 0).slice(0, COMMUNES).map((u) => ({ code: u.code, lon: Number(u.label_lon), lat: Number(u.label_lat), required: true, priority: null, locked: false }));
  for (const overnight of [false, true]) {
    const teams: PlanningTeam[] = Array.from({ length: TEAMS }, (_, t) => ({
      id: t + 1, name: `Đoàn ${t + 1}`, base: null, start: facts.point, dayStart: '07:30', dayEnd: '17:00', serviceMinutes: 60, availableDays: null, vehicle: 'car', overnight,
    }));
    const input: PlanInput = { ...WEEK, teams, communes, routes: [] };
    const matrix = greatCircleMatrix(planPoints(input), planTravelSettings(facts.terrain, ['car']));
    const { problem } = buildProblem(input, matrix, { mode: 'solve' });
    const run = (label: string, options: { iterations?: number; timeLimitMs?: number }) => {
      const started = performance.now();
      const plan: Plan = solve(problem, { seed: 1, ...options });
      const ms = performance.now() - started;
      const check = checkPlan(problem, plan.routes.map((r) => ({ vehicleId: r.vehicleId, jobIds: r.stops.map((s) => s.jobId) })));
      // return-to-base: a vehicle is a team-day; overnight: count the days (shifts) with stops
      const days = plan.routes.reduce((n, r) => n + new Set(r.stops.map((s) => s.shift)).size, 0);
      // every route within the teams' hours (a commune left out is counted, not a broken route)
      const feasible = check.violations.every((v) => v.kind === 'missing-required');
      return { label, travel: plan.travelTime, days, unassigned: plan.unassigned.length, ms, feasible };
    };
    rows.push({
      province: facts.name, terrain: facts.terrain, mode: overnight ? 'nghỉ đêm' : 'về trong ngày',
      runs: [run('baseline', { iterations: 0 }), run('2 s', { timeLimitMs: 2000 }), run('10 s', { timeLimitMs: 10_000 })],
    });
    const [b, two, ten] = rows.at(-1)!.runs;
    console.error(`${facts.name} (${facts.terrain}, ${overnight ? 'overnight' : 'return'}): baseline ${b.travel.toFixed(0)} min, 2 s ${two.travel.toFixed(0)}, 10 s ${ten.travel.toFixed(0)}`);
  }
}
await database.close();

const fmt = (x: number, digits = 0) => x.toFixed(digits).replace('.', ',');
const gap = (x: number, ref: number) => `${fmt((100 * (x - ref)) / ref, 1)} %`;
console.log(`\n${await machineLine()}; ${COMMUNES} communes, ${TEAMS} teams, Mon-Fri, great-circle travel\n`);
console.log('| province | terrain | teams | baseline travel (min) | 2 s travel | 10 s travel | 2 s vs baseline | 2 s vs 10 s | team-days 2 s | left out: baseline / 2 s | routes within hours |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const [b, two, ten] = r.runs;
  console.log(`| ${r.province} | ${r.terrain} | ${r.mode} | ${fmt(b.travel)} | ${fmt(two.travel)} | ${fmt(ten.travel)} | ${gap(two.travel, b.travel)} | ${gap(two.travel, ten.travel)} | ${two.days} | ${b.unassigned} / ${two.unassigned} | ${r.runs.every((x) => x.feasible) ? 'yes' : 'NO'} |`);
}
const mean = (pick: (r: Row) => number) => rows.reduce((s, r) => s + pick(r), 0) / rows.length;
console.log(`\nmean: 2 s plan ${gap(mean((r) => r.runs[1].travel), mean((r) => r.runs[0].travel))} travel against the greedy baseline, ${gap(mean((r) => r.runs[1].travel), mean((r) => r.runs[2].travel))} against 10 s`);
