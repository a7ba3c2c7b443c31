// plans.*: visit plans (kế hoạch giám sát) — teams × days × communes, solved into routes.
// - list / get: every role, plans of provinces in the caller's data scope;
// - create / move / lock / setRequired / solve / publish / remove: planners and admins in scope.
// A plan belongs to one province (structure + code); its teams and communes are that province's.
// Every write answers the plan as it now stands (PlanView, core/visit-plan/plan-view.ts).
import type { Kysely } from 'kysely';
import type { PlanView } from '../../core/visit-plan/plan-view.ts';
import { EVERY_ROLE, FILTERED, unitInput, type Role } from '../access.ts';
import type { Database } from '../db/schema.ts';
import { planInScope, planNotFound } from '../plans/plan-access.ts';
import { lockCommunes, moveCommune, resolvePlan, setRequired } from '../plans/plan-edits.ts';
import { planCreateInput, planId, planListInput, planLockInput, planMoveInput, planRequiredInput, planSolveInput } from '../plans/plan-input.ts';
import { listPlans } from '../plans/plan-list.ts';
import { createPlan, removePlan } from '../plans/plan-store.ts';
import { loadPlanView } from '../plans/plan-view.ts';
import { publishPlan } from '../plans/publish-plan.ts';
import { access, router } from '../trpc.ts';

const PLANNERS: readonly Role[] = ['admin', 'planner'];
const DEFAULT_TIME_LIMIT_S = 2;

async function view(db: Kysely<Database>, id: number): Promise<{ plan: PlanView }> {
  const plan = await loadPlanView(db, id);
  if (!plan) throw planNotFound(id);
  return { plan };
}

export const plansRouter = router({
  list: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(planListInput)
    .query(({ ctx }) => listPlans(ctx.db, ctx.scope)),

  get: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(planId)
    .query(async ({ ctx, input }) => {
      await planInScope(ctx.db, ctx.scope, input.id);
      return view(ctx.db, input.id);
    }),

  create: access({ roles: PLANNERS, scope: unitInput('data', (i) => ({ structure: i.structure, code: i.provinceCode })) })
    .input(planCreateInput)
    .mutation(async ({ ctx, input }) => {
      const id = await createPlan(ctx.db, ctx.audited, ctx.scope, input, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
      return view(ctx.db, id);
    }),

  move: access({ roles: PLANNERS, scope: FILTERED })
    .input(planMoveInput)
    .mutation(async ({ ctx, input }) => {
      await planInScope(ctx.db, ctx.scope, input.id);
      await moveCommune(ctx.db, ctx.audited, input.id, input.code, input.to, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
      return view(ctx.db, input.id);
    }),

  lock: access({ roles: PLANNERS, scope: FILTERED })
    .input(planLockInput)
    .mutation(async ({ ctx, input }) => {
      await planInScope(ctx.db, ctx.scope, input.id);
      await lockCommunes(ctx.db, ctx.audited, input.id, input.codes, input.locked, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
      return view(ctx.db, input.id);
    }),

  setRequired: access({ roles: PLANNERS, scope: FILTERED })
    .input(planRequiredInput)
    .mutation(async ({ ctx, input }) => {
      await planInScope(ctx.db, ctx.scope, input.id);
      await setRequired(ctx.db, ctx.audited, input.id, input.code, input.required, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
      return view(ctx.db, input.id);
    }),

  solve: access({ roles: PLANNERS, scope: FILTERED })
    .input(planSolveInput)
    .mutation(async ({ ctx, input }) => {
      await planInScope(ctx.db, ctx.scope, input.id);
      const seconds = input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S;
      await resolvePlan(ctx.db, ctx.audited, input.id, seconds * 1000, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
      return view(ctx.db, input.id);
    }),

  publish: access({ roles: PLANNERS, scope: FILTERED })
    .input(planId)
    .mutation(async ({ ctx, input }) => {
      await planInScope(ctx.db, ctx.scope, input.id);
      const visits = await publishPlan(ctx.db, ctx.audited, input.id, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
      return { ...(await view(ctx.db, input.id)), visits };
    }),

  remove: access({ roles: PLANNERS, scope: FILTERED })
    .input(planId)
    .mutation(async ({ ctx, input }) => {
      await planInScope(ctx.db, ctx.scope, input.id);
      const { visitsRemoved } = await removePlan(ctx.audited, input.id);
      return { removed: input.id, visitsRemoved };
    }),
});
