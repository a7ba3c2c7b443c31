// What solving or re-checking a plan needs, read from the database: its teams with their start
// point, its communes with their label points, where they are routed now, the province's terrain.
// A team without a base starts (and ends) at its province's seat (province-seat.ts): the
// provincial town, where the Sở is, is the usual start of a provincial team.
import type { Kysely, Transaction } from 'kysely';
import type { CurrentRoute, PlanningCommune, PlanningTeam } from '../../core/visit-plan/build-problem.ts';
import type { PlanStop } from '../../core/visit-plan/plan-view.ts';
import { terrainOfRegions, type Terrain } from '../../core/visit-plan/travel-settings.ts';
import type { Database, StructureId } from '../db/schema.ts';
import type { TeamRecord } from '../teams/team-rows.ts';
import { teamsByIds } from '../teams/team-rows.ts';
import { planCommunes } from './plan-view.ts';
import { provinceSeat } from './province-seat.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanInputs {
  planId: number | null;
  structure: StructureId;
  provinceCode: string;
  firstDay: string;
  lastDay: string;
  /** visit_plan.updated_at when read: a write refuses a plan changed since (409). */
  updatedAt: string | null;
  teams: (PlanningTeam & { simulated: boolean })[];
  communes: (PlanningCommune & { name: string; reason: string | null })[];
  routes: CurrentRoute[];
  terrain: Terrain;
}

export interface ProvinceFacts {
  name: string;
  point: { lon: number; lat: number };
  terrain: Terrain;
}

export async function provinceFacts(db: Db, structure: StructureId, code: string): Promise<ProvinceFacts | null> {
  const p = await db.selectFrom('unit').select(['full_name', 'label_lon', 'label_lat', 'centroid_lon', 'centroid_lat', 'region']).where('structure', '=', structure).where('code', '=', code).where('level', '=', 'province').executeTakeFirst();
  if (!p) return null;
  let regions: (string | null)[] = [p.region];
  if (structure === '2025') {
    const old = await db
      .selectFrom('unit_link as l')
      .innerJoin('unit as o', (j) => j.on('o.structure', '=', 'pre2025').onRef('o.code', '=', 'l.from_code'))
      .select('o.region')
      .where('l.level', '=', 'province').where('l.from_structure', '=', 'pre2025').where('l.to_structure', '=', '2025').where('l.to_code', '=', code)
      .execute();
    regions = old.map((o) => o.region);
  }
  const seat = await provinceSeat(db, structure, code);
  const point = seat ? { lon: seat.lon, lat: seat.lat } : { lon: Number(p.label_lon ?? p.centroid_lon ?? 0), lat: Number(p.label_lat ?? p.centroid_lat ?? 0) };
  return { name: p.full_name, point, terrain: terrainOfRegions(regions) };
}

/** A team's start: its base, else the province's seat. */
export function withStart(team: TeamRecord, province: ProvinceFacts): PlanningTeam & { simulated: boolean } {
  const { structure: _s, provinceCode: _p, ...rest } = team;
  return { ...rest, start: team.base ? { lon: team.base.lon, lat: team.base.lat } : province.point };
}

export async function loadPlanInputs(db: Db, planId: number): Promise<PlanInputs | null> {
  const plan = await db.selectFrom('visit_plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return null;
  const province = await provinceFacts(db, plan.structure, plan.province_code);
  const teamIds = (await db.selectFrom('visit_plan_team').select('team_id').where('plan_id', '=', planId).execute()).map((r) => Number(r.team_id));
  const teams = (await teamsByIds(db, teamIds)).map((t) => withStart(t, province ?? { name: '', point: { lon: 0, lat: 0 }, terrain: 'lowland' }));
  const communes = (await planCommunes(db, planId, plan.structure)).map((c) => ({
    code: c.code, name: c.name, lon: c.lon, lat: c.lat, required: c.required, priority: c.priority, locked: c.locked, reason: c.reason,
  }));
  return {
    planId,
    structure: plan.structure,
    provinceCode: plan.province_code,
    firstDay: plan.first_day,
    lastDay: plan.last_day,
    updatedAt: plan.updated_at,
    teams,
    communes,
    routes: await currentRoutes(db, planId),
    terrain: province?.terrain ?? 'lowland',
  };
}

export async function currentRoutes(db: Db, planId: number): Promise<CurrentRoute[]> {
  const rows = await db.selectFrom('route_plan').select(['team_id', 'plan_date', 'stops']).where('plan_id', '=', planId).orderBy('team_id').orderBy('plan_date').execute();
  return rows
    .map((r) => ({ teamId: Number(r.team_id), day: r.plan_date, codes: (JSON.parse(r.stops) as PlanStop[]).sort((a, b) => a.order - b.order).map((s) => s.code) }))
    .filter((r) => r.codes.length > 0);
}
