// One vehicle's sequence as the people planning it see it: times per stop, totals, and the
// constraints it breaks. Shared by solve (whose routes break nothing) and checkPlan (whose
// hand-edited routes may).
import type { CompiledProblem } from './compile.ts';
import type { RoutePlan, Violation } from './model.ts';
import { ScheduleTrace, walkSchedule } from './schedule.ts';

export function reportRoute(cp: CompiledProblem, v: number, seq: ArrayLike<number>, len: number): { route: RoutePlan; violations: Violation[] } {
  const trace = new ScheduleTrace();
  walkSchedule(cp, v, seq, len, trace);
  const vehicleId = cp.vehicleIds[v];
  const { nLoc, dist, dur, cost, jobLoc } = cp;
  let distance = 0;
  let travelTime = 0;
  let routeCost = 0;
  let load = 0;
  let prev = cp.vStart[v];
  const stops: RoutePlan['stops'] = [];
  for (let k = 0; k < len; k++) {
    const j = seq[k];
    const loc = jobLoc[j];
    distance += dist[prev * nLoc + loc];
    travelTime += dur[prev * nLoc + loc];
    routeCost += cost[prev * nLoc + loc];
    load += cp.demand[j];
    stops.push({
      jobId: cp.jobIds[j],
      location: loc,
      shift: trace.shift[k],
      arrival: trace.arrival[k],
      start: trace.start[k],
      end: trace.start[k] + cp.service[j],
    });
    prev = loc;
  }
  if (len > 0) {
    const end = cp.vEnd[v];
    distance += dist[prev * nLoc + end];
    travelTime += dur[prev * nLoc + end];
    routeCost += cost[prev * nLoc + end];
  }
  const violations: Violation[] = trace.violations.map((x) => ({
    kind: x.kind,
    vehicleId,
    ...(x.job >= 0 ? { jobId: cp.jobIds[x.job] } : {}),
    message: `${vehicleId}${x.job >= 0 ? `, ${cp.jobIds[x.job]}` : ''}: ${x.message}`,
  }));
  if (load > cp.capacity[v]) {
    violations.push({ kind: 'capacity', vehicleId, message: `${vehicleId}: load ${load} over its capacity ${cp.capacity[v]}` });
  }
  return {
    route: {
      vehicleId,
      stops,
      departure: trace.departure,
      arrival: trace.finish,
      distance,
      travelTime,
      duration: trace.finish - trace.departure,
      load,
      cost: routeCost,
    },
    violations,
  };
}
