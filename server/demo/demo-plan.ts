// The demo's visit plan (mô phỏng): in demo mode the demo supervisor's team and a second team of
// its province get a published plan starting today, so someone trying the field map
// (#/hien-truong) as demo-supervisor finds their stops, and the planning screen has a plan to
// open. Made at server start (server/main.ts), after the demo accounts exist; kept while its days
// last and made again for the coming days once they are over.
//
// The communes are the province's neediest by the latest review (poor households / households,
// the simulated figures of the demo), the same first factor the "nhu cầu cao nhất" ranking puts
// first. The plan goes through the same createPlan / publishPlan as a planner's, written by the
// demo admin; its name and its visits are marked simulated.
import { sql, type Kysely } from 'kysely';
import { vietnamLocal } from '../../core/visit-plan/itinerary-format.ts';
import { addDays } from '../../core/visit-plan/plan-days.ts';
import { auditedWriter, type AuditActor } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { createPlan, removePlan } from '../plans/plan-store.ts';
import { publishPlan } from '../plans/publish-plan.ts';
import { ScopeGuard } from '../scope/request-scope.ts';
import { loadEffectiveScope } from '../scope/scope-facts.ts';

export const DEMO_PLAN_NAME = 'Kế hoạch giám sát mẫu (mô phỏng)';
const SUPERVISOR = 'demo-supervisor';
const AUTHOR = 'demo-admin';
const COMMUNES = 14;
/** Today and the next 6 days: a working week whatever the weekday today is. */
const DAYS = 7;
const TEAMS = 2;

/** The calendar date in Vietnam (UTC+7, no summer time) at `now`, `plusDays` later. */
export const vietnamDate = (now: Date, plusDays = 0): string => addDays(vietnamLocal(now).day, plusDays);

export interface DemoPlanReport {
  planId: number | null;
  /** 'kept' while its days last; 'made' anew; 'none' without the demo supervisor's team. */
  outcome: 'kept' | 'made' | 'none';
}

export async function ensureDemoPlan(db: Kysely<Database>, clock: () => Date): Promise<DemoPlanReport> {
  const today = vietnamDate(clock());
  const team = await db
    .selectFrom('team_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('team as t', 't.id', 'm.team_id')
    .select(['t.id', 't.structure', 't.province_code'])
    .where('u.username', '=', SUPERVISOR)
    .orderBy('t.id')
    .executeTakeFirst();
  const author = await db.selectFrom('app_user').select('id').where('username', '=', AUTHOR).executeTakeFirst();
  if (!team || !team.structure || !team.province_code || !author) return { planId: null, outcome: 'none' };

  const existing = await db.selectFrom('visit_plan').select(['id', 'last_day']).where('name', '=', DEMO_PLAN_NAME).execute();
  const current = existing.find((p) => p.last_day >= today);
  if (current) return { planId: Number(current.id), outcome: 'kept' };

  const actor: AuditActor = { userId: null, procedure: 'server:demo-mode', clock };
  const audited = auditedWriter(db, actor);
  for (const old of existing) await removePlan(audited, Number(old.id));

  const teams = await db
    .selectFrom('team')
    .select('id')
    .where('structure', '=', team.structure)
    .where('province_code', '=', team.province_code)
    .orderBy(sql`case when id = ${team.id} then 0 else 1 end`)
    .orderBy('id')
    .limit(TEAMS)
    .execute();
  const codes = await neediestCommunes(db, team.structure, team.province_code);
  if (codes.length === 0) return { planId: null, outcome: 'none' };

  const scope = new ScopeGuard(db, () => loadEffectiveScope(db, null));
  const now = clock().toISOString();
  const planId = await createPlan(
    db,
    audited,
    scope,
    {
      name: DEMO_PLAN_NAME, structure: team.structure, provinceCode: team.province_code, firstDay: today, lastDay: vietnamDate(clock(), DAYS - 1),
      teamIds: teams.map((t) => Number(t.id)), communes: { codes }, timeLimitSeconds: 1,
    },
    { userId: Number(author.id), now },
  );
  await publishPlan(db, audited, planId, { userId: Number(author.id), now });
  // Its visits are demo data: "Mô phỏng" wherever visits are shown or exported.
  await db.updateTable('visit').set({ simulated: 1 }).where('id', 'in', db.selectFrom('visit_plan_commune').select('visit_id').where('plan_id', '=', planId)).execute();
  return { planId, outcome: 'made' };
}

/** The province's communes with the highest poor-household rate in their latest review year. */
async function neediestCommunes(db: Kysely<Database>, structure: '2025' | 'pre2025', provinceCode: string): Promise<string[]> {
  const latest = await db
    .selectFrom('poverty_review as r')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'r.structure').onRef('u.code', '=', 'r.unit_code'))
    .select((eb) => eb.fn.max('r.year').as('year'))
    .where('r.structure', '=', structure)
    .where('u.level', '=', 'commune')
    .where('u.province_code', '=', provinceCode)
    .executeTakeFirst();
  if (!latest?.year) return [];
  const rows = await db
    .selectFrom('poverty_review as r')
    .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'r.structure').onRef('u.code', '=', 'r.unit_code'))
    .select(['u.code', 'r.poor', 'r.households'])
    .where('r.structure', '=', structure)
    .where('r.year', '=', Number(latest.year))
    .where('u.level', '=', 'commune')
    .where('u.province_code', '=', provinceCode)
    .where('r.households', '>', 0)
    .where('u.label_lon', 'is not', null)
    .execute();
  return rows
    .map((r) => ({ code: r.code, rate: Number(r.poor ?? 0) / Number(r.households) }))
    .sort((a, b) => b.rate - a.rate || (a.code < b.code ? -1 : 1))
    .slice(0, COMMUNES)
    .map((r) => r.code);
}
