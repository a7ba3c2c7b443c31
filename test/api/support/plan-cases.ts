// Access cases of teams.* and plans.* (see procedure-cases.ts). `valid` has the admin make a
// Phú Yên team (and plan) and names it; the out-of-scope input names the last one made through
// a getter, read when the scope test calls: the Hà Tĩnh planner must be refused it.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ProcedureCase } from './procedure-cases.ts';
import type { SeededApp } from './seeded-app.ts';

const PHU_YEN = { structure: 'pre2025', provinceCode: '54' } as const;
/** Xã Hòa Đồng, Huyện Tây Hòa, Phú Yên (pre-2025 22276). */
const PHU_YEN_COMMUNE = '22276';
const ONE_DAY = { firstDay: '2025-06-02', lastDay: '2025-06-02' } as const;

let teamId = 0;
let planId = 0;

async function phuYenTeam(app: SeededApp): Promise<number> {
  return (teamId = (await app.caller.teams.create({ ...PHU_YEN, name: `Đoàn Phú Yên ${randomUUID().slice(0, 8)}` })).id);
}

const planInput = (team: number) => ({ ...PHU_YEN, ...ONE_DAY, name: 'Phú Yên — kiểm thử phạm vi', teamIds: [team], communes: { codes: [PHU_YEN_COMMUNE] }, timeLimitSeconds: 0.2 });

async function phuYenPlan(app: SeededApp): Promise<number> {
  return (planId = (await app.caller.plans.create(planInput(await phuYenTeam(app)))).plan.id);
}

const refused = (input: () => unknown) => ({
  as: 'plannerHaTinh' as const,
  expect: 'forbidden' as const,
  get input() {
    return input();
  },
});

/** A procedure taking the plan's id (and more): valid on a fresh Phú Yên plan, refused to Hà Tĩnh. */
const onPlan = (extra: (id: number) => object = () => ({})): ProcedureCase => ({
  valid: async (app) => {
    const id = await phuYenPlan(app);
    return { id, ...extra(id) };
  },
  outOfScope: refused(() => ({ id: planId, ...extra(planId) })),
});

export const PLAN_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  'teams.list': {
    valid: async (app) => {
      await phuYenTeam(app);
      return {};
    },
    outOfScope: {
      as: 'plannerHaTinh',
      input: {},
      expect: 'filtered',
      check: (answer) => {
        expect(answer.teams.some((t: { provinceCode: string }) => t.provinceCode === '54')).toBe(false);
        for (const t of answer.teams) expect(t.provinceCode).toBe('42');
      },
    },
  },
  'teams.update': {
    valid: async (app) => ({ id: await phuYenTeam(app), settings: { serviceMinutes: 45 } }),
    outOfScope: refused(() => ({ id: teamId, settings: { serviceMinutes: 45 } })),
  },
  'teams.create': {
    valid: () => ({ ...PHU_YEN, name: `Đoàn mới ${randomUUID().slice(0, 8)}` }),
    outOfScope: refused(() => ({ ...PHU_YEN, name: `Đoàn mới ${randomUUID().slice(0, 8)}` })),
  },
  'teams.setMembers': {
    valid: async (app) => ({ id: await phuYenTeam(app), members: [{ userId: null, displayName: 'Trần Thị Bình', roleInTeam: 'Thư ký' }] }),
    outOfScope: refused(() => ({ id: teamId, members: [] })),
  },

  'plans.list': {
    valid: async (app) => {
      await phuYenPlan(app);
      return {};
    },
    outOfScope: {
      as: 'plannerHaTinh',
      input: {},
      expect: 'filtered',
      check: (answer) => expect(answer.plans.filter((p: { provinceCode: string }) => p.provinceCode !== '42')).toEqual([]),
    },
  },
  'plans.create': {
    valid: async (app) => planInput(await phuYenTeam(app)),
    outOfScope: refused(() => planInput(teamId)),
  },
  'plans.get': onPlan(),
  'plans.move': onPlan(() => ({ code: PHU_YEN_COMMUNE, to: null })),
  'plans.lock': onPlan(() => ({ codes: [PHU_YEN_COMMUNE], locked: false })),
  'plans.setRequired': onPlan(() => ({ code: PHU_YEN_COMMUNE, required: false })),
  'plans.solve': onPlan(() => ({ timeLimitSeconds: 0.2 })),
  'plans.publish': onPlan(),
  'plans.remove': onPlan(),
};
