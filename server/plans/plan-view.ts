// loadPlanView(db, planId): a visit plan as everyone reads it (core/visit-plan/plan-view.ts),
// from its tables: visit_plan, visit_plan_team (+ team), visit_plan_commune (+ unit for names,
// places and label points) and its route_plan rows (stops JSON = PlanStop[]).
//
// No scope check here: the caller checks the plan's province against its scope (plans.get does
// through planInScope; the itinerary/GPX routes do the same).
import type { Kysely, Transaction } from 'kysely';
import type { PlanCommune, PlanProblem, PlanRoute, PlanStop, PlanView } from '../../core/visit-plan/plan-view.ts';
import { minutesOfClock } from '../../core/visit-plan/plan-days.ts';
import type { Database, StructureId } from '../db/schema.ts';
import { teamsByIds } from '../teams/team-rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function loadPlanView(db: Db, planId: number): Promise<PlanView | null> {
  const plan = await db
    .selectFrom('visit_plan as p')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .leftJoin('priority_set as s', 's.id', 'p.source_set_id')
    .leftJoin('unit as pr', (j) => j.onRef('pr.structure', '=', 'p.structure').onRef('pr.code', '=', 'p.province_code'))
    .select(['p.id', 'p.name', 'p.structure', 'p.province_code', 'p.first_day', 'p.last_day', 'p.status', 'p.published_at', 'p.matrix_source', 'p.problems',
      'p.created_at', 'p.updated_at', 'p.source_set_id', 's.name as set_name', 's.method as set_method', 'u.display_name as author', 'u.username', 'pr.full_name as province_name'])
    .where('p.id', '=', planId)
    .executeTakeFirst();
  if (!plan) return null;
  const structure = plan.structure as StructureId;

  const teamIds = (await db.selectFrom('visit_plan_team').select('team_id').where('plan_id', '=', planId).execute()).map((r) => Number(r.team_id));
  const teams = await teamsByIds(db, teamIds);
  const memberRows = teamIds.length === 0 ? [] : await db
    .selectFrom('team_member').select(['team_id', 'display_name', 'role_in_team']).where('team_id', 'in', teamIds).orderBy('team_id').orderBy('id').execute();
  const membersOf = (id: number) => memberRows.filter((m) => Number(m.team_id) === id).map((m) => ({ displayName: m.display_name, roleInTeam: m.role_in_team }));
  const communes = await planCommunes(db, planId, structure);

  // a lock is the commune's (plans.lock changes it without touching the routes)
  const lockedCodes = new Set(communes.filter((c) => c.locked).map((c) => c.code));
  const routeRows = await db.selectFrom('route_plan').selectAll().where('plan_id', '=', planId).orderBy('team_id').orderBy('plan_date').execute();
  const routes: PlanRoute[] = [];
  for (const r of routeRows) {
    const stops = (JSON.parse(r.stops) as PlanStop[]).map((s) => ({ ...s, locked: lockedCodes.has(s.code) }));
    if (stops.length === 0) continue;
    routes.push({
      teamId: Number(r.team_id),
      day: r.plan_date,
      leave: r.leave_time ?? stops[0].arrival,
      finish: r.finish_time ?? stops[stops.length - 1].end,
      endsAt: r.ends_at ?? 'base',
      stops,
      distanceKm: Number(r.distance_km ?? 0),
      travelMinutes: Number(r.travel_min ?? 0),
      serviceMinutes: stops.reduce((s, x) => s + minutesOfClock(x.end) - minutesOfClock(x.start), 0),
      totalMinutes: Number(r.duration_min ?? 0),
    });
  }
  const routed = new Set(routes.flatMap((r) => r.stops.map((s) => s.code)));
  const unassigned = communes.filter((c) => !routed.has(c.code)).map((c) => ({ code: c.code, required: c.required, reason: c.reason ?? 'Chưa được xếp' }));
  const setSimulated = plan.set_method ? Boolean((JSON.parse(plan.set_method) as { simulated?: boolean }).simulated) : false;

  return {
    id: Number(plan.id),
    name: plan.name,
    structure,
    provinceCode: plan.province_code,
    provinceName: plan.province_name ?? plan.province_code,
    firstDay: plan.first_day,
    lastDay: plan.last_day,
    status: plan.status,
    publishedAt: plan.published_at,
    sourceSet: plan.source_set_id !== null && plan.set_name ? { id: Number(plan.source_set_id), name: plan.set_name } : null,
    matrixSource: plan.matrix_source === 'osrm' ? 'osrm' : 'great-circle',
    author: plan.author ?? plan.username ?? '',
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
    teams: teams.map(({ structure: _s, provinceCode: _p, simulated: _m, ...team }) => ({ ...team, members: membersOf(team.id) })),
    communes: communes.map(({ reason: _r, ...c }) => c),
    routes,
    unassigned,
    problems: JSON.parse(plan.problems) as PlanProblem[],
    totals: {
      stops: routed.size,
      distanceKm: Math.round(routes.reduce((s, r) => s + r.distanceKm, 0) * 10) / 10,
      travelMinutes: routes.reduce((s, r) => s + r.travelMinutes, 0),
      unassignedRequired: unassigned.filter((u) => u.required).length,
      unassignedOptional: unassigned.filter((u) => !u.required).length,
    },
    simulated: teams.some((t) => t.simulated) || setSimulated,
  };
}

/** The plan's communes with name, place and label point, in rank order then code. */
export async function planCommunes(db: Db, planId: number, structure: StructureId): Promise<(PlanCommune & { reason: string | null })[]> {
  const rows = await db
    .selectFrom('visit_plan_commune as c')
    .leftJoin('unit as u', (j) => j.on('u.structure', '=', structure).onRef('u.code', '=', 'c.unit_code'))
    .leftJoin('unit as d', (j) => j.on('d.structure', '=', structure).onRef('d.code', '=', 'u.parent_code').on('d.level', '=', 'district'))
    .leftJoin('unit as p', (j) => j.on('p.structure', '=', structure).onRef('p.code', '=', 'u.province_code'))
    .select(['c.unit_code', 'c.required', 'c.priority', 'c.rank', 'c.locked', 'c.visit_id', 'c.unassigned_reason',
      'u.full_name', 'u.label_lon', 'u.label_lat', 'u.centroid_lon', 'u.centroid_lat', 'd.full_name as district_name', 'p.full_name as province_name'])
    .where('c.plan_id', '=', planId)
    .execute();
  return rows
    .map((r) => ({
      structure,
      code: r.unit_code,
      name: r.full_name ?? r.unit_code,
      place: [r.district_name, r.province_name].filter(Boolean).join(', '),
      lon: Number(r.label_lon ?? r.centroid_lon ?? 0),
      lat: Number(r.label_lat ?? r.centroid_lat ?? 0),
      required: Number(r.required) === 1,
      priority: r.priority === null ? null : Number(r.priority),
      rank: r.rank === null ? null : Number(r.rank),
      locked: Number(r.locked) === 1,
      visitId: r.visit_id,
      reason: r.unassigned_reason,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1));
}
