// Access cases of visits.* (see procedure-cases.ts). `valid` makes a team (the first call) and
// the out-of-scope input names it through a getter, read when the scope test calls.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ProcedureCase } from './procedure-cases.ts';
import type { SeededApp } from './seeded-app.ts';

let teamId = 0;
async function team(app: SeededApp): Promise<number> {
  const row = await app.database.db
    .insertInto('team')
    .values({ name: `Đoàn kiểm thử ${randomUUID().slice(0, 8)}`, structure: 'pre2025', province_code: '42', created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (teamId = Number(row.id));
}
// set by the visits.today case's valid call (the access test runs valid calls first)
let phuYenTeamId = 0;
async function phuYenTeam(app: SeededApp): Promise<number> {
  const row = await app.database.db
    .insertInto('team')
    .values({ name: `Đoàn Phú Yên kiểm thử ${randomUUID().slice(0, 8)}`, structure: 'pre2025', province_code: '54', created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (phuYenTeamId = Number(row.id));
}
const visitAt = (unitCode: string, team: number) => ({ id: randomUUID(), teamId: team, structure: 'pre2025', unitCode, actualDate: '2025-05-20', status: 'done' });

export const VISIT_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  'visits.sync': {
    // Phường Nam Hà, Hà Tĩnh (18073)
    valid: async (app: SeededApp) => ({ visits: [visitAt('18073', await team(app))] }),
    outOfScope: {
      as: 'plannerHaTinh',
      expect: 'filtered',
      // Xã Hòa Đồng, Phú Yên (22276): answered, but not written
      get input() {
        return { visits: [visitAt('22276', teamId)] };
      },
      check: (answer) => expect(answer.outcomes.map((o: { result: string }) => o.result)).toEqual(['rejected']),
    },
  },
  'visits.today': {
    valid: async (app: SeededApp) => ({ date: '2025-05-20', teamId: await phuYenTeam(app) }),
    // a Phú Yên team's day, asked for by the Hà Tĩnh planner: its province is outside her scope
    outOfScope: {
      as: 'plannerHaTinh',
      expect: 'forbidden',
      get input() {
        return { date: '2025-05-20', teamId: phuYenTeamId };
      },
    },
  },
};
