// teams.*: supervision teams (đoàn giám sát) and their planning settings.
// - list: every role, the teams of the provinces in the caller's data scope, with members;
// - update / create / setMembers: planners and admins, teams of provinces in their scope.
import { EVERY_ROLE, FILTERED, unitInput, type Role } from '../access.ts';
import { teamCreateInput, teamMembersInput, teamsListInput, teamUpdateInput } from '../plans/plan-input.ts';
import { createTeam, listTeams, setMembers, updateTeam } from '../teams/team-store.ts';
import { access, router } from '../trpc.ts';

const PLANNERS: readonly Role[] = ['admin', 'planner'];

export const teamsRouter = router({
  list: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(teamsListInput)
    .query(({ ctx, input }) => listTeams(ctx.db, ctx.scope, input)),

  update: access({ roles: PLANNERS, scope: FILTERED })
    .input(teamUpdateInput)
    .mutation(async ({ ctx, input }) => {
      await updateTeam(ctx.db, ctx.audited, ctx.scope, input.id, input.settings);
      return { id: input.id };
    }),

  create: access({ roles: PLANNERS, scope: unitInput('data', (i) => ({ structure: i.structure, code: i.provinceCode })) })
    .input(teamCreateInput)
    .mutation(async ({ ctx, input }) => ({ id: await createTeam(ctx.db, ctx.audited, input, ctx.clock().toISOString()) })),

  setMembers: access({ roles: PLANNERS, scope: FILTERED })
    .input(teamMembersInput)
    .mutation(async ({ ctx, input }) => {
      await setMembers(ctx.db, ctx.audited, ctx.scope, input.id, input.members);
      return { id: input.id };
    }),
});
