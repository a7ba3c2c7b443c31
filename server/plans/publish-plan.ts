// plans.publish: sends the plan to the teams as visits (status 'planned'), one per routed
// commune, which the field map shows on the day (visit.planned_date, team_id, route_plan_id; the
// stop's order and arrival are in route_plan.stops). The visit's id is made here and kept on the
// plan's commune, so publishing again updates the same visit — while it is still only planned:
// a visit the team already recorded (done, cancelled) is never touched. A planned visit whose
// commune is no longer routed is deleted. The plan stays editable and can be published again.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlanStop } from '../../core/visit-plan/plan-view.ts';
import type { AuditedWrite } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { planChanged } from './route-rows.ts';

export interface PublishCounts {
  created: number;
  updated: number;
  removed: number;
}

export async function publishPlan(db: Kysely<Database>, audited: AuditedWrite, planId: number, actor: { userId: number; now: string }): Promise<PublishCounts> {
  const read = await db.selectFrom('visit_plan').select(['updated_at']).where('id', '=', planId).executeTakeFirstOrThrow();
  return audited(async (trx, audit) => {
    const plan = await trx.selectFrom('visit_plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
    if (plan.updated_at !== read.updated_at) throw planChanged();
    const rows = await trx.selectFrom('route_plan').select(['id', 'team_id', 'plan_date', 'stops']).where('plan_id', '=', planId).execute();
    const routedAt = new Map<string, { routePlanId: number; teamId: number; day: string }>();
    for (const r of rows) for (const s of JSON.parse(r.stops) as PlanStop[]) routedAt.set(s.code, { routePlanId: Number(r.id), teamId: Number(r.team_id), day: r.plan_date });

    const communes = await trx.selectFrom('visit_plan_commune').select(['unit_code', 'visit_id']).where('plan_id', '=', planId).execute();
    const visitIds = communes.map((c) => c.visit_id).filter((v): v is string => v !== null);
    const visits = new Map(
      (visitIds.length > 0 ? await trx.selectFrom('visit').select(['id', 'status', 'team_id', 'planned_date', 'route_plan_id']).where('id', 'in', visitIds).execute() : []).map((v) => [v.id, v]),
    );
    const counts: PublishCounts = { created: 0, updated: 0, removed: 0 };
    const changes: string[] = [];
    for (const c of communes) {
      const at = routedAt.get(c.unit_code);
      const visit = c.visit_id ? visits.get(c.visit_id) : undefined;
      if (!at) {
        if (visit && visit.status === 'planned') {
          await trx.deleteFrom('visit').where('id', '=', visit.id).execute();
          await trx.updateTable('visit_plan_commune').set({ visit_id: null }).where('plan_id', '=', planId).where('unit_code', '=', c.unit_code).execute();
          counts.removed++;
          changes.push(`-${c.unit_code}`);
        }
        continue;
      }
      if (visit) {
        if (visit.status !== 'planned') continue;
        const same = Number(visit.team_id) === at.teamId && visit.planned_date === at.day && Number(visit.route_plan_id) === at.routePlanId;
        if (same) continue;
        await trx.updateTable('visit').set({ team_id: at.teamId, planned_date: at.day, route_plan_id: at.routePlanId, updated_at: actor.now }).where('id', '=', visit.id).execute();
        counts.updated++;
        changes.push(`~${c.unit_code}`);
        continue;
      }
      const id = randomUUID();
      await trx
        .insertInto('visit')
        .values({
          id, team_id: at.teamId, structure: plan.structure, unit_code: c.unit_code, route_plan_id: at.routePlanId, planned_date: at.day, actual_date: null,
          status: 'planned', findings: null, follow_ups: null, lon: null, lat: null, created_by: actor.userId, created_at: actor.now, updated_at: actor.now,
        })
        .execute();
      await trx.updateTable('visit_plan_commune').set({ visit_id: id }).where('plan_id', '=', planId).where('unit_code', '=', c.unit_code).execute();
      counts.created++;
      changes.push(`+${c.unit_code}`);
    }
    await trx.updateTable('visit_plan').set({ status: 'published', published_at: actor.now, updated_at: actor.now }).where('id', '=', planId).execute();
    await audit({ table: 'visit_plan', key: { id: planId }, before: { status: plan.status, published_at: plan.published_at }, after: { status: 'published', published_at: actor.now, visits: changes } });
    return counts;
  });
}
