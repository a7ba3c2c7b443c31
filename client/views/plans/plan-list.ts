// The side list of an open plan: its routes grouped by team and day, with the commune behind each
// stop and the problems that name it, and where a stop can be moved to. Pure (no Svelte, no I/O).
import type { PlanCommune, PlanProblem, PlanRoute, PlanStop, PlanTeam, PlanView } from '../../../core/visit-plan/plan-view.ts';
import { teamColours } from './plan-colours.ts';
import { planDays as datesBetween, teamDays as availableOf } from '../../../core/visit-plan/plan-days.ts';

export interface PlanFilter {
  /** null: every team / every day. */
  teamId: number | null;
  day: string | null;
}

export interface StopEntry {
  stop: PlanStop;
  commune: PlanCommune | undefined;
  /** The commune's name as written, or its code when the plan does not know it. */
  name: string;
  problems: PlanProblem[];
}

export interface DayGroup {
  day: string;
  /** Among the plan's days (first day = 0): picks the dash of the route line. */
  dayIndex: number;
  route: PlanRoute;
  stops: StopEntry[];
}

export interface TeamGroup {
  team: PlanTeam;
  colour: string;
  days: DayGroup[];
}

/** Every date of the plan, first to last. */
export function planDays(plan: Pick<PlanView, 'firstDay' | 'lastDay'>): string[] {
  return datesBetween(plan.firstDay, plan.lastDay);
}

/** The plan's days the team can go: its available days, or Monday-Friday when it lists none. */
export function teamDays(team: Pick<PlanTeam, 'availableDays'>, plan: Pick<PlanView, 'firstDay' | 'lastDay'>): string[] {
  return availableOf(team.availableDays, planDays(plan));
}

export function communesByCode(plan: Pick<PlanView, 'communes'>): Map<string, PlanCommune> {
  return new Map(plan.communes.map((c) => [c.code, c]));
}

/** Problems naming a commune, by its code; those naming none go under ''. */
export function problemsByCode(problems: readonly PlanProblem[]): Map<string, PlanProblem[]> {
  const by = new Map<string, PlanProblem[]>();
  for (const problem of problems) {
    const key = problem.code ?? '';
    by.set(key, [...(by.get(key) ?? []), problem]);
  }
  return by;
}

/** Routes per team (in the plan's team order) and day, narrowed by the filter; empty teams left out. */
export function groupRoutes(plan: PlanView, filter: PlanFilter = { teamId: null, day: null }): TeamGroup[] {
  const colours = teamColours(plan.teams);
  const communes = communesByCode(plan);
  const problems = problemsByCode(plan.problems);
  const dayIndex = new Map(planDays(plan).map((d, i) => [d, i]));
  const groups: TeamGroup[] = [];
  for (const team of plan.teams) {
    if (filter.teamId !== null && filter.teamId !== team.id) continue;
    const days = plan.routes
      .filter((r) => r.teamId === team.id && (filter.day === null || r.day === filter.day) && r.stops.length > 0)
      .sort((a, b) => a.day.localeCompare(b.day))
      .map((route) => ({
        day: route.day,
        dayIndex: dayIndex.get(route.day) ?? 0,
        route,
        stops: [...route.stops]
          .sort((a, b) => a.order - b.order)
          .map((stop) => ({ stop, commune: communes.get(stop.code), name: communes.get(stop.code)?.name ?? stop.code, problems: problems.get(stop.code) ?? [] })),
      }));
    if (days.length > 0) groups.push({ team, colour: colours.get(team.id)!, days });
  }
  return groups;
}

export interface StopPlace {
  teamId: number;
  day: string;
  order: number;
  /** Stops in that team's day. */
  count: number;
}

/** Where a commune is visited, or null when no route holds it. */
export function whereIs(plan: Pick<PlanView, 'routes'>, code: string): StopPlace | null {
  for (const route of plan.routes) {
    const stop = route.stops.find((s) => s.code === code);
    if (stop) return { teamId: route.teamId, day: route.day, order: stop.order, count: route.stops.length };
  }
  return null;
}

export interface MoveTarget {
  teamId: number;
  teamName: string;
  day: string;
  /** 0-based place the stop takes (plans.move): after the day's last stop. */
  position: number;
}

/**
 * The team-days a stop can go to, each at the end of that day's route: every day each team can
 * go, except the day the stop is on now.
 */
export function moveTargets(plan: PlanView, code: string): MoveTarget[] {
  const here = whereIs(plan, code);
  const targets: MoveTarget[] = [];
  for (const team of plan.teams) {
    for (const day of teamDays(team, plan)) {
      if (here && here.teamId === team.id && here.day === day) continue;
      const route = plan.routes.find((r) => r.teamId === team.id && r.day === day);
      targets.push({ teamId: team.id, teamName: team.name, day, position: route?.stops.length ?? 0 });
    }
  }
  return targets;
}

/** "teamId|day" — the value of a move target in a <select>. */
export const targetKey = (t: Pick<MoveTarget, 'teamId' | 'day'>): string => `${t.teamId}|${t.day}`;
