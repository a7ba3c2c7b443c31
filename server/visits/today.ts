// visits.today: what a supervision team member takes into the field for one day — the "pack"
// the phone stores for offline use. The day's planned visits of the caller's teams (in the
// published plan's order and arrival times where a route_plan row holds them, else by commune
// name), and per commune what to look at: the latest poverty review figures (the same answer as
// indicators.unit), the programme's projects, follow-ups still open from earlier visits, and the
// boundary to draw and to check a GPS point against (commune-boundary.ts). `days` lists the dates
// around with planned visits, so the phone can open another day.
import type { Kysely } from 'kysely';
import type { UnitPlace } from '../../core/scope.ts';
import type { Database, StructureId } from '../db/schema.ts';
import type { BoundarySource } from '../geo/boundary-source.ts';
import { unitSummary } from '../indicators/unit-summary.ts';
import { toSummary, withPaths, SUMMARY_COLUMNS } from '../units/unit-view.ts';
import { communeBoundary, type CommuneBoundary } from './commune-boundary.ts';
import { communeExtras, type FieldFollowUp, type FieldProject } from './today-extras.ts';

/** Dates around the day the answer lists with their planned visits. */
export const DAYS_BEFORE = 7;
export const DAYS_AFTER = 14;

export interface FieldTeam {
  id: number;
  name: string;
}

export interface FieldStop {
  visitId: string;
  teamId: number;
  teamName: string;
  structure: StructureId;
  code: string;
  name: string;
  /** Parents, nearest first: "Huyện Tuy An, Tỉnh Phú Yên". */
  place: string;
  /** The commune's label point. */
  lon: number | null;
  lat: number | null;
  /** 1-based position in the team's day. */
  order: number;
  /** 'HH:MM' from the published plan; null when the visit was planned without a route. */
  arrival: string | null;
  status: 'planned' | 'done' | 'cancelled';
  plannedDate: string | null;
  actualDate: string | null;
  /** The phone sends it back as baseUpdatedAt when it edits this visit. */
  updatedAt: string;
  findings: Record<string, string>;
  followUps: { action: string; owner: string; due: string; done: boolean }[];
  checkin: 'inside' | 'outside' | null;
  checkinDistanceM: number | null;
  simulated: boolean;
}

export interface FieldFigures {
  year: number;
  households: number | null;
  poor: number | null;
  nearPoor: number | null;
  poorRate: number | null;
  nearPoorRate: number | null;
  /** 'crosswalk': a 2025 commune's figures carried from its pre-2025 communes. */
  via: 'crosswalk' | null;
  simulated: boolean;
  source: string;
}

export interface FieldCommune {
  structure: StructureId;
  code: string;
  name: string;
  place: string;
  /** The latest review year with counts; null when the commune has none. */
  figures: FieldFigures | null;
  projects: FieldProject[];
  openFollowUps: FieldFollowUp[];
  boundary: CommuneBoundary;
}

export interface FieldDay {
  date: string;
  teams: FieldTeam[];
  stops: FieldStop[];
  communes: FieldCommune[];
  days: { date: string; visits: number }[];
  generatedAt: string;
}

export interface TodayRequest {
  date: string;
  teamIds: number[];
  teams: FieldTeam[];
  now: string;
  /** Keeps the units the caller may see data of (ctx.scope.keep). */
  keepInScope: <T>(items: T[], placeOf: (item: T) => UnitPlace) => Promise<T[]>;
}

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    // imported visits may hold plain text (server/visits/sync.ts does the same)
    return { general: text } as T;
  }
};

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Order and arrival of each stop of the route_plan rows, by `${planId}/${code}`. */
async function plannedStops(db: Kysely<Database>, planIds: number[]): Promise<Map<string, { order: number; arrival: string | null }>> {
  const out = new Map<string, { order: number; arrival: string | null }>();
  if (planIds.length === 0) return out;
  const rows = await db.selectFrom('route_plan').select(['id', 'stops']).where('id', 'in', planIds).execute();
  for (const row of rows) {
    // PlanStop[] (core/visit-plan/plan-view.ts); older rows wrote `arrive` and no order
    const stops = parseJson<unknown>(row.stops, []);
    if (!Array.isArray(stops)) continue;
    stops.forEach((stop: { code?: unknown; order?: unknown; arrival?: unknown; arrive?: unknown }, i) => {
      if (typeof stop?.code !== 'string') return;
      const arrival = typeof stop.arrival === 'string' ? stop.arrival : typeof stop.arrive === 'string' ? stop.arrive : null;
      out.set(`${row.id}/${stop.code}`, { order: typeof stop.order === 'number' ? stop.order : i + 1, arrival });
    });
  }
  return out;
}

const placeOf = (path: { fullName: string }[]) => path.map((p) => p.fullName).join(', ');

