// The solver's routes back as the plan's: days from the shift index, HH:MM times, legs from the
// base or from last night's stop, return-to-base days ending at the base, overnight days at
// their last stop (the trip's last day at the base); unassigned reasons and problems in
// Vietnamese with the commune's and team's names.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../core/routing/check-plan.ts';
import { solve } from '../../core/routing/solve.ts';
import { buildProblem } from '../../core/visit-plan/build-problem.ts';
import { mapRoutes } from '../../core/visit-plan/map-routes.ts';
import { moveStop } from '../../core/visit-plan/move-stop.ts';
import { planProblems, unassignedReason, type PlanNames } from '../../core/visit-plan/plan-messages.ts';
import { commune, input, lineMatrix, team } from './visit-plan-fixture.ts';

// base at 0; communes A, B, C at 30, 40, 50 minutes along the road
const matrix = lineMatrix([0, 30, 40, 50]);
const communes = [commune('A'), commune('B'), commune('C')];
const names: PlanNames = { commune: (code) => `Xã ${code}`, team: (id) => team(id) };

describe('mapRoutes', () => {
  it('times a return-to-base day from the base and back, HH:MM, with day totals', () => {
    const built = buildProblem(input([team(1)], communes, [{ teamId: 1, day: '2025-06-09', codes: ['A', 'B'] }]), matrix, { mode: 'check' });
    const check = checkPlan(built.problem, built.plannedRoutes);
    const [route] = mapRoutes(built, check.routes, new Set(['B']));
    expect(route).toMatchObject({ teamId: 1, day: '2025-06-09', leave: '07:30', endsAt: 'base', distanceKm: 80, travelMinutes: 80, serviceMinutes: 120 });
    expect(route.stops).toEqual([
      { code: 'A', order: 1, arrival: '08:00', start: '08:00', end: '09:00', travelMinutes: 30, distanceKm: 30, locked: false },
      { code: 'B', order: 2, arrival: '09:10', start: '09:10', end: '10:10', travelMinutes: 10, distanceKm: 10, locked: true },
    ]);
    // back at the base 40 minutes after leaving B
    expect(route.finish).toBe('10:50');
    expect(route.totalMinutes).toBe(200);
  });

  it('splits an overnight trip into days by shift: each day starts where the last one ended', () => {
    const routes = [{ teamId: 2, day: '2025-06-06', codes: ['A', 'C'] }, { teamId: 2, day: '2025-06-09', codes: ['B'] }];
    const built = buildProblem(input([team(2, { overnight: true })], communes, routes), matrix, { mode: 'check' });
    const check = checkPlan(built.problem, built.plannedRoutes);
    expect(check.ok).toBe(true);
    const [friday, monday] = mapRoutes(built, check.routes, new Set());
    expect(friday).toMatchObject({ day: '2025-06-06', endsAt: 'last-stop', finish: '10:20', distanceKm: 50 });
    expect(friday.stops.map((s) => [s.code, s.arrival, s.travelMinutes])).toEqual([['A', '08:00', 30], ['C', '09:20', 20]]);
    // Monday: from C (slept there) to B, 10 minutes, then home to the base
    expect(monday).toMatchObject({ day: '2025-06-09', leave: '07:30', endsAt: 'base', distanceKm: 50 });
    expect(monday.stops.map((s) => [s.code, s.arrival, s.travelMinutes])).toEqual([['B', '07:40', 10]]);
    expect(monday.finish).toBe('09:20');
  });

  it('maps a solved plan: every commune in a route on one of the team’s days', () => {
    const built = buildProblem(input([team(1), team(2, { overnight: true })], communes), lineMatrix([0, 0, 30, 40, 50]), { mode: 'solve' });
    const plan = solve(built.problem, { iterations: 50, seed: 1 });
    const routes = mapRoutes(built, plan.routes, new Set());
    expect(routes.flatMap((r) => r.stops.map((s) => s.code)).sort()).toEqual(['A', 'B', 'C']);
    for (const r of routes) expect(['2025-06-06', '2025-06-09']).toContain(r.day);
  });
});

describe('messages', () => {
  it('says why a commune is in no route', () => {
    const far = [commune('A'), commune('B', { required: false, priority: 10 })];
    const built = buildProblem(input([team(1, { dayEnd: '09:00' })], far), lineMatrix([0, 30, 400]), { mode: 'solve' });
    const plan = solve(built.problem, { iterations: 20, seed: 1 });
    const b = plan.unassigned.find((u) => u.jobId === 'B')!;
    expect(unassignedReason(b, built, names)).toMatch(/^Quá xa: không đoàn nào đi đến, làm việc 60 phút rồi về trụ sở trong giờ làm việc/);
    expect(unassignedReason({ jobId: 'A', required: true, reason: 'no-room', message: '' }, built, names)).toMatch(/cần thêm ngày hoặc thêm đoàn/);
    expect(unassignedReason({ jobId: 'B', required: false, reason: 'no-room', message: '' }, built, names)).toMatch(/ưu tiên cao hơn/);
  });

  it('names the commune, the team, the day and the times of what a moved stop breaks', () => {
    // team 1 works 07:30-10:00: A 08:00-09:00, then C 09:20-10:20 overruns
    const routes = moveStop([{ teamId: 1, day: '2025-06-09', codes: ['A'] }], 'C', { teamId: 1, day: '2025-06-09', position: 5 });
    expect(routes).toEqual([{ teamId: 1, day: '2025-06-09', codes: ['A', 'C'] }]);
    const short = [team(1, { dayEnd: '10:00' })];
    const built = buildProblem(input(short, communes, routes), matrix, { mode: 'check' });
    const check = checkPlan(built.problem, built.plannedRoutes);
    const mapped = mapRoutes(built, check.routes, new Set());
    const problems = planProblems(check.violations.filter((v) => v.kind !== 'missing-required'), mapped, { ...names, team: (id) => short.find((t) => t.id === id) });
    expect(problems[0]).toEqual({ code: 'C', teamId: 1, day: '2025-06-09', message: 'Xã C: xong lúc 10:20, sau giờ làm việc 10:00 (Đoàn 1, ngày 09/06)' });
    // the way back late: named after the day's last commune
    const late = buildProblem(input([team(1, { dayEnd: '09:20' })], communes, [{ teamId: 1, day: '2025-06-09', codes: ['A'] }]), matrix, { mode: 'check' });
    const lateCheck = checkPlan(late.problem, late.plannedRoutes);
    const lateProblems = planProblems(lateCheck.violations, mapRoutes(late, lateCheck.routes, new Set()), { ...names, team: () => team(1, { dayEnd: '09:20' }) });
    expect(lateProblems.map((p) => p.message)).toContain('Xã A: sau xã này về đến trụ sở lúc 09:30, sau giờ làm việc 09:20 (Đoàn 1, ngày 09/06)');
  });

  it('moves a stop out of the routes and drops days left empty', () => {
    expect(moveStop([{ teamId: 1, day: '2025-06-09', codes: ['A'] }, { teamId: 2, day: '2025-06-06', codes: ['B'] }], 'A', null)).toEqual([{ teamId: 2, day: '2025-06-06', codes: ['B'] }]);
  });
});
