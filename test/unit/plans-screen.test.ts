// The planning screen's pure helpers (client/views/plans): team colours and day dashes, durations
// and days as the list writes them, the list grouped by team and day, where a stop may move, and
// the route lines drawn from base through the stops (overnight days start where the team slept).
import { describe, expect, it } from 'vitest';
import type { PlanRoute, PlanView } from '../../core/visit-plan/plan-view.ts';
import { DAY_DASHES, dayDash, TEAM_COLOURS, teamColours } from '../../client/views/plans/plan-colours.ts';
import { formatDay, formatDuration, formatKm } from '../../client/views/plans/plan-format.ts';
import { groupRoutes, moveTargets, planDays, problemsByCode, teamDays, whereIs } from '../../client/views/plans/plan-list.ts';
import { baseFeatures, featuresBounds, routeFeatures } from '../../client/views/plans/route-features.ts';

const settings = { dayStart: '07:30', dayEnd: '17:00', serviceMinutes: 90, vehicle: 'car' as const };
const commune = (code: string, name: string, lon: number, lat: number, required = true) => ({
  structure: '2025' as const, code, name, place: 'Tỉnh Hà Tĩnh', lon, lat, required, priority: null, rank: null, locked: false, visitId: null,
});
const stop = (code: string, order: number, arrival: string, locked = false) => ({ code, order, arrival, start: arrival, end: arrival, travelMinutes: 30, distanceKm: 20, locked });
const route = (teamId: number, day: string, stops: ReturnType<typeof stop>[], endsAt: PlanRoute['endsAt'] = 'base'): PlanRoute => ({
  teamId, day, leave: '07:30', finish: '16:40', endsAt, stops, distanceKm: 80.25, travelMinutes: 135, serviceMinutes: 180, totalMinutes: 550,
});

// Mon 18 - Wed 20 May 2026; team 7 goes back every evening, team 3 stays overnight and has no Tuesday
function plan(): PlanView {
  return {
    id: 1, name: 'Đợt 1', structure: '2025', provinceCode: '42', provinceName: 'Tỉnh Hà Tĩnh', firstDay: '2026-05-18', lastDay: '2026-05-20',
    status: 'draft', publishedAt: null, sourceSet: null, matrixSource: 'great-circle', author: 'demo-planner', createdAt: '', updatedAt: '',
    teams: [
      { id: 7, name: 'Đoàn 1', base: { kind: 'point', label: 'Sở', lon: 105.9, lat: 18.34 }, availableDays: null, overnight: false, ...settings },
      { id: 3, name: 'Đoàn 2', base: { kind: 'point', label: null, lon: 105.7, lat: 18.5 }, availableDays: ['2026-05-18', '2026-05-20', '2026-06-01'], overnight: true, ...settings },
    ],
    communes: [commune('a', 'Xã Kỳ Anh', 106.2, 18.0), commune('b', 'Xã Hương Khê', 105.7, 18.2), commune('c', 'Xã Vũ Quang', 105.5, 18.4, false), commune('d', 'Xã Đức Thọ', 105.6, 18.55), commune('e', 'Xã Sơn Kim', 105.3, 18.45)],
    routes: [
      route(7, '2026-05-19', [stop('b', 2, '10:05'), stop('a', 1, '08:40', true)]),
      route(3, '2026-05-18', [stop('d', 1, '08:00')], 'last-stop'),
      route(3, '2026-05-20', [stop('c', 1, '09:10')], 'base'),
    ],
    unassigned: [{ code: 'e', required: false, reason: 'không đủ thời gian' }],
    problems: [{ code: 'b', teamId: 7, day: '2026-05-19', message: 'Xã Hương Khê: đến lúc 17:40, sau giờ làm việc 17:00' }],
    totals: { stops: 4, distanceKm: 240.75, travelMinutes: 405, unassignedRequired: 0, unassignedOptional: 1 },
    simulated: false,
  };
}

describe('team colours and day dashes', () => {
  it('gives each team of a plan its own colour, in the plan’s team order, and cycles past the palette', () => {
    const colours = teamColours([{ id: 7 }, { id: 3 }]);
    expect(colours.get(7)).toBe(TEAM_COLOURS[0]);
    expect(colours.get(3)).toBe(TEAM_COLOURS[1]);
    expect(new Set(TEAM_COLOURS).size).toBe(TEAM_COLOURS.length);
    const many = teamColours(Array.from({ length: TEAM_COLOURS.length + 1 }, (_, i) => ({ id: i })));
    expect(many.get(TEAM_COLOURS.length)).toBe(TEAM_COLOURS[0]);
  });

  it('draws the first day solid and the next ones dashed, cycling', () => {
    expect(DAY_DASHES[dayDash(0)]).toEqual([]);
    expect(DAY_DASHES[dayDash(1)]!.length).toBeGreaterThan(0);
    expect(dayDash(DAY_DASHES.length + 1)).toBe(1);
  });
});

describe('durations, distances and days', () => {
  it('writes minutes as hours and minutes in Vietnamese', () => {
    expect(formatDuration(135)).toBe('2 giờ 15 phút');
    expect(formatDuration(45)).toBe('45 phút');
    expect(formatDuration(180)).toBe('3 giờ');
    expect(formatDuration(0)).toBe('0 phút');
    expect(formatDuration(59.6)).toBe('1 giờ');
    expect(formatDuration(-5)).toBe('0 phút');
    expect(formatDuration(135, 'en')).toBe('2 h 15 min');
  });

  it('writes kilometres with a decimal comma and days with the weekday', () => {
    expect(formatKm(80.25)).toBe('80,3 km');
    expect(formatKm(1234.5)).toBe('1.234,5 km');
    expect(formatDay('2026-05-18')).toBe('T2 18/05/2026');
    expect(formatDay('2026-05-24')).toBe('CN 24/05/2026');
    expect(formatDay('2026-05-23', 'en')).toBe('Sat 23/05/2026');
  });
});

