// visits.*: supervision visits recorded in the field.
// - sync: visits sent from phones (offline queues included), idempotent by the phone's id,
//   conflicts answered rather than overwritten (server/visits/sync.ts). Supervisors record their
//   own teams' visits; planners and admins any team's, within their scope.
import { EVERY_ROLE, FILTERED, type Role } from '../access.ts';
import { access, router } from '../trpc.ts';
import { syncVisits } from '../visits/sync.ts';
import { syncInput } from '../visits/visit-input.ts';

const RECORDERS: readonly Role[] = EVERY_ROLE.filter((r) => r !== 'viewer');

export const visitsRouter = router({
  sync: access({ roles: RECORDERS, scope: FILTERED })
    .input(syncInput)
    .mutation(async ({ ctx, input }) => {
      const outcomes = await syncVisits(ctx.db, ctx.audited, input.visits, {
        userId: ctx.user!.id,
        memberOnly: ctx.user!.role === 'supervisor',
        now: ctx.clock().toISOString(),
        keepInScope: (items, placeOf) => ctx.scope.keep(items, 'data', placeOf),
      });
      return { outcomes };
    }),
});
