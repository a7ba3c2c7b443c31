// Re-checking a plan a person changed ("move this commune to team B on Thursday"): every
// constraint is tested and every breach listed, so the screen can mark them all at once
// instead of refusing the edit. Times are computed as the solver would (as early as possible),
// and a late stop keeps its late time so the stops after it show the knock-on delay.
import { compileProblem } from './compile.ts';
import type { PlanCheck, PlannedRoute, RoutePlan, RoutingProblem, Violation } from './model.ts';
import { reportRoute } from './route-report.ts';

export function checkPlan(problem: RoutingProblem, routes: readonly PlannedRoute[]): PlanCheck {
  const cp = compileProblem(problem);
  const violations: Violation[] = [];
  const reported: RoutePlan[] = [];
  const visits = new Int32Array(cp.nJobs);
  const vehicleSeen = new Set<string>();
  let cost = 0;

  for (const planned of routes) {
    const v = cp.vehicleIndex.get(planned.vehicleId);
    if (v === undefined) {
      violations.push({ kind: 'unknown-vehicle', vehicleId: planned.vehicleId, message: `no vehicle ${planned.vehicleId} in the problem` });
      continue;
    }
    if (vehicleSeen.has(planned.vehicleId)) {
      violations.push({ kind: 'duplicate-visit', vehicleId: planned.vehicleId, message: `${planned.vehicleId} has two routes; one is checked` });
      continue;
    }
    vehicleSeen.add(planned.vehicleId);
    const seq: number[] = [];
    for (const id of planned.jobIds) {
      const j = cp.jobIndex.get(id);
      if (j === undefined) {
        violations.push({ kind: 'unknown-job', vehicleId: planned.vehicleId, jobId: id, message: `${planned.vehicleId}: no job ${id} in the problem` });
        continue;
      }
      visits[j]++;
      if (visits[j] === 2) violations.push({ kind: 'duplicate-visit', jobId: id, message: `${id} is visited more than once` });
      seq.push(j);
    }
    // Locks: the right vehicle, and ordered locks in their order.
    let lastOrder = -Infinity;
    for (const j of seq) {
      if (cp.lockVehicle[j] >= 0 && cp.lockVehicle[j] !== v) {
        violations.push({
          kind: 'lock', vehicleId: planned.vehicleId, jobId: cp.jobIds[j],
          message: `${cp.jobIds[j]} is locked to ${cp.vehicleIds[cp.lockVehicle[j]]}, not ${planned.vehicleId}`,
        });
      } else if (!Number.isNaN(cp.lockOrder[j])) {
        if (cp.lockOrder[j] < lastOrder) {
          violations.push({ kind: 'lock', vehicleId: planned.vehicleId, jobId: cp.jobIds[j], message: `${cp.jobIds[j]} is out of its locked order` });
        }
        lastOrder = Math.max(lastOrder, cp.lockOrder[j]);
      }
    }
    if (seq.length === 0) continue;
    const { route, violations: found } = reportRoute(cp, v, seq, seq.length);
    violations.push(...found);
    reported.push(route);
    cost += route.cost;
  }

  for (let j = 0; j < cp.nJobs; j++) {
    if (visits[j] === 0 && cp.required[j]) {
      violations.push({ kind: 'missing-required', jobId: cp.jobIds[j], message: `${cp.jobIds[j]} must be visited but is in no route` });
    }
    if (visits[j] === 0 && cp.lockVehicle[j] >= 0) {
      violations.push({ kind: 'lock', jobId: cp.jobIds[j], message: `${cp.jobIds[j]} is locked to ${cp.vehicleIds[cp.lockVehicle[j]]} but is in no route` });
    }
  }
  return { ok: violations.length === 0, violations, routes: reported, cost };
}
