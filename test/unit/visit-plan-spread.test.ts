// Later team-days cost more (Vehicle.fixedCost): a plan fills the first days of every team before
// a later day of any, so the round ends sooner and no team sits idle, and optional visits are
// still made when only a later day has room for them.
import { describe, expect, it } from 'vitest';
import { solve } from '../../core/routing/solve.ts';
import { buildProblem, LATER_DAY_MINUTES } from '../../core/visit-plan/build-problem.ts';
import { commune, input, lineMatrix, team } from './visit-plan-fixture.ts';

// Team 1's base at 0, team 2's at 5; twelve communes at 10, 12, … 32: a day (07:30-17:00, an
// hour in each commune) holds at most nine, so the plan needs two team-days.
const codes = Array.from({ length: 12 }, (_, i) => `C${i}`);
const matrix = lineMatrix([0, 5, ...codes.map((_, i) => 10 + 2 * i)]);

function usedVehicles(optional = false): string[] {
  const plan = input([team(1), team(2)], codes.map((code) => commune(code, { required: !optional })));
  const built = buildProblem(plan, matrix, { mode: 'solve' });
  const solved = solve(built.problem, { iterations: 3000, seed: 1 });
  expect(solved.unassigned).toEqual([]);
  return solved.routes.filter((r) => r.stops.length > 0).map((r) => r.vehicleId).sort();
}

describe('spreading a plan over teams and days', () => {
  it('charges each later day of a team, and nothing on the first day or for an overnight trip', () => {
    const built = buildProblem(input([team(1), team(2, { overnight: true })], [commune('A')]), lineMatrix([0, 5, 10]), { mode: 'solve' });
    expect(built.problem.vehicles.map((v) => [v.id, v.fixedCost])).toEqual([
      ['1@2025-06-06', 0],
      ['1@2025-06-09', 3 * LATER_DAY_MINUTES], // Monday is 3 days after Friday
      ['2', 0],
    ]);
  });

  it('sends both teams out on the first day rather than team 1 on two days, though team 2 drives further', () => {
    expect(usedVehicles()).toEqual(['1@2025-06-06', '2@2025-06-06']);
  });

  it('still makes every optional visit when the days have room', () => {
    expect(usedVehicles(true)).toHaveLength(2);
  });
});
