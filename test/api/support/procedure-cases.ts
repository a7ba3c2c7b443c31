// How to call each procedure of the router, keyed by path: a valid call, and how a user of the
// wrong scope is refused. test/api/access.test.ts FAILS when a router procedure has no entry
// here, so a new procedure cannot ship without saying how its scope is tested.
//
// The example is the scope refusal: a planner of Hà Tĩnh (pre-2025 42) asking for
// Hà Nam's (pre-2025 35, in 2025 Ninh Bình 37) data by code, by search, by point, through the
// crosswalk. Export and bbox procedures add their rows here when they land.
import { expect } from 'vitest';
import type { FixtureName } from './accounts.ts';
import { BOUNDARY_PROCEDURE_CASES } from './boundary-files.ts';
import { IMPORT_PROCEDURE_CASES } from './import-cases.ts';
import { PLAN_PROCEDURE_CASES } from './plan-cases.ts';
import { PRESENT_PROCEDURE_CASES } from './present-cases.ts';
import { PRIORITY_PROCEDURE_CASES } from './priority-cases.ts';
import { VISIT_PROCEDURE_CASES } from './visit-cases.ts';
import type { SeededApp } from './seeded-app.ts';

/** Hà Nam's label point (Phủ Lý), inside pre-2025 Hà Nam and 2025 Ninh Bình. */
export const IN_HA_NAM = { lon: 105.9405, lat: 20.5443 };

export type OutOfScope =
  /** The call must be refused with 403. */
  | { as: FixtureName; input: unknown; expect: 'forbidden' }
  /** The call answers, but only with what is inside the caller's scope; `check` asserts that. */
  | { as: FixtureName; input: unknown; expect: 'filtered'; check: (data: any) => void }
  /** The procedure holds no unit-keyed data (its rule must say scope 'none'); why, in words. */
  | { notApplicable: string };

export interface ProcedureCase {
  /** A valid call for the country admin (may prepare rows first). */
  valid: (app: SeededApp) => unknown | Promise<unknown>;
  outOfScope: OutOfScope;
}

const ACCOUNTS_ARE_NATIONAL = { notApplicable: 'accounts and the audit trail are not unit data; only country-wide admins reach them' };
const OWN_SESSION = { notApplicable: 'acts on the caller’s own session only' };
const PUBLIC = { notApplicable: 'public: answers the same to everyone, holds no unit data' };

/** Every unit in a search answer of the Hà Tĩnh planner lies in Hà Tĩnh (42 in both structures). */
const onlyHaTinh = (units: { provinceCode: string; fullName: string }[]) => {
  for (const unit of units) expect(unit.provinceCode, unit.fullName).toBe('42');
};

