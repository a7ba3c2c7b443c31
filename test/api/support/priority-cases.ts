// Access cases of priority.* (see procedure-cases.ts).
import { expect } from 'vitest';
import type { ProcedureCase } from './procedure-cases.ts';
import type { SeededApp } from './seeded-app.ts';

/** Xã Hòa Đồng, Huyện Tây Hòa, Phú Yên (pre-2025 22276): outside the Hà Tĩnh planner's scope. */
const PHU_YEN_COMMUNE = '22276';
/** Phường Nam Hà, Thành phố Hà Tĩnh (pre-2025 18073). */
const HA_TINH_COMMUNE = '18073';

const ranking = { structure: 'pre2025', year: 2024, weights: { poor_rate: 1 } } as const;
const PHU_YEN_SET = { ...ranking, name: 'Phú Yên — kiểm thử phạm vi', codes: [PHU_YEN_COMMUNE] };

/**
 * Procedures naming a set by id: `valid` (run first for each path, by the 401 test) has the
 * admin save a Phú Yên set, and the out-of-scope input names the last one saved (a getter,
 * read when the scope test calls) — the Hà Tĩnh planner must be refused it.
 */
let phuYenSetId = 0;
const savePhuYenSet = async (app: SeededApp) => (phuYenSetId = (await app.caller.priority.sets.save(PHU_YEN_SET)).id);
const PHU_YEN_SET_REFUSED = {
  as: 'plannerHaTinh' as const,
  expect: 'forbidden' as const,
  get input() {
    return { id: phuYenSetId };
  },
};

export const PRIORITY_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  'priority.rank': {
    valid: () => ({ ...ranking, filters: { provinces: ['42'] } }),
    outOfScope: {
      as: 'plannerHaTinh',
      input: { ...ranking, filters: { provinces: ['54'] } },
      expect: 'filtered',
      check: (answer) => expect(answer.rows).toEqual([]),
    },
  },
  'priority.sets.list': {
    // a Phú Yên set made by the admin must not be listed to the Hà Tĩnh planner
    valid: async (app: SeededApp) => {
      await app.caller.priority.sets.save(PHU_YEN_SET);
      return undefined;
    },
    outOfScope: {
      as: 'plannerHaTinh',
      input: undefined,
      expect: 'filtered',
      check: (sets) => expect(sets.map((s: { name: string }) => s.name)).not.toContain(PHU_YEN_SET.name),
    },
  },
  'priority.sets.get': { valid: async (app: SeededApp) => ({ id: await savePhuYenSet(app) }), outOfScope: PHU_YEN_SET_REFUSED },
  'priority.sets.compare': {
    valid: async (app: SeededApp) => ({ a: await savePhuYenSet(app), b: await savePhuYenSet(app) }),
    outOfScope: {
      as: 'plannerHaTinh',
      expect: 'forbidden',
      get input() {
        return { a: phuYenSetId, b: phuYenSetId };
      },
    },
  },
  'priority.sets.save': {
    valid: () => ({ ...ranking, name: 'Hà Tĩnh', codes: [HA_TINH_COMMUNE] }),
    outOfScope: { as: 'plannerHaTinh', input: PHU_YEN_SET, expect: 'forbidden' },
  },
  'priority.sets.sendToPlanning': { valid: async (app: SeededApp) => ({ id: await savePhuYenSet(app) }), outOfScope: PHU_YEN_SET_REFUSED },
  'priority.sets.remove': { valid: async (app: SeededApp) => ({ id: await savePhuYenSet(app) }), outOfScope: PHU_YEN_SET_REFUSED },
};
