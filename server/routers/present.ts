// present.*: what the presentation view needs beyond the explore map's procedures.
// - regions: the six socio-economic regions and their pre-2025 provinces. Reference facts (which
//   region a province belongs to), no figures: the same answer for every signed-in user, as the
//   province list is (units.children without a code).
import { z } from 'zod';
import { EVERY_ROLE, NO_SCOPE } from '../access.ts';
import { regionsWithProvinces } from '../present/regions.ts';
import { access, router } from '../trpc.ts';

export const presentRouter = router({
  regions: access({ roles: EVERY_ROLE, scope: NO_SCOPE })
    .input(z.void())
    .query(({ ctx }) => regionsWithProvinces(ctx.db)),
});