describe('the list by team and day', () => {
  it('groups routes per team in the plan’s order, days in date order, stops by their order, with names and problems', () => {
    const groups = groupRoutes(plan());
    expect(groups.map((g) => g.team.name)).toEqual(['Đoàn 1', 'Đoàn 2']);
    expect(groups[0]!.colour).toBe(TEAM_COLOURS[0]);
    expect(groups[1]!.days.map((d) => [d.day, d.dayIndex])).toEqual([['2026-05-18', 0], ['2026-05-20', 2]]);
    const tuesday = groups[0]!.days[0]!;
    expect(tuesday.stops.map((s) => [s.stop.order, s.name, s.stop.arrival])).toEqual([[1, 'Xã Kỳ Anh', '08:40'], [2, 'Xã Hương Khê', '10:05']]);
    expect(tuesday.stops[1]!.problems.map((p) => p.message)).toEqual(['Xã Hương Khê: đến lúc 17:40, sau giờ làm việc 17:00']);
    expect(tuesday.stops[0]!.problems).toEqual([]);
  });

  it('narrows to a team and a day, leaving out teams with nothing that day', () => {
    expect(groupRoutes(plan(), { teamId: 3, day: null }).map((g) => g.team.id)).toEqual([3]);
    const monday = groupRoutes(plan(), { teamId: null, day: '2026-05-18' });
    expect(monday.map((g) => [g.team.id, g.days.map((d) => d.day)])).toEqual([[3, ['2026-05-18']]]);
    expect(groupRoutes(plan(), { teamId: 7, day: '2026-05-20' })).toEqual([]);
  });

  it('files problems naming no commune under the empty code', () => {
    const by = problemsByCode([{ code: null, teamId: null, day: null, message: 'x' }, { code: 'a', teamId: 7, day: null, message: 'y' }]);
    expect(by.get('')!.map((p) => p.message)).toEqual(['x']);
    expect(by.get('a')!.map((p) => p.message)).toEqual(['y']);
  });
});

describe('where a stop can move', () => {
  it('knows the days of the plan and of each team (its own list, or Monday-Friday)', () => {
    expect(planDays(plan())).toEqual(['2026-05-18', '2026-05-19', '2026-05-20']);
    expect(teamDays(plan().teams[1]!, plan())).toEqual(['2026-05-18', '2026-05-20']);
    expect(teamDays(plan().teams[0]!, { firstDay: '2026-05-22', lastDay: '2026-05-25' })).toEqual(['2026-05-22', '2026-05-25']);
  });

  it('offers every team-day but the stop’s own, each at the end of that day (0-based)', () => {
    const p = plan();
    expect(whereIs(p, 'b')).toEqual({ teamId: 7, day: '2026-05-19', order: 2, count: 2 });
    expect(whereIs(p, 'e')).toBeNull();
    const targets = moveTargets(p, 'b').map((t) => [t.teamId, t.day, t.position]);
    expect(targets).toEqual([
      [7, '2026-05-18', 0],
      [7, '2026-05-20', 0],
      [3, '2026-05-18', 1],
      [3, '2026-05-20', 1],
    ]);
    // a commune left out may go to any team-day
    expect(moveTargets(p, 'e')).toHaveLength(5);
  });
});

describe('route lines and stops on the map', () => {
  it('draws a return-to-base day from the base through the stops in order and back', () => {
    const { lines, stops } = routeFeatures(plan());
    const tuesday = lines.features.find((f) => f.properties.teamId === 7)!;
    expect(tuesday.geometry.coordinates).toEqual([[105.9, 18.34], [106.2, 18.0], [105.7, 18.2], [105.9, 18.34]]);
    expect(tuesday.properties).toMatchObject({ colour: TEAM_COLOURS[0], dash: dayDash(1) });
    expect(stops.features.filter((f) => f.properties.teamId === 7).map((f) => [f.properties.order, f.properties.code, f.properties.locked])).toEqual([[1, 'a', true], [2, 'b', false]]);
  });

  it('starts an overnight team’s next day where it slept and ends the day there', () => {
    const { lines } = routeFeatures(plan());
    const team3 = lines.features.filter((f) => f.properties.teamId === 3).map((f) => [f.properties.day, f.geometry.coordinates]);
    expect(team3).toEqual([
      ['2026-05-18', [[105.7, 18.5], [105.6, 18.55]]],
      ['2026-05-20', [[105.6, 18.55], [105.5, 18.4], [105.7, 18.5]]],
    ]);
  });

  it('filters lines and stops by team and day, keeps bases of the shown team, and greys the left-out communes', () => {
    const shown = routeFeatures(plan(), { teamId: 3, day: '2026-05-20' });
    expect(shown.lines.features.map((f) => f.properties.day)).toEqual(['2026-05-20']);
    expect(shown.stops.features.map((f) => f.properties.code)).toEqual(['c']);
    expect(shown.bases.features.map((f) => f.properties.teamId)).toEqual([3]);
    expect(shown.unassigned.features.map((f) => [f.properties.code, f.properties.colour])).toEqual([['e', '#8d8d8d']]);
    expect(featuresBounds(shown)).toEqual([105.3, 18.4, 105.7, 18.55]);
  });

  it('shows the teams tab’s bases, skipping teams without one', () => {
    const teams = [...plan().teams, { ...plan().teams[0]!, id: 9, base: null }];
    expect(baseFeatures(teams).bases.features.map((f) => f.properties.teamId)).toEqual([7, 3]);
  });
});
