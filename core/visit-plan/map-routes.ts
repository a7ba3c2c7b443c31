// The solver's routes (solve's Plan or checkPlan's routes) back as the plan's routes: one
// PlanRoute per team and day with stops, times 'HH:MM', legs from the matrix, day totals.
//
// Legs: a day's first stop comes from the base (return-to-base), or from where the team slept
// (overnight: the previous day's last stop; the base on its first day). A return-to-base day ends
// at the base; an overnight trip ends at the base on the day of its last stop, at its last stop
// on the other days. A team leaves just in time for its first stop (the solver's rule).
import { formatTime } from '../routing/schedule.ts';
import type { RoutePlan } from '../routing/model.ts';
import type { BuiltProblem } from './build-problem.ts';
import type { PlanRoute, PlanStop } from './plan-view.ts';

/** 'HH:MM' of a time on the solver's clock (minutes from 00:00 of the plan's first day). */
export function clockTime(t: number): string {
  return formatTime(t).slice(-5);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function mapRoutes(built: BuiltProblem, routes: readonly RoutePlan[], locked: ReadonlySet<string>): PlanRoute[] {
  const { matrix } = built.problem;
  const n = matrix.size;
  const distances = matrix.distances ?? matrix.durations;
  const leg = (from: number, to: number) => ({ minutes: matrix.durations[from * n + to], km: distances[from * n + to] / 1000 });
  const out: PlanRoute[] = [];

  for (const route of routes) {
    const vehicle = built.vehicles.get(route.vehicleId);
    const spec = built.problem.vehicles.find((v) => v.id === route.vehicleId);
    if (!vehicle || !spec || route.stops.length === 0) continue;
    const base = spec.start;
    let at = base;
    const byShift = new Map<number, typeof route.stops>();
    for (const stop of route.stops) byShift.set(stop.shift, [...(byShift.get(stop.shift) ?? []), stop]);
    const shifts = [...byShift.keys()].sort((a, b) => a - b);
    const lastShift = shifts[shifts.length - 1];

    for (const shift of shifts) {
      const scheduled = byShift.get(shift)!;
      const stops: PlanStop[] = [];
      let distanceKm = 0;
      let travelMinutes = 0;
      let serviceMinutes = 0;
      for (const s of scheduled) {
        const l = leg(at, s.location);
        stops.push({
          code: s.jobId,
          order: stops.length + 1,
          arrival: clockTime(s.arrival),
          start: clockTime(s.start),
          end: clockTime(s.end),
          travelMinutes: Math.round(l.minutes),
          distanceKm: round1(l.km),
          locked: locked.has(s.jobId),
        });
        distanceKm += l.km;
        travelMinutes += l.minutes;
        serviceMinutes += s.end - s.start;
        at = s.location;
      }
      const first = scheduled[0];
      const last = scheduled[scheduled.length - 1];
      const leaveAt = first.arrival - leg(startOf(route, scheduled, base), first.location).minutes;
      const endsAtBase = !vehicle.overnight || (shift === lastShift && spec.end !== null);
      let finishAt = last.end;
      if (endsAtBase) {
        const back = leg(last.location, base);
        distanceKm += back.km;
        travelMinutes += back.minutes;
        finishAt = last.end + back.minutes;
      }
      out.push({
        teamId: vehicle.teamId,
        day: vehicle.days[shift],
        leave: clockTime(leaveAt),
        finish: clockTime(finishAt),
        endsAt: endsAtBase ? 'base' : 'last-stop',
        stops,
        distanceKm: round1(distanceKm),
        travelMinutes: Math.round(travelMinutes),
        serviceMinutes: Math.round(serviceMinutes),
        totalMinutes: Math.round(finishAt - leaveAt),
      });
    }
  }
  return out.sort((a, b) => a.teamId - b.teamId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Where the team starts the day of these stops: the stop before them on the trip, or the base. */
function startOf(route: RoutePlan, dayStops: RoutePlan['stops'], base: number): number {
  const i = route.stops.indexOf(dayStops[0]);
  return i > 0 ? route.stops[i - 1].location : base;
}
