// admin.audit.list: the audit trail, newest first, filtered by actor, procedure (or its
// beginning: "admin.users."), table and time; paged with a cursor.
import { z } from 'zod';
import { ADMIN_ONLY, NO_SCOPE } from '../access.ts';
import { listAudit } from '../audit/audit-query.ts';
import { auditTable } from '../exports/admin-tables.ts';
import { exportFormat, tableAnswer } from '../exports/table-answer.ts';
import { access, router } from '../trpc.ts';

/** A date (the whole day, UTC) or an ISO timestamp; compared as UTC ISO text like the column. */
const moment = (edge: 'start' | 'end') =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((value) => {
    if (value.length === 10) return `${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
    return new Date(value).toISOString();
  });

const filters = {
  user: z.string().trim().toLowerCase().min(1).max(40).optional(),
  procedure: z.string().min(1).max(100).optional(),
  table: z.string().regex(/^[a-z_]{1,40}$/, 'tên bảng / a table name').optional(),
  from: moment('start').optional(),
  to: moment('end').optional(),
};

export const adminAuditRouter = router({
  /** The same rows for the same filters as a table (json) or CSV text; files at /export/audit.{csv,xlsx}. */
  export: access({ roles: ADMIN_ONLY, scope: NO_SCOPE })
    .input(z.strictObject({ ...filters, format: exportFormat }))
    .query(async ({ ctx, input }) => {
      const { format, ...filter } = input;
      return tableAnswer(await auditTable(ctx.db, filter), format);
    }),

  list: access({ roles: ADMIN_ONLY, scope: NO_SCOPE })
    .input(
      z
        .strictObject({
          ...filters,
          limit: z.number().int().min(1).max(200).default(50),
          // ids are 32-bit integers on PostgreSQL
          cursor: z.number().int().positive().max(2 ** 31 - 1).optional(),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
