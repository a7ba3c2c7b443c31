// A visit plan read as itineraries: per team, its days in order, each day's stops joined with
// their communes, where the day starts (the base, or last night's stop for a team that stays
// overnight) and where it ends. The PDF, GPX and KML files all walk this one shape, so they
// cannot disagree on order or on where a day begins.
import type { PlanCommune, PlanRoute, PlanStop, PlanTeam, PlanView, TeamBase } from './plan-view.ts';

export interface ItineraryOptions {
  /** Only this team; every team of the plan when absent. */
  teamId?: number;
}

export interface Place {
  name: string;
  lon: number;
  lat: number;
}

export interface ItineraryStop {
  stop: PlanStop;
  commune: PlanCommune;
}

export interface ItineraryDay {
  route: PlanRoute;
  /** Where the day starts; null when the team has no base and this is its first day. */
  from: Place | null;
  stops: ItineraryStop[];
  /** The base when the day ends there, else null (the team sleeps at the last stop). */
  backTo: Place | null;
}

export interface ItineraryTeam {
  team: PlanTeam;
  /** The team's place in the plan's team list: its colour on the map and in the KML. */
  index: number;
  base: Place | null;
  days: ItineraryDay[];
}

export interface UnassignedCommune {
  commune: PlanCommune;
  required: boolean;
  reason: string;
}

/** The base's name as the team knows it: the unit's name, or the point's label. */
export function baseName(base: TeamBase): string {
  return base.kind === 'unit' ? base.name : (base.label ?? 'Nơi xuất phát');
}

/** Every team of the plan, or only `teamId` (none when the plan has no such team). */
export function itineraryTeams(plan: PlanView, teamId?: number): ItineraryTeam[] {
  const communes = new Map(plan.communes.map((c) => [c.code, c]));
  return plan.teams
    .map((team, index) => ({ team, index }))
    .filter(({ team }) => teamId === undefined || team.id === teamId)
    .map(({ team, index }) => {
      const base = team.base ? { name: baseName(team.base), lon: team.base.lon, lat: team.base.lat } : null;
      const routes = plan.routes.filter((r) => r.teamId === team.id).sort((a, b) => a.day.localeCompare(b.day));
      const days: ItineraryDay[] = [];
      let lastNight: Place | null = base;
      for (const route of routes) {
        const stops = [...route.stops].sort((a, b) => a.order - b.order).map((stop) => ({ stop, commune: communeOf(communes, stop.code) }));
        days.push({ route, from: lastNight, stops, backTo: route.endsAt === 'base' ? base : null });
        const last = stops.at(-1)?.commune;
        lastNight = route.endsAt === 'last-stop' && last ? { name: last.name, lon: last.lon, lat: last.lat } : base;
      }
      return { team, index, base, days };
    });
}

/** The communes no route visits, required ones first, in the plan's order otherwise. */
export function unassignedCommunes(plan: PlanView): UnassignedCommune[] {
  const communes = new Map(plan.communes.map((c) => [c.code, c]));
  const rows = plan.unassigned.map((u) => ({ commune: communeOf(communes, u.code), required: u.required, reason: u.reason }));
  return [...rows.filter((r) => r.required), ...rows.filter((r) => !r.required)];
}

function communeOf(communes: Map<string, PlanCommune>, code: string): PlanCommune {
  const commune = communes.get(code);
  // loadPlanView builds routes from the plan's own communes: a stray code is a bug upstream
  if (!commune) throw new Error(`visit plan: stop ${code} is not among the plan's communes`);
  return commune;
}