export const PROCEDURE_CASES: Record<string, ProcedureCase> = {
  'auth.signIn': { valid: () => ({ username: 'nobody', password: 'wrong-password' }), outOfScope: PUBLIC },
  'auth.me': { valid: () => undefined, outOfScope: PUBLIC },
  'auth.demoAccounts': { valid: () => undefined, outOfScope: PUBLIC },
  'auth.signOut': { valid: () => undefined, outOfScope: OWN_SESSION },

  'units.search': {
    valid: () => ({ q: 'Hà Nam' }),
    outOfScope: {
      as: 'plannerHaTinh',
      input: { q: 'Hà Nam', limit: 100 },
      expect: 'filtered',
      check: (units) => {
        expect(units.some((u: { provinceCode: string }) => u.provinceCode === '35')).toBe(false);
        onlyHaTinh(units);
      },
    },
  },
  'units.get': {
    valid: () => ({ structure: 'pre2025', code: '35' }),
    outOfScope: { as: 'plannerHaTinh', input: { structure: 'pre2025', code: '35' }, expect: 'forbidden' },
  },
  'units.children': {
    valid: () => ({ structure: 'pre2025', code: '35' }),
    outOfScope: { as: 'plannerHaTinh', input: { structure: 'pre2025', code: '35' }, expect: 'forbidden' },
  },
  'units.at': {
    valid: () => ({ structure: 'pre2025', level: 'province', ...IN_HA_NAM }),
    outOfScope: { as: 'plannerHaTinh', input: { structure: 'pre2025', level: 'province', ...IN_HA_NAM }, expect: 'forbidden' },
  },
  'units.successors': {
    valid: () => ({ code: '35' }),
    outOfScope: { as: 'plannerHaTinh', input: { code: '35' }, expect: 'forbidden' },
  },
  'units.predecessors': {
    valid: () => ({ code: '37' }),
    outOfScope: { as: 'plannerHaTinh', input: { code: '37' }, expect: 'forbidden' },
  },

  'indicators.list': {
    valid: () => ({ structure: 'pre2025' }),
    outOfScope: { notApplicable: 'the indicator catalogue and the years with data: the same for every signed-in user, no unit values' },
  },
  'indicators.values': {
    valid: () => ({ structure: 'pre2025', level: 'commune', year: 2023, indicator: 'poor_rate', parentCode: '35' }),
    outOfScope: { as: 'plannerHaTinh', input: { structure: 'pre2025', level: 'commune', year: 2023, indicator: 'poor_rate', parentCode: '35' }, expect: 'forbidden' },
  },
  'indicators.unit': {
    valid: () => ({ structure: 'pre2025', code: '35' }),
    outOfScope: { as: 'plannerHaTinh', input: { structure: 'pre2025', code: '35' }, expect: 'forbidden' },
  },

  'exports.table': {
    valid: () => ({ table: 'values', format: 'json', structure: 'pre2025', level: 'commune', year: 2023, indicator: 'poor_rate', parentCode: '35' }),
    outOfScope: { as: 'plannerHaTinh', input: { table: 'review', structure: 'pre2025', year: 2023, parentCode: '35' }, expect: 'forbidden' },
  },

  'admin.users.list': { valid: () => undefined, outOfScope: ACCOUNTS_ARE_NATIONAL },
  'admin.users.export': { valid: () => ({ format: 'csv' }), outOfScope: ACCOUNTS_ARE_NATIONAL },
  'admin.users.create': {
    valid: () => ({ username: `can-bo-${Date.now()}`, displayName: 'Cán bộ mới', role: 'planner', scope: [{ structure: 'pre2025', code: '42' }], password: 'mot-mat-khau-dai' }),
    outOfScope: ACCOUNTS_ARE_NATIONAL,
  },
  'admin.users.update': {
    valid: async (app) => ({ id: (await throwawayAccount(app)).id, displayName: 'Tên mới' }),
    outOfScope: ACCOUNTS_ARE_NATIONAL,
  },
  'admin.users.disable': {
    valid: async (app) => ({ id: (await throwawayAccount(app)).id }),
    outOfScope: ACCOUNTS_ARE_NATIONAL,
  },
  'admin.audit.list': { valid: () => ({ limit: 10 }), outOfScope: ACCOUNTS_ARE_NATIONAL },
  'admin.audit.export': { valid: () => ({ procedure: 'admin.users.' }), outOfScope: ACCOUNTS_ARE_NATIONAL },
  ...IMPORT_PROCEDURE_CASES,
  ...BOUNDARY_PROCEDURE_CASES,
  ...PRESENT_PROCEDURE_CASES,
  ...PRIORITY_PROCEDURE_CASES,
  ...VISIT_PROCEDURE_CASES,
  ...PLAN_PROCEDURE_CASES,
};

let serial = 0;
export function throwawayAccount(app: SeededApp) {
  serial += 1;
  return app.caller.admin.users.create({
    username: `tam-${process.pid}-${serial}-${Date.now() % 100000}`,
    displayName: 'Tài khoản tạm',
    role: 'viewer',
    password: 'mat-khau-tam-thoi',
  });
}
