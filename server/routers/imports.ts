// imports.*: spreadsheets of review results, targets, projects and visits into the database.
// preview reads and checks everything and writes nothing (but its audit row: who looked at
// which file); commit re-validates the same file and options (same fingerprint) and writes it in
// one transaction; undo takes a batch back. Planners import only units inside their scope: other
// rows are row errors in the preview, and commit refuses the file (403) while any remain.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { FILTERED, NO_SCOPE, type Role } from '../access.ts';
import { IMPORT_KINDS } from '../../core/imports/types.ts';
import { applyImport, checkApplicable, OutsideScopeRows } from '../imports/apply.ts';
import { listImports } from '../imports/list.ts';
import { importsTable } from '../exports/admin-tables.ts';
import { exportFormat, tableAnswer } from '../exports/table-answer.ts';
import { ImportRefused, previewImport, type ImportInput } from '../imports/preview.ts';
import { BatchMissing, LaterImport, NotYours, undoImport } from '../imports/undo.ts';
import { OUTSIDE_SCOPE } from '../scope/request-scope.ts';
import { access, router } from '../trpc.ts';

const IMPORTERS: readonly Role[] = ['admin', 'planner'];

const importInput = {
  kind: z.enum(['review', 'target', 'project', 'visit'] satisfies typeof IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(255),
  // 10 MB of file is 13,981,016 base64 characters; the HTTP layer lets these procedures send that
  contentBase64: z.string().min(1).max(14_000_000).regex(/^[A-Za-z0-9+/=\r\n]*$/, 'không phải base64 / not base64'),
  structure: z.enum(['2025', 'pre2025']).optional(),
  year: z.number().int().min(2015).max(2035).optional(),
  mapping: z.record(z.string().max(40), z.number().int().min(0).max(1000).nullable()).optional(),
  choices: z.record(z.string().regex(/^\d{1,7}$/), z.string().trim().min(1).max(12)).optional(),
};
const batchId = z.number().int().positive().max(2 ** 31 - 1);

export const importsRouter = router({
  preview: access({ roles: IMPORTERS, scope: FILTERED })
    .input(z.strictObject(importInput))
    .mutation(async ({ ctx, input }) => {
      const { report } = await asClientError(previewImport(ctx.db, input as ImportInput, await ctx.scope.effective()));
      // nothing is written, but who looked at which file is part of the trail
      await ctx.audited((_trx, audit) =>
        audit({ table: 'import_batch', key: { fingerprint: report.fingerprint }, before: null, after: { event: 'preview', kind: report.kind, file_name: report.fileName, rows: report.rowCount, accepted: report.accepted, errors: report.errors.length } }),
      );
      return report;
    }),

  // Named `commit`, not `apply`: tRPC reserves `apply` (and `call`, `then`) as procedure names.
  commit: access({ roles: IMPORTERS, scope: FILTERED })
    .input(z.strictObject({ ...importInput, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }))
    .mutation(async ({ ctx, input }) => {
      const { fingerprint, ...file } = input;
      return asClientError(
        (async () => {
          const previewed = await previewImport(ctx.db, file as ImportInput, await ctx.scope.effective());
          checkApplicable(previewed, fingerprint);
          return applyImport(ctx.audited, file as ImportInput, previewed, { userId: ctx.user!.id, now: ctx.clock().toISOString() });
        })(),
      );
    }),

  // Batches are the caller's own (admins: everyone's); each was checked row by row against its
  // author's scope when applied, so the list itself holds no unit data.
  list: access({ roles: IMPORTERS, scope: NO_SCOPE })
    .input(z.strictObject({ limit: z.number().int().min(1).max(200).optional(), offset: z.number().int().min(0).max(1_000_000).optional() }).optional())
    .query(({ ctx, input }) => listImports(ctx.db, { userId: ctx.user!.role === 'admin' ? null : ctx.user!.id, limit: input?.limit ?? 50, offset: input?.offset ?? 0 })),

  /** The history as data or CSV (every batch the caller may see); files at /export/imports.{csv,xlsx}. */
  export: access({ roles: IMPORTERS, scope: NO_SCOPE })
    .input(z.strictObject({ format: exportFormat }))
    .query(async ({ ctx, input }) => {
      const { items } = await listImports(ctx.db, { userId: ctx.user!.role === 'admin' ? null : ctx.user!.id, limit: 100_000, offset: 0 });
      return tableAnswer(importsTable(items), input.format);
    }),

  undo: access({ roles: IMPORTERS, scope: NO_SCOPE })
    .input(z.strictObject({ batchId }))
    .mutation(({ ctx, input }) => asClientError(undoImport(ctx.audited, input.batchId, { id: ctx.user!.id, admin: ctx.user!.role === 'admin' }))),
});

async function asClientError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof OutsideScopeRows) throw new TRPCError({ code: 'FORBIDDEN', message: `${OUTSIDE_SCOPE}: ${error.message}` });
    if (error instanceof NotYours) throw new TRPCError({ code: 'FORBIDDEN', message: error.message });
    if (error instanceof BatchMissing) throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
    if (error instanceof LaterImport) throw new TRPCError({ code: 'CONFLICT', message: error.message });
    if (error instanceof ImportRefused) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}
