// boundaries.*: polygons uploaded for units the geodata build has none for (pre-2025 communes),
// from GeoJSON, a zipped Shapefile or FlatGeobuf. preview reads and checks and writes nothing
// (but its audit row); commit re-checks the same file (same fingerprint) and writes it in one
// transaction as an import_batch of kind 'boundary', so imports.list shows it and imports.undo
// takes it back. Planners upload only inside their scope, like imports.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { EVERY_ROLE, FILTERED, type Role } from '../access.ts';
import { checkCommittable, commitBoundaries } from '../boundaries/commit.ts';
import { previewBoundaries, type BoundaryInput } from '../boundaries/preview.ts';
import { boundariesInDistrict, toFeatureCollection } from '../boundaries/store.ts';
import { OutsideScopeRows } from '../imports/apply.ts';
import { ImportRefused } from '../imports/preview.ts';
import { BoundariesUnavailable } from '../geo/boundary-source.ts';
import { OUTSIDE_SCOPE } from '../scope/request-scope.ts';
import { access, router } from '../trpc.ts';

const UPLOADERS: readonly Role[] = ['admin', 'planner'];

const fileInput = {
  fileName: z.string().trim().min(1).max(255),
  // 10 MB of file as base64; server/http/app.ts lets these two procedures send that much
  contentBase64: z.string().min(1).max(14_000_000).regex(/^[A-Za-z0-9+/=\r\n]*$/, 'không phải base64 / not base64'),
};

export const boundariesRouter = router({
  preview: access({ roles: UPLOADERS, scope: FILTERED })
    .input(z.strictObject(fileInput))
    .mutation(async ({ ctx, input }) => {
      const { report } = await asClientError(previewBoundaries(ctx.db, ctx.boundaries, input as BoundaryInput, await ctx.scope.effective()));
      // nothing is written, but who looked at which file is part of the trail
      await ctx.audited((_trx, audit) =>
        audit({ table: 'import_batch', key: { fingerprint: report.fingerprint }, before: null, after: { event: 'preview', kind: 'boundary', file_name: report.fileName, features: report.features, accepted: report.accepted, errors: report.errors.length } }),
      );
      return report;
    }),

  commit: access({ roles: UPLOADERS, scope: FILTERED })
    .input(z.strictObject({ ...fileInput, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }))
    .mutation(async ({ ctx, input }) => {
      const { fingerprint, ...file } = input;
      return asClientError(
        (async () => {
          const previewed = await previewBoundaries(ctx.db, ctx.boundaries, file, await ctx.scope.effective());
          checkCommittable(previewed, fingerprint);
          return commitBoundaries(ctx.audited, file, previewed, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
        })(),
      );
    }),

  /** The uploaded polygons of a pre-2025 district's communes, for the district map (navigate reach, like units.children). */
  inDistrict: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(z.strictObject({ structure: z.literal('pre2025'), code: z.string().regex(/^\d{3}$/, 'mã huyện gồm 3 chữ số / a district code is 3 digits') }))
    .query(async ({ ctx, input }) => {
      await ctx.scope.requireRef({ structure: input.structure, code: input.code }, 'navigate');
      const { communes } = await boundariesInDistrict(ctx.db, input.structure, input.code);
      return toFeatureCollection(await ctx.scope.keep(communes, 'navigate'));
    }),
});

async function asClientError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof OutsideScopeRows) throw new TRPCError({ code: 'FORBIDDEN', message: `${OUTSIDE_SCOPE}: ${error.message}` });
    if (error instanceof ImportRefused) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    if (error instanceof BoundariesUnavailable) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: `Chưa có ranh giới huyện (chạy npm run geodata) / district boundaries not built` });
    throw error;
  }
}
