// What the admin views exchange with the server, typed from the router (type-only import, like
// lib/trpc.ts), plus the one way they turn a failure into text for the user.
import type { trpc } from '../../lib/trpc.ts';

export type Account = Awaited<ReturnType<typeof trpc.admin.users.list.query>>[number];
export type Role = Account['role'];
export type ProvinceRef = NonNullable<Account['scope']>[number];
export type StructureId = ProvinceRef['structure'];
export type NewAccountInput = Parameters<typeof trpc.admin.users.create.mutate>[0];
export type AuditListInput = NonNullable<Parameters<typeof trpc.admin.audit.list.query>[0]>;
export type AuditEntry = Awaited<ReturnType<typeof trpc.admin.audit.list.query>>['items'][number];

/** The order roles are offered in the create form: the least powerful first, so a slip does not make an admin. */
export const ROLE_ORDER: readonly Role[] = ['viewer', 'supervisor', 'planner', 'admin'];

/** Same rule as the server (server/auth/password.ts); checked here only to answer before a round trip. */
export const PASSWORD_MIN_LENGTH = 10;

/**
 * The server's messages are already bilingual ("tiếng Việt / English", see server/README.md
 * "Refusals"), so they are shown as they come rather than mapped to our own keys.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
