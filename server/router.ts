// The app's tRPC router: one sub-router per domain. The client imports only `type AppRouter`.
import { assertEveryProcedureDeclaresAccess, router } from './trpc.ts';
import { adminAuditRouter } from './routers/admin-audit.ts';
import { adminUsersRouter } from './routers/admin-users.ts';
import { authRouter } from './routers/auth.ts';
import { boundariesRouter } from './routers/boundaries.ts';
import { exportsRouter } from './routers/exports.ts';
import { importsRouter } from './routers/imports.ts';
import { indicatorsRouter } from './routers/indicators.ts';
import { plansRouter } from './routers/plans.ts';
import { presentRouter } from './routers/present.ts';
import { priorityRouter } from './routers/priority.ts';
import { teamsRouter } from './routers/teams.ts';
import { unitsRouter } from './routers/units.ts';
import { visitsRouter } from './routers/visits.ts';

export const appRouter = router({
  auth: authRouter,
  units: unitsRouter,
  indicators: indicatorsRouter,
  imports: importsRouter,
  boundaries: boundariesRouter,
  exports: exportsRouter,
  present: presentRouter,
  priority: priorityRouter,
  visits: visitsRouter,
  teams: teamsRouter,
  plans: plansRouter,
  admin: router({ users: adminUsersRouter, audit: adminAuditRouter }),
});

assertEveryProcedureDeclaresAccess(appRouter);

export type AppRouter = typeof appRouter;
