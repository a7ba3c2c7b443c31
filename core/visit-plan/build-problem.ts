// A visit plan as the route solver's problem (core/routing/model.ts), and the index that maps
// the solver's answer back to teams and days (map-routes.ts).
//
// Locations: one per team base (in team order), then one per commune (in commune order).
// Vehicles (fleetForDays, per team since teams keep different hours and days):
//   return-to-base: one vehicle per team and day it can go, id `${teamId}@${day}`;
//   overnight: one vehicle per team, id `${teamId}`, one shift per day it can go, in order.
// Clock: minutes from 00:00 of the plan's first day.
// Jobs: one per commune, id = its code; service = the longest service time of the plan's teams
// (a job has one service time whichever team takes it; the longest keeps every team's day
// achievable); priority = 1 + priority score (0-100), so a higher score is dropped later.
import { fleetForDays, workingDay } from '../routing/fleet.ts';
import type { LonLat } from '../routing/travel-matrix.ts';
import type { Job, PlannedRoute, RoutingProblem, TimeWindow, TravelMatrix, Vehicle } from '../routing/model.ts';
import { daysBetween, planDays, teamDays } from './plan-days.ts';
import type { PlanTeam } from './plan-view.ts';

/** A team with its base resolved to a point (its own, or the fallback the server chose). */
export interface PlanningTeam extends PlanTeam {
  start: LonLat;
}

export interface PlanningCommune {
  code: string;
  lon: number;
  lat: number;
  required: boolean;
  priority: number | null;
  locked: boolean;
}

/** Where the plan's communes are now: one entry per team-day with stops, codes in visiting order. */
export interface CurrentRoute {
  teamId: number;
  day: string;
  codes: string[];
}

export interface PlanInput {
  firstDay: string;
  lastDay: string;
  teams: PlanningTeam[];
  communes: PlanningCommune[];
  routes: CurrentRoute[];
}

export interface VehicleInfo {
  teamId: number;
  overnight: boolean;
  /** The day of each shift. */
  days: string[];
}

export interface BuiltProblem {
  problem: RoutingProblem;
  /** The current routes as the solver's routes (start of a solve, or what checkPlan checks). */
  plannedRoutes: PlannedRoute[];
  vehicles: Map<string, VehicleInfo>;
  /** Vehicle id of a team and day ('' when the team cannot go that day). */
  vehicleOf(teamId: number, day: string): string;
  serviceMinutes: number;
  firstDay: string;
}

export interface BuildOptions {
  /**
   * 'solve': locked communes are pinned (JobLock: their vehicle and order; on an overnight trip
   * also their day, through a time window). 'check': a hand-edited plan is checked as it stands,
   * so every routed commune of an overnight trip keeps its day (a time window), and no lock
   * applies (a moved locked stop is locked where it was put).
   */
  mode: 'solve' | 'check';
}

/** Bases then communes: the points the travel matrix is computed between. */
export function planPoints(input: Pick<PlanInput, 'teams' | 'communes'>): LonLat[] {
  return [...input.teams.map((t) => t.start), ...input.communes.map((c) => ({ lon: c.lon, lat: c.lat }))];
}

/** What finishing a day later is worth, in minutes of extra travel (see buildProblem). */
export const LATER_DAY_MINUTES = 60;

export function buildProblem(input: PlanInput, matrix: TravelMatrix, options: BuildOptions): BuiltProblem {
  const days = planDays(input.firstDay, input.lastDay);
  const nTeams = input.teams.length;
  if (matrix.size !== nTeams + input.communes.length) throw new RangeError(`the matrix has ${matrix.size} points, the plan ${nTeams + input.communes.length}`);

  const vehicles: Vehicle[] = [];
  const info = new Map<string, VehicleInfo>();
  const windowOf = new Map<string, TimeWindow>(); // `${teamId}@${day}` → that working day
  input.teams.forEach((team, t) => {
    const own = teamDays(team.availableDays, days);
    if (own.length === 0) return;
    const windows = own.map((d) => workingDay(daysBetween(input.firstDay, d), team.dayStart, team.dayEnd));
    own.forEach((d, i) => windowOf.set(`${team.id}@${d}`, windows[i]));
    const fleet = fleetForDays([{ id: String(team.id), base: t }], windows, team.overnight ? 'overnight' : 'return-to-base');
    fleet.forEach((v, i) => {
      const id = team.overnight ? String(team.id) : `${team.id}@${own[i]}`;
      // A team-day later in the plan costs LATER_DAY_MINUTES more per day from the first: the
      // work spreads over every team's first days (the round ends sooner) rather than piling on
      // one team to save a few minutes' drive. An overnight trip is one vehicle: no such cost.
      const fixedCost = team.overnight ? 0 : LATER_DAY_MINUTES * daysBetween(input.firstDay, own[i]);
      vehicles.push({ ...v, id, fixedCost });
      info.set(id, { teamId: team.id, overnight: team.overnight, days: team.overnight ? own : [own[i]] });
    });
  });
  const overnightTeams = new Set(input.teams.filter((t) => t.overnight).map((t) => t.id));
  const vehicleOf = (teamId: number, day: string) => {
    if (!windowOf.has(`${teamId}@${day}`)) return '';
    return overnightTeams.has(teamId) ? String(teamId) : `${teamId}@${day}`;
  };

  // where each commune is now: its team-day and its place in that team's whole sequence
  const placed = new Map<string, { teamId: number; day: string; order: number }>();
  for (const route of input.routes) {
    const dayIndex = daysBetween(input.firstDay, route.day);
    route.codes.forEach((code, i) => placed.set(code, { teamId: route.teamId, day: route.day, order: dayIndex * 1000 + i }));
  }

  const serviceMinutes = input.teams.reduce((m, t) => Math.max(m, t.serviceMinutes), 0);
  const jobs: Job[] = input.communes.map((c, i) => {
    const job: Job = { id: c.code, location: nTeams + i, service: serviceMinutes, priority: 1 + (c.priority ?? 0), required: c.required };
    const at = placed.get(c.code);
    const vehicleId = at ? vehicleOf(at.teamId, at.day) : '';
    if (!at || vehicleId === '') return job;
    const pinDay = overnightTeams.has(at.teamId) && (options.mode === 'check' || c.locked);
    if (pinDay) job.timeWindows = [windowOf.get(`${at.teamId}@${at.day}`)!];
    if (options.mode === 'solve' && c.locked) job.lock = { vehicleId, order: at.order };
    return job;
  });

  // the current routes, as vehicles' sequences (an overnight trip: its days one after the other)
  const known = new Set(input.communes.map((c) => c.code));
  const sequences = new Map<string, string[]>();
  const ordered = [...input.routes].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const route of ordered) {
    const id = vehicleOf(route.teamId, route.day);
    if (id === '') continue;
    const seq = sequences.get(id) ?? [];
    seq.push(...route.codes.filter((c) => known.has(c)));
    sequences.set(id, seq);
  }
  const plannedRoutes = [...sequences].filter(([, ids]) => ids.length > 0).map(([vehicleId, jobIds]) => ({ vehicleId, jobIds }));

  return { problem: { matrix, jobs, vehicles, objective: 'duration' }, plannedRoutes, vehicles: info, vehicleOf, serviceMinutes, firstDay: input.firstDay };
}
