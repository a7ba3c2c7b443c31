// Reading a plan by id inside the caller's scope: a plan belongs to one province, and is seen
// by whoever may see that province's data (its planners, supervisors, viewers, admins).
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ScopeGuard } from '../scope/request-scope.ts';

export const planNotFound = (id: number) => new TRPCError({ code: 'NOT_FOUND', message: `Không tìm thấy kế hoạch số ${id} / no such plan` });

export async function planInScope(db: Kysely<Database>, scope: ScopeGuard, id: number) {
  const plan = await db.selectFrom('visit_plan').selectAll().where('id', '=', id).executeTakeFirst();
  // consulted before answering either way, so an unknown id says 404 to everyone alike
  const effective = await scope.effective();
  if (!plan) throw planNotFound(id);
  if (!effective.country) await scope.require({ structure: plan.structure, code: plan.province_code, level: 'province', provinceCode: plan.province_code }, 'data');
  return plan;
}
