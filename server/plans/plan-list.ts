// plans.list: the plans of the provinces in the caller's scope, with counts for the list, and
// the priority sets sent to planning (priority.sets.sendToPlanning) the caller may plan from.
import type { Kysely } from 'kysely';
import { SIMULATED_TEAM_MARK } from '../../core/simulate/programme-activity.ts';
import type { Database, StructureId } from '../db/schema.ts';
import type { ScopeGuard } from '../scope/request-scope.ts';

export async function listPlans(db: Kysely<Database>, scope: ScopeGuard) {
  const rows = await db
    .selectFrom('visit_plan as p')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .leftJoin('unit as pr', (j) => j.onRef('pr.structure', '=', 'p.structure').onRef('pr.code', '=', 'p.province_code'))
    .select((eb) => [
      'p.id', 'p.name', 'p.structure', 'p.province_code', 'p.first_day', 'p.last_day', 'p.status', 'p.created_at', 'p.updated_at',
      'u.display_name as author', 'pr.full_name as province_name',
      eb.selectFrom('visit_plan_team as t').select(eb.fn.countAll().as('n')).whereRef('t.plan_id', '=', 'p.id').as('teams'),
      eb.selectFrom('visit_plan_commune as c').select(eb.fn.countAll().as('n')).whereRef('c.plan_id', '=', 'p.id').as('communes'),
      eb.selectFrom('visit_plan_commune as c').select(eb.fn.countAll().as('n')).whereRef('c.plan_id', '=', 'p.id').where('c.unassigned_reason', 'is not', null).as('unassigned'),
      eb
        .selectFrom('visit_plan_team as t')
        .innerJoin('team as tm', 'tm.id', 't.team_id')
        .select(eb.fn.countAll().as('n'))
        .whereRef('t.plan_id', '=', 'p.id')
        .where('tm.name', 'like', `%${SIMULATED_TEAM_MARK}`)
        .as('simulated_teams'),
    ])
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  const visible = await scope.keep(rows, 'data', (r) => ({ structure: r.structure, code: r.province_code, level: 'province', provinceCode: r.province_code }));
  const plans = visible.map((r) => ({
    id: Number(r.id),
    name: r.name,
    structure: r.structure,
    provinceCode: r.province_code,
    provinceName: r.province_name ?? r.province_code,
    firstDay: r.first_day,
    lastDay: r.last_day,
    status: r.status,
    teams: Number(r.teams ?? 0),
    communes: Number(r.communes ?? 0),
    unassigned: Number(r.unassigned ?? 0),
    author: r.author ?? '',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    simulated: Number(r.simulated_teams ?? 0) > 0,
  }));
  return { plans, sentSets: await sentSets(db, scope) };
}

/** Sets sent to visit planning whose communes all lie inside the caller's scope. */
async function sentSets(db: Kysely<Database>, scope: ScopeGuard) {
  const sets = await db
    .selectFrom('priority_set as s')
    .leftJoin('app_user as a', 'a.id', 's.created_by')
    .leftJoin('app_user as b', 'b.id', 's.sent_to_planning_by')
    .select(['s.id', 's.name', 's.structure', 's.year', 's.sent_to_planning_at', 'a.display_name as author', 'b.display_name as sent_by'])
    .where('s.sent_to_planning_at', 'is not', null)
    .orderBy('s.sent_to_planning_at', 'desc')
    .execute();
  if (sets.length === 0) return [];
  const members = await db
    .selectFrom('priority_set_member as m')
    .innerJoin('priority_set as s', 's.id', 'm.set_id')
    .leftJoin('unit as u', (j) => j.onRef('u.structure', '=', 's.structure').onRef('u.code', '=', 'm.unit_code'))
    .select(['m.set_id', 's.structure', 'm.unit_code', 'u.province_code'])
    .where('m.set_id', 'in', sets.map((s) => s.id))
    .execute();
  const kept = new Set(
    (await scope.keep(members.filter((m) => m.province_code !== null), 'data', (m) => ({ structure: m.structure as StructureId, code: m.unit_code, level: 'commune', provinceCode: m.province_code! }))).map(
      (m) => `${m.set_id}/${m.unit_code}`,
    ),
  );
  const count = new Map<number, number>();
  const hidden = new Set<number>();
  for (const m of members) {
    count.set(Number(m.set_id), (count.get(Number(m.set_id)) ?? 0) + 1);
    if (!kept.has(`${m.set_id}/${m.unit_code}`)) hidden.add(Number(m.set_id));
  }
  return sets
    .filter((s) => !hidden.has(Number(s.id)) && (count.get(Number(s.id)) ?? 0) > 0)
    .map((s) => ({
      id: Number(s.id),
      name: s.name,
      structure: s.structure,
      year: s.year === null ? null : Number(s.year),
      communes: count.get(Number(s.id)) ?? 0,
      sentAt: s.sent_to_planning_at!,
      sentBy: s.sent_by ?? null,
      author: s.author ?? null,
    }));
}
