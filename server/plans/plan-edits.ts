// A planner's edits of a plan: move one commune by hand (re-timed and re-checked, not re-solved),
// lock communes where they are, mark them must-visit or optional, and solve again around the
// locked ones. Each reads the plan, computes outside any transaction (a solve takes seconds),
// then writes in one audited transaction that refuses a plan changed meanwhile (409).
import { TRPCError } from '@trpc/server';
import type { Kysely, Transaction } from 'kysely';
import { moveStop, type MoveTarget } from '../../core/visit-plan/move-stop.ts';
import { LEFT_OUT_BY_HAND } from '../../core/visit-plan/plan-messages.ts';
import { planDays, shortDate, teamDays } from '../../core/visit-plan/plan-days.ts';
import type { AuditedWrite, RecordChange } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { loadPlanInputs, type PlanInputs } from './plan-inputs.ts';
import { planNotFound } from './plan-access.ts';
import { planChanged, storeAnswer } from './route-rows.ts';
import { checkPlanAsItStands, solvePlan } from './solve-plan.ts';

const bad = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
interface Actor {
  userId: number;
  now: string;
}

async function inputsOf(db: Kysely<Database>, planId: number): Promise<PlanInputs & { planId: number }> {
  const inputs = await loadPlanInputs(db, planId);
  if (!inputs) throw planNotFound(planId);
  return { ...inputs, planId };
}

function requireCommunes(inputs: PlanInputs, codes: readonly string[]): void {
  const known = new Set(inputs.communes.map((c) => c.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw bad(`Xã không có trong kế hoạch: ${unknown.slice(0, 20).join(', ')} / not a commune of this plan`);
}

export async function moveCommune(db: Kysely<Database>, audited: AuditedWrite, planId: number, code: string, to: MoveTarget | null, actor: Actor): Promise<void> {
  const inputs = await inputsOf(db, planId);
  requireCommunes(inputs, [code]);
  if (to) {
    const team = inputs.teams.find((t) => t.id === to.teamId);
    if (!team) throw bad(`Đoàn số ${to.teamId} không có trong kế hoạch / not a team of this plan`);
    if (!teamDays(team.availableDays, planDays(inputs.firstDay, inputs.lastDay)).includes(to.day)) {
      throw bad(`${team.name} không đi ngày ${shortDate(to.day)} (ngoài thời gian kế hoạch hoặc không phải ngày làm việc của đoàn) / the team does not work that day`);
    }
  }
  const communes = inputs.communes.map((c) => (c.code === code ? { ...c, reason: to ? null : LEFT_OUT_BY_HAND } : c));
  const answer = await checkPlanAsItStands({ ...inputs, communes, routes: moveStop(inputs.routes, code, to) });
  await audited((trx, audit) => storeAnswer(trx, audit, inputs, answer, actor));
}

export async function resolvePlan(db: Kysely<Database>, audited: AuditedWrite, planId: number, timeLimitMs: number, actor: Actor): Promise<void> {
  const inputs = await inputsOf(db, planId);
  const answer = await solvePlan(inputs, { timeLimitMs });
  await audited((trx, audit) => storeAnswer(trx, audit, inputs, answer, actor));
}

/** Locks pin communes where the current routes have them; one in no route cannot be locked. */
export async function lockCommunes(db: Kysely<Database>, audited: AuditedWrite, planId: number, codes: readonly string[], locked: boolean, actor: Actor): Promise<void> {
  const inputs = await inputsOf(db, planId);
  requireCommunes(inputs, codes);
  if (locked) {
    const routed = new Set(inputs.routes.flatMap((r) => r.codes));
    const loose = codes.filter((c) => !routed.has(c));
    if (loose.length > 0) throw bad(`Xã chưa có trong lộ trình nào nên không khóa được: ${loose.slice(0, 20).join(', ')} / only routed communes can be locked`);
  }
  await setCommuneFlag(audited, inputs, { column: 'locked', codes, value: locked }, actor);
}

export async function setRequired(db: Kysely<Database>, audited: AuditedWrite, planId: number, code: string, required: boolean, actor: Actor): Promise<void> {
  const inputs = await inputsOf(db, planId);
  requireCommunes(inputs, [code]);
  // A must-visit commune left out is a problem, an optional one is not: the routes are checked
  // with the new flag, and the flag and the check are written together.
  const answer = await checkPlanAsItStands({ ...inputs, communes: inputs.communes.map((c) => (c.code === code ? { ...c, required } : c)) });
  await audited(async (trx, audit) => {
    await storeAnswer(trx, audit, inputs, answer, actor);
    await writeCommuneFlag(trx, audit, inputs, { column: 'required', codes: [code], value: required });
  });
}

interface FlagChange {
  column: 'locked' | 'required';
  codes: readonly string[];
  value: boolean;
}

async function setCommuneFlag(audited: AuditedWrite, inputs: PlanInputs & { planId: number }, change: FlagChange, actor: Actor): Promise<void> {
  await audited(async (trx, audit) => {
    const plan = await trx.selectFrom('visit_plan').select('updated_at').where('id', '=', inputs.planId).executeTakeFirst();
    if (!plan || plan.updated_at !== inputs.updatedAt) throw planChanged();
    await writeCommuneFlag(trx, audit, inputs, change);
    await trx.updateTable('visit_plan').set({ updated_at: actor.now }).where('id', '=', inputs.planId).execute();
  });
}

async function writeCommuneFlag(trx: Transaction<Database>, audit: RecordChange, inputs: PlanInputs & { planId: number }, change: FlagChange): Promise<void> {
  await trx.updateTable('visit_plan_commune').set({ [change.column]: change.value ? 1 : 0 }).where('plan_id', '=', inputs.planId).where('unit_code', 'in', [...change.codes]).execute();
  const before = inputs.communes.filter((c) => change.codes.includes(c.code)).map((c) => ({ code: c.code, [change.column]: c[change.column] }));
  await audit({ table: 'visit_plan_commune', key: { plan_id: inputs.planId, codes: change.codes }, before: { communes: before }, after: { [change.column]: change.value } });
}
