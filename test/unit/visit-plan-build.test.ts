// A visit plan as the solver's problem: team-days as vehicles (return-to-base) or one trip with a
// shift per day (overnight), only the days a team can go, the solver's clock from the plan's first
// day, service and priorities, locks pinned to team, day and order, current routes carried over.
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../core/visit-plan/build-problem.ts';
import { planDays, teamDays, isIsoDate, isClockTime } from '../../core/visit-plan/plan-days.ts';
import { planTravelSettings, terrainOfRegions } from '../../core/visit-plan/travel-settings.ts';
import { commune, input, lineMatrix, team } from './visit-plan-fixture.ts';

const DAY = 1440;
const at0730 = 450;
const at1700 = 1020;

describe('plan days', () => {
  it('lists the days, keeps weekdays when the team has no list, checks dates and clock times', () => {
    expect(planDays('2025-06-06', '2025-06-09')).toEqual(['2025-06-06', '2025-06-07', '2025-06-08', '2025-06-09']);
    expect(teamDays(null, planDays('2025-06-06', '2025-06-09'))).toEqual(['2025-06-06', '2025-06-09']);
    expect(teamDays(['2025-06-07', '2025-07-01'], planDays('2025-06-06', '2025-06-09'))).toEqual(['2025-06-07']);
    expect([isIsoDate('2025-02-28'), isIsoDate('2025-02-29'), isIsoDate('2024-02-29'), isIsoDate('2025-6-1')]).toEqual([true, false, true, false]);
    expect([isClockTime('07:30'), isClockTime('24:00'), isClockTime('7:30'), isClockTime('17:60')]).toEqual([true, false, false, false]);
  });
});

describe('buildProblem', () => {
  const matrix = lineMatrix([0, 0, 10, 20, 30]);

  it('makes a vehicle per team-day for return-to-base teams and one trip per overnight team', () => {
    const built = buildProblem(input([team(1), team(2, { overnight: true, dayStart: '08:00' })], [commune('A'), commune('B'), commune('C')]), matrix, { mode: 'solve' });
    const vehicles = built.problem.vehicles;
    expect(vehicles.map((v) => v.id)).toEqual(['1@2025-06-06', '1@2025-06-09', '2']);
    // Friday is day 0, Monday day 3 on the solver's clock
    expect(vehicles[0]).toMatchObject({ start: 0, end: 0, shifts: [{ start: at0730, end: at1700 }] });
    expect(vehicles[1].shifts).toEqual([{ start: 3 * DAY + at0730, end: 3 * DAY + at1700 }]);
    expect(vehicles[2]).toMatchObject({ start: 1, end: 1, shifts: [{ start: 480, end: at1700 }, { start: 3 * DAY + 480, end: 3 * DAY + at1700 }] });
    expect(built.vehicles.get('2')).toEqual({ teamId: 2, overnight: true, days: ['2025-06-06', '2025-06-09'] });
    expect(built.vehicleOf(1, '2025-06-07')).toBe('');
    expect(built.vehicleOf(2, '2025-06-09')).toBe('2');
  });

  it('takes the longest service time of the teams, priority 1 + score, the required flag', () => {
    const built = buildProblem(input([team(1, { serviceMinutes: 45 }), team(2, { serviceMinutes: 90 })], [commune('A', { priority: 80, required: false }), commune('B'), commune('C')]), matrix, { mode: 'solve' });
    expect(built.problem.jobs[0]).toEqual({ id: 'A', location: 2, service: 90, priority: 81, required: false });
    expect(built.problem.jobs[1]).toMatchObject({ id: 'B', location: 3, priority: 1, required: true });
  });

  it('pins locked communes to their team-day and order; on an overnight trip to their day too', () => {
    const communes = [commune('A', { locked: true }), commune('B', { locked: true }), commune('C')];
    const routes = [{ teamId: 1, day: '2025-06-09', codes: ['C', 'A'] }, { teamId: 2, day: '2025-06-09', codes: ['B'] }];
    const built = buildProblem(input([team(1), team(2, { overnight: true })], communes, routes), matrix, { mode: 'solve' });
    const [a, b, c] = built.problem.jobs;
    expect(a.lock).toEqual({ vehicleId: '1@2025-06-09', order: 3001 });
    expect(a.timeWindows).toBeUndefined();
    expect(b.lock).toEqual({ vehicleId: '2', order: 3000 });
    expect(b.timeWindows).toEqual([{ start: 3 * DAY + at0730, end: 3 * DAY + at1700 }]);
    expect(c.lock).toBeUndefined();
    expect(built.plannedRoutes).toEqual([{ vehicleId: '1@2025-06-09', jobIds: ['C', 'A'] }, { vehicleId: '2', jobIds: ['B'] }]);
  });

  it('checks a hand-edited plan as it stands: no locks, every overnight stop kept on its day', () => {
    const communes = [commune('A', { locked: true }), commune('B'), commune('C')];
    const routes = [{ teamId: 2, day: '2025-06-09', codes: ['A'] }, { teamId: 2, day: '2025-06-06', codes: ['B', 'C'] }];
    const built = buildProblem(input([team(1), team(2, { overnight: true })], communes, routes), matrix, { mode: 'check' });
    expect(built.problem.jobs.map((j) => j.lock)).toEqual([undefined, undefined, undefined]);
    expect(built.problem.jobs.map((j) => j.timeWindows?.[0].start)).toEqual([3 * DAY + at0730, at0730, at0730]);
    // an overnight trip is its days one after the other
    expect(built.plannedRoutes).toEqual([{ vehicleId: '2', jobIds: ['B', 'C', 'A'] }]);
  });

  it('refuses a matrix that does not match the plan', () => {
    expect(() => buildProblem(input([team(1)], [commune('A')]), lineMatrix([0, 1, 2]), { mode: 'solve' })).toThrow(RangeError);
  });
});

describe('travel settings', () => {
  it('reads terrain from the region (roughest predecessor wins) and slows to the slowest vehicle', () => {
    expect(terrainOfRegions(['Đồng bằng sông Hồng'])).toBe('lowland');
    expect(terrainOfRegions(['Bắc Trung Bộ và duyên hải miền Trung', 'Tây Nguyên'])).toBe('midland');
    expect(terrainOfRegions(['Trung du và miền núi phía Bắc', 'Tây Nguyên'])).toBe('mountain');
    expect(planTravelSettings('lowland', ['car'])).toEqual({ circuity: 1.35, speedKmh: 35 });
    expect(planTravelSettings('mountain', ['car', 'motorbike']).speedKmh).toBeCloseTo(25 * 0.85);
  });
});
