// Who may call what, and where. Every tRPC procedure declares an AccessRule (trpc.ts builds
// procedures only through access(rule)); the checks run in trpc.ts's gate and nowhere else.
import type { AccountScope, Reach, StructureId } from '../core/scope.ts';

export const ROLES = [
  'admin', // quản trị: everything, manages accounts; always the whole country
  'planner', // cán bộ giảm nghèo (Sở/Phòng LĐ-TB&XH): reads and edits data and plans in scope
  'supervisor', // thành viên đoàn kiểm tra, giám sát: reads in scope, records its own teams' visits
  'viewer', // lãnh đạo: reads in scope, presents and exports
] as const;

export type Role = (typeof ROLES)[number];

/** Every signed-in role. */
export const EVERY_ROLE: readonly Role[] = ROLES;
export const ADMIN_ONLY: readonly Role[] = ['admin'];

export const ROLE_NAMES_VI: Record<Role, string> = {
  admin: 'Quản trị',
  planner: 'Cán bộ kế hoạch',
  supervisor: 'Giám sát',
  viewer: 'Lãnh đạo (xem)',
};

/** The signed-in user as the request context carries it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Provinces the user may act on; null = the whole country. Parsed from app_user.scope. */
  scope: AccountScope;
}

/** A unit named by a procedure's input. */
export interface UnitRef {
  structure: StructureId;
  code: string;
}

/**
 * How a procedure's answer is held inside the caller's scope:
 * - none: it touches no unit-keyed data (sign-in, accounts, the audit trail);
 * - unit-input: the input names one unit, checked before the procedure runs (403 outside);
 * - filtered: the procedure answers lists or places (search, children, a point) and must pass
 *   them through ctx.scope (server/scope/request-scope.ts); the gate fails the call if it did not.
 */
export type ScopeRule =
  | { kind: 'none' }
  | { kind: 'unit-input'; reach: Reach; unit: (input: unknown) => UnitRef }
  | { kind: 'filtered' };

export type AccessRule =
  /** Answers without a session: only the sign-in page's own procedures (test/api checks the list). */
  | { roles: 'anyone'; scope: { kind: 'none' } }
  | { roles: readonly Role[]; scope: ScopeRule };

export const NO_SCOPE = { kind: 'none' } as const satisfies ScopeRule;
export const FILTERED = { kind: 'filtered' } as const satisfies ScopeRule;

/** The input's own `{structure, code}` names the unit, unless `pick` says otherwise. */
export function unitInput(reach: Reach, pick: (input: any) => UnitRef = (input) => ({ structure: input.structure, code: input.code })): ScopeRule {
  return { kind: 'unit-input', reach, unit: pick };
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

export function decideAccess(rule: AccessRule, user: SessionUser | null): AccessDecision {
  if (rule.roles === 'anyone') return 'allow';
  if (user === null) return 'sign-in';
  return rule.roles.includes(user.role) ? 'allow' : 'forbidden';
}
