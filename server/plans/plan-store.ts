// Making, listing and removing plans. A plan is made already solved: the communes (from a
// priority set, or picked by hand), the teams, the period are checked, the solver runs, and
// plan, teams, communes and routes are written in one audited transaction.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { AuditedWrite } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { getSet } from '../priority/sets.ts';
import type { ScopeGuard } from '../scope/request-scope.ts';
import { teamsByIds } from '../teams/team-rows.ts';
import type { PlanCreateInput } from './plan-input.ts';
import { provinceFacts, withStart, type PlanInputs } from './plan-inputs.ts';
import { storeAnswer } from './route-rows.ts';
import { solvePlan } from './solve-plan.ts';

const bad = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

interface Picked {
  code: string;
  priority: number | null;
  rank: number | null;
}

async function pickedCommunes(db: Kysely<Database>, scope: ScopeGuard, input: PlanCreateInput): Promise<{ picked: Picked[]; fromSet: number | null }> {
  if ('codes' in input.communes) return { picked: [...new Set(input.communes.codes)].map((code) => ({ code, priority: null, rank: null })), fromSet: null };
  const set = await getSet(db, input.communes.setId);
  if (!set) throw bad(`Không có danh sách ưu tiên số ${input.communes.setId} / no such priority set`);
  if (set.structure !== input.structure) throw bad('Danh sách ưu tiên thuộc hệ đơn vị khác với kế hoạch / the set uses another structure');
  const units = await db.selectFrom('unit').select(['code', 'province_code']).where('structure', '=', set.structure).where('code', 'in', set.membersList.map((m) => m.code)).execute();
  const visible = await scope.keep(units, 'data', (u) => ({ structure: set.structure, code: u.code, level: 'commune', provinceCode: u.province_code }));
  if (visible.length !== set.membersList.length) throw new TRPCError({ code: 'FORBIDDEN', message: 'Ngoài phạm vi được giao / Outside the area assigned to your account' });
  return { picked: set.membersList.map((m) => ({ code: m.code, priority: m.score, rank: m.rank })), fromSet: set.id };
}

export async function createPlan(
  db: Kysely<Database>,
  audited: AuditedWrite,
  scope: ScopeGuard,
  input: PlanCreateInput,
  actor: { userId: number; now: string },
): Promise<number> {
  const province = await provinceFacts(db, input.structure, input.provinceCode);
  if (!province) throw bad(`Không có tỉnh ${input.provinceCode} / no such province`);

  const teams = await teamsByIds(db, [...new Set(input.teamIds)]);
  const missing = input.teamIds.filter((id) => !teams.some((t) => t.id === id));
  if (missing.length > 0) throw bad(`Không có đoàn giám sát số ${missing.join(', ')} / no such team`);
  // Same province code, other structure (Hà Tĩnh 42 exists in both): say which, not "another province".
  const otherStructure = teams.filter((t) => t.structure !== input.structure);
  if (otherStructure.length > 0) {
    const plan = input.structure === '2025' ? 'đơn vị hành chính từ 01/07/2025' : 'đơn vị hành chính trước 01/07/2025';
    throw bad(`Kế hoạch lập theo ${plan}, đoàn sau lập theo hệ đơn vị kia: ${otherStructure.map((t) => t.name).join('; ')} / team of the other structure`);
  }
  const elsewhere = teams.filter((t) => t.provinceCode !== input.provinceCode);
  if (elsewhere.length > 0) throw bad(`Đoàn không thuộc ${province.name}: ${elsewhere.map((t) => t.name).join('; ')} / team of another province`);

  const { picked, fromSet } = await pickedCommunes(db, scope, input);
  const codes = picked.map((p) => p.code);
  const units = await db
    .selectFrom('unit')
    .select(['code', 'full_name', 'province_code', 'label_lon', 'label_lat', 'centroid_lon', 'centroid_lat'])
    .where('structure', '=', input.structure)
    .where('level', '=', 'commune')
    .where('code', 'in', codes)
    .execute();
  const unitOf = new Map(units.filter((u) => u.province_code === input.provinceCode).map((u) => [u.code, u]));
  const unknown = codes.filter((c) => !unitOf.has(c));
  if (unknown.length > 0) throw bad(`Không có xã trong ${province.name}: ${unknown.slice(0, 20).join(', ')} / unknown commune in this province`);
  const inScope = await scope.keep(units, 'data', (u) => ({ structure: input.structure, code: u.code, level: 'commune', provinceCode: u.province_code }));
  if (inScope.length !== units.length) throw new TRPCError({ code: 'FORBIDDEN', message: 'Ngoài phạm vi được giao / Outside the area assigned to your account' });

  const requiredSet = requiredCodes(input, picked);
  const strayRequired = (input.requiredCodes ?? []).filter((c) => !unitOf.has(c) || !codes.includes(c));
  if (strayRequired.length > 0) throw bad(`Xã bắt buộc không có trong kế hoạch: ${strayRequired.slice(0, 20).join(', ')} / required commune not in the plan`);

  const communes = picked.map((p) => {
    const u = unitOf.get(p.code)!;
    return {
      code: p.code, name: u.full_name, lon: Number(u.label_lon ?? u.centroid_lon ?? 0), lat: Number(u.label_lat ?? u.centroid_lat ?? 0),
      required: requiredSet.has(p.code), priority: p.priority, locked: false, reason: null,
    };
  });
  const inputs: PlanInputs = {
    planId: null, structure: input.structure, provinceCode: input.provinceCode, firstDay: input.firstDay, lastDay: input.lastDay, updatedAt: null,
    teams: teams.map((t) => withStart(t, province)), communes, routes: [], terrain: province.terrain,
  };
  const answer = await solvePlan(inputs, { timeLimitMs: input.timeLimitSeconds * 1000 });

  return audited(async (trx, audit) => {
    const row = {
      name: input.name, structure: input.structure, province_code: input.provinceCode, first_day: input.firstDay, last_day: input.lastDay,
      source_set_id: fromSet, status: 'draft' as const, matrix_source: answer.matrixSource, created_by: actor.userId, created_at: actor.now, updated_at: actor.now, published_at: null,
    };
    const { id } = await trx.insertInto('visit_plan').values(row).returning('id').executeTakeFirstOrThrow();
    const planId = Number(id);
    await trx.insertInto('visit_plan_team').values(teams.map((t) => ({ plan_id: planId, team_id: t.id }))).execute();
    await trx
      .insertInto('visit_plan_commune')
      .values(picked.map((p) => ({ plan_id: planId, unit_code: p.code, required: requiredSet.has(p.code) ? 1 : 0, priority: p.priority, rank: p.rank, locked: 0, unassigned_reason: null, visit_id: null } as const)))
      .execute();
    await audit({ table: 'visit_plan', key: { id: planId }, before: null, after: { ...row, teams: teams.map((t) => t.id), communes: codes, required: [...requiredSet] } });
    await storeAnswer(trx, audit, { ...inputs, planId, updatedAt: actor.now }, answer, actor);
    return planId;
  });
}

