// visits.*: supervision visits recorded in the field.
// - sync: visits sent from phones (offline queues included), idempotent by the phone's id,
//   conflicts answered rather than overwritten (server/visits/sync.ts). Supervisors record their
//   own teams' visits; planners and admins any team's, within their scope. A GPS point sent
//   with a visit is judged against the commune's boundary (server/visits/checkin.ts).
// - today: the day's pack for the field map (server/visits/today.ts): the caller's teams' visits
//   planned that day with what to check in each commune and its boundary. Supervisors see only
//   their own teams; planners and admins may name any team in their scope (teamId).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { EVERY_ROLE, FILTERED, type Role } from '../access.ts';
import { access, router } from '../trpc.ts';
import { checkinJudge } from '../visits/checkin.ts';
import { syncVisits } from '../visits/sync.ts';
import { visitsToday } from '../visits/today.ts';
import { syncInput } from '../visits/visit-input.ts';

const RECORDERS: readonly Role[] = EVERY_ROLE.filter((r) => r !== 'viewer');

const todayInput = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD'),
  /** Planners and admins: one team in their scope; without it, the caller's own teams. */
  teamId: z.number().int().positive().optional(),
});

export const visitsRouter = router({
  sync: access({ roles: RECORDERS, scope: FILTERED })
    .input(syncInput)
    .mutation(async ({ ctx, input }) => {
      const outcomes = await syncVisits(ctx.db, ctx.audited, input.visits, {
        userId: ctx.user!.id,
        memberOnly: ctx.user!.role === 'supervisor',
        now: ctx.clock().toISOString(),
        keepInScope: (items, placeOf) => ctx.scope.keep(items, 'data', placeOf),
        judgeCheckin: checkinJudge(ctx.db, ctx.boundaries),
      });
      return { outcomes };
    }),

  today: access({ roles: RECORDERS, scope: FILTERED })
    .input(todayInput)
    .query(async ({ ctx, input }) => {
      const user = ctx.user!;
      const own = await ctx.db
        .selectFrom('team as t')
        .innerJoin('team_member as m', 'm.team_id', 't.id')
        .select(['t.id', 't.name', 't.structure', 't.province_code'])
        .where('m.user_id', '=', user.id)
        .distinct()
        .orderBy('t.name')
        .execute();
      let teams = own;
      if (input.teamId !== undefined) {
        const team = await ctx.db.selectFrom('team').select(['id', 'name', 'structure', 'province_code']).where('id', '=', input.teamId).executeTakeFirst();
        if (!team) throw new TRPCError({ code: 'NOT_FOUND', message: `Không có đoàn giám sát số ${input.teamId} / no such team` });
        const member = own.some((t) => Number(t.id) === input.teamId);
        if (user.role === 'supervisor' && !member) {
          throw new TRPCError({ code: 'FORBIDDEN', message: 'Bạn không thuộc đoàn giám sát này / you are not a member of this team' });
        }
        // a provincial team is seen by whoever may open its province; its visits are filtered below
        if (!member && team.structure !== null && team.province_code !== null) {
          await ctx.scope.require({ structure: team.structure, code: team.province_code, level: 'province', provinceCode: team.province_code }, 'navigate');
        }
        teams = [team];
      }
      return visitsToday(ctx.db, ctx.boundaries, {
        date: input.date,
        teamIds: teams.map((t) => Number(t.id)),
        teams: teams.map((t) => ({ id: Number(t.id), name: t.name })),
        now: ctx.clock().toISOString(),
        keepInScope: (items, placeOf) => ctx.scope.keep(items, 'data', placeOf),
      });
    }),
});
