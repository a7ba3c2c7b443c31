// The app's tRPC router: one sub-router per domain. The client imports only `type AppRouter`.
import { assertEveryProcedureDeclaresAccess, router } from './trpc.ts';
import { unitsRouter } from './routers/units.ts';

export const appRouter = router({
  units: unitsRouter,
});

assertEveryProcedureDeclaresAccess(appRouter);

export type AppRouter = typeof appRouter;
