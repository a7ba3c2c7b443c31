// What the planner reads, in Vietnamese: why a commune is in no route (the solver's
// UnassignedJob) and what a hand-edited plan breaks (checkPlan's violations), with the
// commune's and team's names, days as dd/mm and times as HH:MM.
import type { UnassignedJob, Violation } from '../routing/model.ts';
import type { BuiltProblem } from './build-problem.ts';
import { shortDate } from './plan-days.ts';
import type { PlanProblem, PlanRoute, PlanTeam } from './plan-view.ts';

export interface PlanNames {
  commune: (code: string) => string;
  team: (id: number) => PlanTeam | undefined;
}

/** Why the solver left a commune out. */
export function unassignedReason(job: UnassignedJob, built: BuiltProblem, names: PlanNames): string {
  switch (job.reason) {
    case 'time-window':
      return `Quá xa: không đoàn nào đi đến, làm việc ${built.serviceMinutes} phút rồi ${anyOvernight(built) ? 'kết thúc' : 'về trụ sở'} trong giờ làm việc`;
    case 'lock': {
      const lock = built.problem.jobs.find((j) => j.id === job.jobId)?.lock;
      const vehicle = lock ? built.vehicles.get(lock.vehicleId) : undefined;
      const where = vehicle ? `${names.team(vehicle.teamId)?.name ?? `đoàn ${vehicle.teamId}`}${vehicle.overnight ? '' : `, ngày ${shortDate(vehicle.days[0])}`}` : 'đoàn đã chọn';
      return `Đã khóa vào ${where} nhưng không còn xếp được ở đó`;
    }
    case 'capacity':
      return 'Vượt sức chứa của mọi đoàn';
    case 'no-room':
    default:
      return job.required
        ? 'Không đủ thời gian trong các ngày của kế hoạch: cần thêm ngày hoặc thêm đoàn'
        : 'Bỏ qua vì hết thời gian: các xã ưu tiên cao hơn và xã bắt buộc được xếp trước';
  }
}

/** No team can go on any day of the plan (no working day of theirs inside the period). */
export const NO_WORKING_DAY = 'Không đoàn nào có ngày làm việc trong thời gian của kế hoạch';
/** Taken out of the routes by hand (plans.move with to = null). */
export const LEFT_OUT_BY_HAND = 'Để ngoài lộ trình (chỉnh tay)';

const anyOvernight = (built: BuiltProblem) => [...built.vehicles.values()].some((v) => v.overnight);

/** checkPlan's violations as the screen lists them. */
export function planProblems(violations: readonly Violation[], routes: readonly PlanRoute[], names: PlanNames): PlanProblem[] {
  const whereIs = new Map<string, { route: PlanRoute; index: number }>();
  for (const route of routes) route.stops.forEach((s, index) => whereIs.set(s.code, { route, index }));
  const teamDay = (route: PlanRoute) => `${names.team(route.teamId)?.name ?? `Đoàn ${route.teamId}`}, ngày ${shortDate(route.day)}`;
  const out: PlanProblem[] = [];
  for (const v of violations) {
    const at = v.jobId ? whereIs.get(v.jobId) : undefined;
    const commune = v.jobId ? names.commune(v.jobId) : '';
    const team = at ? names.team(at.route.teamId) : undefined;
    const about = { code: v.jobId ?? null, teamId: at?.route.teamId ?? null, day: at?.route.day ?? null };
    if (v.kind === 'shift' && at) {
      const stop = at.route.stops[at.index];
      out.push({ ...about, message: `${commune}: xong lúc ${stop.end}, sau giờ làm việc ${team?.dayEnd ?? ''} (${teamDay(at.route)})` });
    } else if (v.kind === 'shift' && !v.jobId) {
      // the way back: name the day's last commune, after which the team is late
      const route = routeOfVehicleLeg(v, routes);
      const last = route?.stops[route.stops.length - 1];
      if (route && last) {
        const t = names.team(route.teamId);
        out.push({ code: last.code, teamId: route.teamId, day: route.day, message: `${names.commune(last.code)}: sau xã này về đến trụ sở lúc ${route.finish}, sau giờ làm việc ${t?.dayEnd ?? ''} (${teamDay(route)})` });
      } else {
        out.push({ code: null, teamId: null, day: null, message: 'Về trụ sở sau giờ làm việc' });
      }
    } else if (v.kind === 'time-window' && v.jobId) {
      out.push({ ...about, message: `${commune}: không còn kịp làm trong ngày đã xếp${at ? ` (${teamDay(at.route)}, giờ làm việc ${team?.dayStart}-${team?.dayEnd})` : ''}` });
    } else if (v.kind === 'missing-required' && v.jobId) {
      out.push({ ...about, message: `${commune}: xã bắt buộc nhưng chưa được xếp vào lộ trình nào` });
    } else if (v.kind === 'working-time') {
      out.push({ ...about, message: `${commune || 'Một ngày'}: quá thời gian làm việc trong ngày${at ? ` (${teamDay(at.route)})` : ''}` });
    } else {
      out.push({ ...about, message: `${commune ? `${commune}: ` : ''}lộ trình không hợp lệ (${v.kind})` });
    }
  }
  return out;
}

/**
 * The route whose way back is late: the vehicle's (return-to-base: its one day; overnight: the
 * trip's last day, the one ending at the base).
 */
function routeOfVehicleLeg(v: Violation, routes: readonly PlanRoute[]): PlanRoute | undefined {
  if (!v.vehicleId) return undefined;
  const [team, day] = v.vehicleId.split('@');
  const ofTeam = routes.filter((r) => String(r.teamId) === team && (day === undefined ? r.endsAt === 'base' : r.day === day));
  return ofTeam[ofTeam.length - 1];
}
