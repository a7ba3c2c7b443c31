// The plan as GeoJSON for the route map: one line per team-day from where the day starts through
// its stops (and back to base unless the team stays overnight), the stops as numbered points,
// team bases, and communes left out. Straight segments: the plan has travel times, not road
// geometry. Pure; map/route-layers.ts draws it.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { PlanView } from '../../../core/visit-plan/plan-view.ts';
import { dayDash, teamColours, UNASSIGNED_COLOUR } from './plan-colours.ts';
import { communesByCode, planDays, type PlanFilter } from './plan-list.ts';

type Position = [number, number];

export interface RouteLineProps {
  teamId: number;
  day: string;
  colour: string;
  /** Index into DAY_DASHES. */
  dash: number;
}

export interface StopProps {
  code: string;
  name: string;
  teamId: number;
  day: string;
  order: number;
  colour: string;
  locked: boolean;
  arrival: string;
}

export interface BaseProps {
  teamId: number;
  name: string;
  colour: string;
}

export interface UnassignedProps {
  code: string;
  name: string;
  required: boolean;
  colour: string;
}

export interface RouteFeatures {
  lines: FeatureCollection<LineString, RouteLineProps>;
  stops: FeatureCollection<Point, StopProps>;
  bases: FeatureCollection<Point, BaseProps>;
  unassigned: FeatureCollection<Point, UnassignedProps>;
}

const collection = <G extends Point | LineString, P>(features: Feature<G, P>[]): FeatureCollection<G, P> => ({ type: 'FeatureCollection', features });
const point = <P>(coordinates: Position, properties: P): Feature<Point, P> => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });

export function routeFeatures(plan: PlanView, filter: PlanFilter = { teamId: null, day: null }): RouteFeatures {
  const colours = teamColours(plan.teams);
  const communes = communesByCode(plan);
  const dayIndex = new Map(planDays(plan).map((d, i) => [d, i]));
  const shown = (teamId: number, day: string | null) => (filter.teamId === null || filter.teamId === teamId) && (filter.day === null || day === null || filter.day === day);
  const lines: Feature<LineString, RouteLineProps>[] = [];
  const stops: Feature<Point, StopProps>[] = [];
  const bases: Feature<Point, BaseProps>[] = [];

  for (const team of plan.teams) {
    const colour = colours.get(team.id)!;
    const base: Position | null = team.base ? [team.base.lon, team.base.lat] : null;
    if (base && shown(team.id, null)) bases.push(point(base, { teamId: team.id, name: team.name, colour }));
    // where the team wakes up: its base, or last night's stop when it stays overnight
    let at = base;
    const routes = plan.routes.filter((r) => r.teamId === team.id).sort((a, b) => a.day.localeCompare(b.day));
    for (const route of routes) {
      const ordered = [...route.stops].sort((a, b) => a.order - b.order);
      const path: Position[] = at ? [at] : [];
      for (const stop of ordered) {
        const commune = communes.get(stop.code);
        if (!commune) continue;
        path.push([commune.lon, commune.lat]);
        if (shown(team.id, route.day)) {
          stops.push(point([commune.lon, commune.lat], { code: stop.code, name: commune.name, teamId: team.id, day: route.day, order: stop.order, colour, locked: stop.locked, arrival: stop.arrival }));
        }
      }
      if (route.endsAt === 'base' && base) path.push(base);
      if (path.length >= 2 && shown(team.id, route.day)) {
        lines.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: { teamId: team.id, day: route.day, colour, dash: dayDash(dayIndex.get(route.day) ?? 0) } });
      }
      const lastStop = ordered.map((s) => communes.get(s.code)).filter((c) => c !== undefined).at(-1);
      at = route.endsAt === 'base' ? base : lastStop ? [lastStop.lon, lastStop.lat] : at;
    }
  }

  const unassigned = plan.unassigned.flatMap((u) => {
    const commune = communes.get(u.code);
    return commune ? [point<UnassignedProps>([commune.lon, commune.lat], { code: u.code, name: commune.name, required: u.required, colour: UNASSIGNED_COLOUR })] : [];
  });
  return { lines: collection(lines), stops: collection(stops), bases: collection(bases), unassigned: collection(unassigned) };
}

/** West, south, east, north around every point of the features, or null when there are none. */
export function featuresBounds(features: RouteFeatures): [number, number, number, number] | null {
  const points: Position[] = [
    ...features.lines.features.flatMap((f) => f.geometry.coordinates as Position[]),
    ...[features.stops, features.bases, features.unassigned].flatMap((c) => c.features.map((f) => f.geometry.coordinates as Position)),
  ];
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The teams tab's map: each listed team's base in its colour (teams without one left out). */
export function baseFeatures(teams: readonly Pick<PlanView['teams'][number], 'id' | 'name' | 'base'>[]): RouteFeatures {
  const colours = teamColours(teams);
  const bases = teams.flatMap((team) => (team.base ? [point<BaseProps>([team.base.lon, team.base.lat], { teamId: team.id, name: team.name, colour: colours.get(team.id)! })] : []));
  return { lines: collection([]), stops: collection([]), bases: collection(bases), unassigned: collection([]) };
}
