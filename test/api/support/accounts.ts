// Accounts the API tests sign in with: one per role, and scoped ones for the scope tests. Their
// passwords are hashed at a low scrypt cost so each test file does not spend seconds hashing.
import type { Kysely } from 'kysely';
import type { Role, SessionUser } from '../../../server/access.ts';
import { serializeScope } from '../../../server/accounts/account-row.ts';
import { hashPassword, type ScryptCost } from '../../../server/auth/password.ts';
import type { Database } from '../../../server/db/schema.ts';
import type { AccountScope } from '../../../core/scope.ts';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
export const FAST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export const FIXTURE_ACCOUNTS = {
  /** Country-wide admin. */
  admin: { role: 'admin', scope: null },
  /** Cán bộ Hà Tĩnh: the "planner of Hà Tĩnh" (pre-2025 42). */
  plannerHaTinh: { role: 'planner', scope: [{ structure: 'pre2025', code: '42' }] },
  /** Đoàn giám sát Phú Yên (pre-2025 54, merged into 2025 Đắk Lắk 66). */
  supervisorPhuYen: { role: 'supervisor', scope: [{ structure: 'pre2025', code: '54' }] },
  /** 2025 Đắk Lắk 66: covers pre-2025 Phú Yên and Đắk Lắk. */
  plannerDakLak2025: { role: 'planner', scope: [{ structure: '2025', code: '66' }] },
  /** A country-wide leader. */
  viewer: { role: 'viewer', scope: null },
} as const satisfies Record<string, { role: Role; scope: AccountScope }>;

export type FixtureName = keyof typeof FIXTURE_ACCOUNTS;

export const usernameOf = (name: FixtureName) => name.replace(/[A-Z0-9]+/g, (m) => `-${m.toLowerCase()}`);

export async function createFixtureAccounts(db: Kysely<Database>): Promise<Record<FixtureName, SessionUser>> {
  const hash = await hashPassword(TEST_PASSWORD, FAST_COST);
  const out = {} as Record<FixtureName, SessionUser>;
  for (const [name, { role, scope }] of Object.entries(FIXTURE_ACCOUNTS) as [FixtureName, (typeof FIXTURE_ACCOUNTS)[FixtureName]][]) {
    const username = usernameOf(name);
    const row = await db
      .insertInto('app_user')
      .values({
        username,
        password_hash: hash,
        role,
        scope: serializeScope(scope),
        display_name: name,
        disabled: 0,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    out[name] = { id: row.id, username, displayName: name, role, scope };
  }
  return out;
}