export async function visitsToday(db: Kysely<Database>, boundaries: BoundarySource, request: TodayRequest): Promise<FieldDay> {
  const { date, teamIds } = request;
  const teamName = new Map(request.teams.map((t) => [t.id, t.name]));
  const first = shiftDate(date, -DAYS_BEFORE);
  const last = shiftDate(date, DAYS_AFTER);
  const rows =
    teamIds.length === 0
      ? []
      : await db
          .selectFrom('visit as v')
          .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'v.structure').onRef('u.code', '=', 'v.unit_code'))
          .select(['v.id', 'v.team_id', 'v.structure', 'v.unit_code', 'v.route_plan_id', 'v.planned_date', 'v.actual_date', 'v.status', 'v.findings', 'v.follow_ups'])
          .select(['v.checkin', 'v.checkin_distance_m', 'v.updated_at', 'v.simulated', 'u.level', 'u.province_code'])
          .where('v.team_id', 'in', teamIds)
          .where('v.planned_date', '>=', first)
          .where('v.planned_date', '<=', last)
          .execute();
  const visible = await request.keepInScope(rows, (r) => ({ structure: r.structure, code: r.unit_code, level: r.level, provinceCode: r.province_code }));

  const perDay = new Map<string, number>();
  for (const r of visible) perDay.set(r.planned_date!, (perDay.get(r.planned_date!) ?? 0) + 1);
  const days = [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([d, visits]) => ({ date: d, visits }));

  const todays = visible.filter((r) => r.planned_date === date);
  const unitRows = todays.length
    ? await db
        .selectFrom('unit')
        .select(SUMMARY_COLUMNS)
        .where((eb) => eb.or(todays.map((r) => eb.and([eb('structure', '=', r.structure), eb('code', '=', r.unit_code)]))))
        .execute()
    : [];
  const units = new Map((await withPaths(db, unitRows.map(toSummary))).map((u) => [`${u.structure}/${u.code}`, u]));
  const planned = await plannedStops(db, [...new Set(todays.map((r) => r.route_plan_id).filter((id): id is number => id !== null).map(Number))]);

  const unsorted = todays.map((r) => {
    const unit = units.get(`${r.structure}/${r.unit_code}`)!;
    const stop = r.route_plan_id === null ? undefined : planned.get(`${r.route_plan_id}/${r.unit_code}`);
    return { r, unit, planOrder: stop?.order ?? null, arrival: stop?.arrival ?? null };
  });
  // a team's day: the plan's order first, then visits planned by hand, by name as written
  unsorted.sort(
    (a, b) =>
      (teamName.get(Number(a.r.team_id)) ?? '').localeCompare(teamName.get(Number(b.r.team_id)) ?? '', 'vi') ||
      Number(a.r.team_id) - Number(b.r.team_id) ||
      (a.planOrder ?? Infinity) - (b.planOrder ?? Infinity) ||
      a.unit.fullName.localeCompare(b.unit.fullName, 'vi') ||
      a.r.id.localeCompare(b.r.id),
  );
  const positions = new Map<number, number>();
  const stops: FieldStop[] = unsorted.map(({ r, unit, planOrder, arrival }) => {
    const teamId = Number(r.team_id);
    const position = (positions.get(teamId) ?? 0) + 1;
    positions.set(teamId, position);
    return {
      visitId: r.id,
      teamId,
      teamName: teamName.get(teamId) ?? '',
      structure: r.structure,
      code: r.unit_code,
      name: unit.fullName,
      place: placeOf(unit.path),
      lon: unit.labelPoint?.[0] ?? null,
      lat: unit.labelPoint?.[1] ?? null,
      order: planOrder ?? position,
      arrival,
      status: r.status,
      plannedDate: r.planned_date,
      actualDate: r.actual_date,
      updatedAt: r.updated_at,
      findings: parseJson(r.findings, {}),
      followUps: parseJson(r.follow_ups, []),
      checkin: r.checkin,
      checkinDistanceM: r.checkin_distance_m === null ? null : Number(r.checkin_distance_m),
      simulated: Number(r.simulated) === 1,
    };
  });

  const communes: FieldCommune[] = [];
  for (const unit of units.values()) {
    const [summary, boundary, extras] = await Promise.all([
      unitSummary(db, unit.structure, unit.code),
      communeBoundary(db, boundaries, unit.structure, unit.code),
      communeExtras(db, unit.structure, unit.code, date, new Set(todays.map((r) => r.id)), request.keepInScope),
    ]);
    const latest = summary?.years.filter((y) => y.counts.households !== null).at(-1) ?? null;
    communes.push({
      structure: unit.structure,
      code: unit.code,
      name: unit.fullName,
      place: placeOf(unit.path),
      figures: latest && {
        year: latest.year,
        households: latest.counts.households,
        poor: latest.counts.poor,
        nearPoor: latest.counts.near_poor,
        poorRate: latest.poorRate,
        nearPoorRate: latest.nearPoorRate,
        via: latest.via,
        simulated: latest.simulated,
        source: latest.source,
      },
      ...extras,
      boundary,
    });
  }
  return { date, teams: request.teams, stops, communes, days, generatedAt: request.now };
}
