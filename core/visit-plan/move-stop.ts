// A planner's hand edit: move one commune to a team, day and position, or out of the routes.
// Nothing else moves (no re-solve); the server then re-checks and re-times the plan.
import type { CurrentRoute } from './build-problem.ts';

export interface MoveTarget {
  teamId: number;
  day: string;
  /** 0-based place in that day's stops; past the end = last. */
  position: number;
}

export function moveStop(routes: readonly CurrentRoute[], code: string, to: MoveTarget | null): CurrentRoute[] {
  const out = routes.map((r) => ({ ...r, codes: r.codes.filter((c) => c !== code) }));
  if (to !== null) {
    let target = out.find((r) => r.teamId === to.teamId && r.day === to.day);
    if (!target) out.push((target = { teamId: to.teamId, day: to.day, codes: [] }));
    const at = Math.max(0, Math.min(to.position, target.codes.length));
    target.codes.splice(at, 0, code);
  }
  return out.filter((r) => r.codes.length > 0);
}
