// admin.users.*: accounts, for admins only. The rules (unique lower-case usernames, admins are
// country-wide, the last admin stays, sessions end on disable or new password) live in
// server/accounts/account-store.ts, shared with `npm run user`.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ADMIN_ONLY, NO_SCOPE } from '../access.ts';
import { displayNameSchema, passwordSchema, roleSchema, scopeSchema, usernameSchema } from '../accounts/account-input.ts';
import { AccountError, createAccount, listAccounts, updateAccount } from '../accounts/account-store.ts';
import { accountsTable } from '../exports/admin-tables.ts';
import { exportFormat, tableAnswer } from '../exports/table-answer.ts';
import { access, router } from '../trpc.ts';

const ADMINS = { roles: ADMIN_ONLY, scope: NO_SCOPE };
const accountId = z.number().int().positive().max(2 ** 31 - 1);

export const adminUsersRouter = router({
  list: access(ADMINS)
    .input(z.void())
    .query(({ ctx }) => listAccounts(ctx.db)),

  /** The accounts table as data or CSV; the files are /export/accounts.{csv,xlsx}. */
  export: access(ADMINS)
    .input(z.strictObject({ format: exportFormat }))
    .query(async ({ ctx, input }) => tableAnswer(accountsTable(await listAccounts(ctx.db)), input.format)),

  create: access(ADMINS)
    .input(
      z.strictObject({
        username: usernameSchema,
        displayName: displayNameSchema,
        role: roleSchema,
        scope: scopeSchema.default(null),
        password: passwordSchema,
      }),
    )
    .mutation(({ ctx, input }) => asClientError(createAccount(ctx.db, ctx.actor, input))),

  update: access(ADMINS)
    .input(
      z
        .strictObject({
          id: accountId,
          displayName: displayNameSchema.optional(),
          role: roleSchema.optional(),
          scope: scopeSchema.optional(),
          password: passwordSchema.optional(),
          disabled: z.boolean().optional(),
        })
        .refine((i) => Object.keys(i).length > 1, 'không có gì để đổi / nothing to change'),
    )
    .mutation(({ ctx, input }) => {
      const { id, ...patch } = input;
      return asClientError(updateAccount(ctx.db, ctx.actor, id, patch));
    }),

  disable: access(ADMINS)
    .input(z.strictObject({ id: accountId }))
    .mutation(({ ctx, input }) => asClientError(updateAccount(ctx.db, ctx.actor, input.id, { disabled: true }))),
});

const STATUS = { invalid: 'BAD_REQUEST', conflict: 'CONFLICT', 'not-found': 'NOT_FOUND' } as const;

async function asClientError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AccountError) throw new TRPCError({ code: STATUS[error.kind], message: error.message });
    throw error;
  }
}