/**
 * Which communes are must-visit: those listed, when a list is given; by hand, all of them; from
 * a priority set, the better-ranked half (rounded up), the rest optional (dropped first when the
 * days run out). The screen shows each commune's flag and lets the planner change it.
 */
export function requiredCodes(input: Pick<PlanCreateInput, 'requiredCodes' | 'communes'>, picked: readonly Picked[]): Set<string> {
  if (input.requiredCodes) return new Set(input.requiredCodes);
  if ('codes' in input.communes) return new Set(picked.map((p) => p.code));
  const byRank = [...picked].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1));
  return new Set(byRank.slice(0, Math.ceil(byRank.length / 2)).map((p) => p.code));
}

/** Removes the plan, its communes, teams and route rows. Visits already recorded (done or
 * cancelled) stay; visits it published that are still only planned go with it. */
export async function removePlan(audited: AuditedWrite, id: number): Promise<{ visitsRemoved: number }> {
  return audited(async (trx, audit) => {
    const before = await trx.selectFrom('visit_plan').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const rows = trx.selectFrom('route_plan').select('id').where('plan_id', '=', id);
    const visitIds = (await trx.selectFrom('visit_plan_commune').select('visit_id').where('plan_id', '=', id).where('visit_id', 'is not', null).execute()).map((r) => r.visit_id!);
    let visitsRemoved = 0;
    if (visitIds.length > 0) {
      visitsRemoved = Number((await trx.deleteFrom('visit').where('id', 'in', visitIds).where('status', '=', 'planned').executeTakeFirst()).numDeletedRows);
    }
    await trx.updateTable('visit').set({ route_plan_id: null }).where('route_plan_id', 'in', rows).execute();
    await trx.deleteFrom('route_plan').where('plan_id', '=', id).execute();
    await trx.deleteFrom('visit_plan_commune').where('plan_id', '=', id).execute();
    await trx.deleteFrom('visit_plan_team').where('plan_id', '=', id).execute();
    await trx.deleteFrom('visit_plan').where('id', '=', id).execute();
    await audit({ table: 'visit_plan', key: { id }, before, after: null });
    return { visitsRemoved };
  });
}
