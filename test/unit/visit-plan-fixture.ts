// Small visit plans on a line for the visit-plan unit tests: bases and communes at positions in
// minutes along one road (1 km a minute), so every time can be worked out by hand.
import type { TravelMatrix } from '../../core/routing/model.ts';
import type { PlanInput, PlanningCommune, PlanningTeam } from '../../core/visit-plan/build-problem.ts';

export function lineMatrix(positions: number[]): TravelMatrix {
  const n = positions.length;
  const durations = new Float64Array(n * n);
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      durations[i * n + j] = Math.abs(positions[i] - positions[j]);
      distances[i * n + j] = durations[i * n + j] * 1000;
    }
  }
  return { size: n, durations, distances };
}

export function team(id: number, extra: Partial<PlanningTeam> = {}): PlanningTeam {
  return {
    id, name: `Đoàn ${id}`, base: null, start: { lon: 105, lat: 18 }, dayStart: '07:30', dayEnd: '17:00', serviceMinutes: 60,
    availableDays: null, vehicle: 'car', overnight: false, ...extra,
  };
}

export function commune(code: string, extra: Partial<PlanningCommune> = {}): PlanningCommune {
  return { code, lon: 105, lat: 18, required: true, priority: null, locked: false, ...extra };
}

/** Friday 6 June 2025 to Monday 9 June: two working days with a weekend between. */
export const FRI_TO_MON = { firstDay: '2025-06-06', lastDay: '2025-06-09' } as const;

export function input(teams: PlanningTeam[], communes: PlanningCommune[], routes: PlanInput['routes'] = []): PlanInput {
  return { ...FRI_TO_MON, teams, communes, routes };
}
