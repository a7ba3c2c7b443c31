// Solving a plan (core/routing solve) and re-checking a hand-edited one (checkPlan), on the
// travel times of server/routing/travel-matrix-source.ts: great-circle with the province's
// terrain and the slowest team's vehicle (core/visit-plan/travel-settings.ts), or OSRM when
// OSRM_URL is set (its car times divided by the same vehicle factor). Reads and writes nothing:
// the caller loads the inputs (plan-inputs.ts) and stores the answer (route-rows.ts).
import { checkPlan } from '../../core/routing/check-plan.ts';
import { solve } from '../../core/routing/solve.ts';
import type { TravelMatrix } from '../../core/routing/model.ts';
import { buildProblem, planPoints, type BuiltProblem } from '../../core/visit-plan/build-problem.ts';
import { mapRoutes } from '../../core/visit-plan/map-routes.ts';
import { LEFT_OUT_BY_HAND, NO_WORKING_DAY, planProblems, unassignedReason, type PlanNames } from '../../core/visit-plan/plan-messages.ts';
import type { PlanProblem, PlanRoute } from '../../core/visit-plan/plan-view.ts';
import { planTravelSettings, slowestVehicleFactor } from '../../core/visit-plan/travel-settings.ts';
import { travelMatrixSource } from '../routing/travel-matrix-source.ts';
import type { PlanInputs } from './plan-inputs.ts';

export interface PlanAnswer {
  routes: PlanRoute[];
  /** Why each commune in no route is there. */
  reasons: Map<string, string>;
  problems: PlanProblem[];
  matrixSource: 'great-circle' | 'osrm';
}

async function travelMatrix(inputs: PlanInputs, env: NodeJS.ProcessEnv): Promise<{ matrix: TravelMatrix; source: 'great-circle' | 'osrm' }> {
  const vehicles = inputs.teams.map((t) => t.vehicle);
  const source = travelMatrixSource(env, planTravelSettings(inputs.terrain, vehicles));
  const { estimatedPairs: _e, ...matrix } = await source.matrix(planPoints(inputs));
  if (source.name === 'osrm') {
    const factor = slowestVehicleFactor(vehicles);
    matrix.durations = matrix.durations.map((d) => d / factor);
  }
  return { matrix, source: source.name };
}

function namesOf(inputs: PlanInputs): PlanNames {
  const communes = new Map(inputs.communes.map((c) => [c.code, c.name]));
  const teams = new Map(inputs.teams.map((t) => [t.id, t]));
  return { commune: (code) => communes.get(code) ?? code, team: (id) => teams.get(id) };
}

const lockedCodes = (inputs: PlanInputs) => new Set(inputs.communes.filter((c) => c.locked).map((c) => c.code));

function allLeftOut(inputs: PlanInputs, reason: string, source: PlanAnswer['matrixSource']): PlanAnswer {
  return { routes: [], reasons: new Map(inputs.communes.map((c) => [c.code, reason])), problems: [], matrixSource: source };
}

/** Solves from the current routes, locked communes pinned to their team, day and order. */
export async function solvePlan(inputs: PlanInputs, options: { timeLimitMs: number; env?: NodeJS.ProcessEnv }): Promise<PlanAnswer> {
  const { matrix, source } = await travelMatrix(inputs, options.env ?? process.env);
  const built = buildProblem(inputs, matrix, { mode: 'solve' });
  if (built.problem.vehicles.length === 0) return allLeftOut(inputs, NO_WORKING_DAY, source);
  const plan = solve(built.problem, { timeLimitMs: options.timeLimitMs, seed: 1, initialRoutes: built.plannedRoutes });
  const names = namesOf(inputs);
  const reasons = new Map(plan.unassigned.map((u) => [u.jobId, unassignedReason(u, built, names)]));
  return { routes: mapRoutes(built, plan.routes, lockedCodes(inputs)), reasons, problems: [], matrixSource: source };
}

/**
 * Times and problems of the current routes as they stand (after a hand edit). Communes in no
 * route keep the reason they had, or are "left out by hand"; a required one left out by hand is
 * also a problem.
 */
export async function checkPlanAsItStands(inputs: PlanInputs, options: { env?: NodeJS.ProcessEnv } = {}): Promise<PlanAnswer> {
  const { matrix, source } = await travelMatrix(inputs, options.env ?? process.env);
  const built: BuiltProblem = buildProblem(inputs, matrix, { mode: 'check' });
  const reasons = new Map<string, string>();
  const routed = new Set(built.plannedRoutes.flatMap((r) => r.jobIds));
  for (const c of inputs.communes) if (!routed.has(c.code)) reasons.set(c.code, c.reason ?? LEFT_OUT_BY_HAND);
  if (built.problem.vehicles.length === 0) return allLeftOut(inputs, NO_WORKING_DAY, source);
  const check = checkPlan(built.problem, built.plannedRoutes);
  const routes = mapRoutes(built, check.routes, lockedCodes(inputs));
  const violations = check.violations.filter((v) => v.kind !== 'missing-required' || reasons.get(v.jobId ?? '') === LEFT_OUT_BY_HAND);
  return { routes, reasons, problems: planProblems(violations, routes, namesOf(inputs)), matrixSource: source };
}
