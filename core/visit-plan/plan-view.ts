// What a visit plan (kế hoạch giám sát) looks like to everyone who reads one: the planning
// screen, the itinerary PDF, the GPX/KML files and the field map all take this shape, which the
// server builds from its tables (server/plans/plan-view.ts: loadPlanView) and `plans.get`
// answers. Pure data, no behaviour.
//
// Times of day are 'HH:MM' strings in local time (Vietnam has one time zone and no summer time);
// days are ISO dates 'YYYY-MM-DD'. Distances in kilometres, durations in minutes.
import type { StructureId } from '../scope.ts';

/** How a team travels: sets the speed factor of the great-circle estimate (README). */
export type Vehicle = 'car' | 'motorbike';

/** Where a team's days start and (unless it stays overnight) end. */
export type TeamBase =
  /** An administrative unit (trụ sở Sở, UBND huyện…): its label point. */
  | { kind: 'unit'; structure: StructureId; code: string; name: string; lon: number; lat: number }
  /** A point picked on the map or typed in. */
  | { kind: 'point'; label: string | null; lon: number; lat: number };

/** A team's planning settings (kept on the team, migration 0011). */
export interface TeamSettings {
  base: TeamBase | null;
  /** Working hours of each day, 'HH:MM'. */
  dayStart: string;
  dayEnd: string;
  /** Minutes spent in each commune. */
  serviceMinutes: number;
  /** The dates the team can go; null = every Monday-Friday. */
  availableDays: string[] | null;
  vehicle: Vehicle;
  /** false: back to base every evening; true: stays overnight where the day's last visit is. */
  overnight: boolean;
}

export interface PlanTeam extends TeamSettings {
  id: number;
  name: string;
  /** Who goes (printed on the itinerary); absent where a reader has no need of them. */
  members?: { displayName: string; roleInTeam: string | null }[];
}

export interface PlanCommune {
  structure: StructureId;
  code: string;
  name: string;
  /** "Huyện Tây Hòa, Tỉnh Phú Yên" (pre-2025) or "Tỉnh Đắk Lắk" (2025). */
  place: string;
  lon: number;
  lat: number;
  /** Must-visit (bắt buộc); optional ones are dropped first when time runs out. */
  required: boolean;
  /** The priority score (0-100) from the set it came from; null when added by hand. */
  priority: number | null;
  rank: number | null;
  /** Pinned to its current team and day (and order) when the plan is solved again. */
  locked: boolean;
  /** The visit made for it when the plan was sent to the teams (published); else null. */
  visitId: string | null;
}

export interface PlanStop {
  code: string;
  /** 1-based position in the day. */
  order: number;
  /** 'HH:MM': arrival, start of the visit (after waiting, if any), leaving. */
  arrival: string;
  start: string;
  end: string;
  /** From the previous stop (or the base / last night's stop). */
  travelMinutes: number;
  distanceKm: number;
  locked: boolean;
}

export interface PlanRoute {
  teamId: number;
  day: string;
  /** Leaves its start ('HH:MM') and finishes the day (back at base, or at the last stop). */
  leave: string;
  finish: string;
  endsAt: 'base' | 'last-stop';
  stops: PlanStop[];
  distanceKm: number;
  travelMinutes: number;
  serviceMinutes: number;
  /** leave → finish, waiting included. */
  totalMinutes: number;
}

export interface PlanProblem {
  /** The commune, team and day the problem is about, where it is about one. */
  code: string | null;
  teamId: number | null;
  day: string | null;
  /** In Vietnamese, for the screen ("Xã Hòa Đồng: đến lúc 17:40, sau giờ làm việc 17:00"). */
  message: string;
}

export interface PlanView {
  id: number;
  name: string;
  structure: StructureId;
  provinceCode: string;
  provinceName: string;
  firstDay: string;
  lastDay: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
  sourceSet: { id: number; name: string } | null;
  /** Which travel times the plan was solved on. */
  matrixSource: 'great-circle' | 'osrm';
  author: string;
  createdAt: string;
  updatedAt: string;
  teams: PlanTeam[];
  communes: PlanCommune[];
  /** One per team and day with at least one stop, ordered by team then day. */
  routes: PlanRoute[];
  /** Communes in no route, with the reason in Vietnamese. */
  unassigned: { code: string; required: boolean; reason: string }[];
  /** What the current routes break (after a stop was moved by hand); empty when all holds. */
  problems: PlanProblem[];
  totals: { stops: number; distanceKm: number; travelMinutes: number; unassignedRequired: number; unassignedOptional: number };
  /** Demo teams or demo data involved: shown as "mô phỏng". */
  simulated: boolean;
}
