// Stores a solved or re-checked plan: one route_plan row per team and day the team can go
// (empty days too, so a published visit keeps pointing at the same row while the plan changes),
// the reasons of the communes in no route, the problems, the travel-time source. Inside the
// caller's audited transaction; refuses (409) a plan someone changed since it was read.
import { TRPCError } from '@trpc/server';
import type { Transaction } from 'kysely';
import { planDays, teamDays } from '../../core/visit-plan/plan-days.ts';
import type { PlanRoute } from '../../core/visit-plan/plan-view.ts';
import type { RecordChange } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import type { PlanInputs } from './plan-inputs.ts';
import type { PlanAnswer } from './solve-plan.ts';

export const planChanged = () =>
  new TRPCError({ code: 'CONFLICT', message: 'Kế hoạch vừa được sửa ở nơi khác: hãy tải lại / the plan changed meanwhile, reload it' });

/** Routes as the audit trail keeps them: who goes where, in order. */
export const routeSummary = (routes: readonly { teamId: number; day: string; codes?: string[]; stops?: { code: string }[] }[]) =>
  routes.map((r) => `${r.teamId}@${r.day}: ${(r.codes ?? r.stops?.map((s) => s.code) ?? []).join(' ')}`);

export async function storeAnswer(
  trx: Transaction<Database>,
  audit: RecordChange,
  inputs: PlanInputs & { planId: number },
  answer: PlanAnswer,
  actor: { userId: number; now: string },
): Promise<void> {
  const plan = await trx.selectFrom('visit_plan').select(['updated_at']).where('id', '=', inputs.planId).executeTakeFirst();
  if (!plan || (inputs.updatedAt !== null && plan.updated_at !== inputs.updatedAt)) throw planChanged();

  const days = planDays(inputs.firstDay, inputs.lastDay);
  const byTeamDay = new Map(answer.routes.map((r) => [`${r.teamId}@${r.day}`, r]));
  const wanted = new Set<string>();
  for (const team of inputs.teams) for (const day of teamDays(team.availableDays, days)) wanted.add(`${team.id}@${day}`);
  for (const key of byTeamDay.keys()) wanted.add(key);

  const existing = await trx.selectFrom('route_plan').select(['id', 'team_id', 'plan_date']).where('plan_id', '=', inputs.planId).execute();
  const rowOf = new Map(existing.map((r) => [`${r.team_id}@${r.plan_date}`, Number(r.id)]));
  for (const key of new Set([...wanted, ...rowOf.keys()])) {
    const [teamId, day] = key.split('@');
    const values = rowValues(byTeamDay.get(key), answer.matrixSource);
    const id = rowOf.get(key);
    if (id !== undefined) await trx.updateTable('route_plan').set(values).where('id', '=', id).execute();
    else await trx.insertInto('route_plan').values({ ...values, plan_id: inputs.planId, team_id: Number(teamId), plan_date: day, created_by: actor.userId, created_at: actor.now }).execute();
  }

  await trx.updateTable('visit_plan_commune').set({ unassigned_reason: null }).where('plan_id', '=', inputs.planId).execute();
  for (const [code, reason] of answer.reasons) {
    await trx.updateTable('visit_plan_commune').set({ unassigned_reason: reason }).where('plan_id', '=', inputs.planId).where('unit_code', '=', code).execute();
  }
  await trx
    .updateTable('visit_plan')
    .set({ problems: JSON.stringify(answer.problems), matrix_source: answer.matrixSource, updated_at: actor.now })
    .where('id', '=', inputs.planId)
    .execute();
  await audit({
    table: 'visit_plan',
    key: { id: inputs.planId },
    before: { routes: routeSummary(inputs.routes) },
    after: { routes: routeSummary(answer.routes), unassigned: [...answer.reasons.keys()], problems: answer.problems.length },
  });
}

function rowValues(route: PlanRoute | undefined, matrixSource: string) {
  return {
    stops: JSON.stringify(route?.stops ?? []),
    distance_km: route?.distanceKm ?? null,
    duration_min: route?.totalMinutes ?? null,
    travel_min: route?.travelMinutes ?? null,
    leave_time: route?.leave ?? null,
    finish_time: route?.finish ?? null,
    ends_at: route?.endsAt ?? null,
    matrix_source: matrixSource,
  };
}
