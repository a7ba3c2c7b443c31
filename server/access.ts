// Who may call what. Every tRPC procedure declares an AccessRule (see trpc.ts); the check runs in
// one middleware there. Roles follow DESIGN.md's users.
export const ROLES = [
  'admin', // quản trị: accounts, imports
  'planner', // cán bộ giảm nghèo (Sở/Phòng LĐ-TB&XH): priorities, targets, data
  'supervisor', // đoàn kiểm tra, giám sát: routes, visits
  'leader', // lãnh đạo: presentation maps, read-only
] as const;

export type Role = (typeof ROLES)[number];

/** The signed-in user as the request context carries it (filled by the accounts feature). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Units the user may act on; null = everywhere. Parsed from app_user.scope. */
  scope: { structure: string; code: string }[] | null;
}

export interface AccessRule {
  /** Roles allowed to call. */
  roles: readonly Role[];
  /** Whether a request without a signed-in user may call. */
  guests: boolean;
}

/**
 * Public reference data (unit names, boundaries, crosswalk) from open sources: every role, and
 * guests too while accounts do not exist yet; the accounts feature may tighten this in one place.
 */
export const PUBLIC_REFERENCE: AccessRule = { roles: ROLES, guests: true };

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

export function decideAccess(rule: AccessRule, user: SessionUser | null): AccessDecision {
  if (user === null) return rule.guests ? 'allow' : 'sign-in';
  return rule.roles.includes(user.role) ? 'allow' : 'forbidden';
}
