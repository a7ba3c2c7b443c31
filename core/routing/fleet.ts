// Teams × days → vehicles, in the two ways supervision trips are organised:
// - 'return-to-base': the team sleeps at its base (huyện/tỉnh office) every night, so each
//   team-day is its own vehicle and the solver may give any day any communes;
// - 'overnight': far communes (miền núi) make a daily return wasteful, so a team's trip is one
//   sequence over all its days, sleeping near the last commune of each day.
import type { TimeWindow, Vehicle } from './model.ts';

export type FleetMode = 'return-to-base' | 'overnight';

export interface Team {
  id: string;
  /** Location index of the office the team leaves from and returns to. */
  base: number;
  capacity?: number;
  /** Per day, minutes (e.g. 8 h = 480 beside a 07:30-17:00 window with a lunch break). */
  maxWorkingTime?: number;
}

const MINUTES_PER_DAY = 1440;

function minutesOf(clock: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new RangeError(`clock time "${clock}" is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** workingDay(1, '07:30', '17:00') = { start: 1890, end: 2460 }: day 1 counted from 0. */
export function workingDay(day: number, from: string, to: string): TimeWindow {
  const start = day * MINUTES_PER_DAY + minutesOf(from);
  const end = day * MINUTES_PER_DAY + minutesOf(to);
  if (end <= start) throw new RangeError(`working day ${from}-${to} ends before it starts`);
  return { start, end };
}

/** Vehicle ids are `team@day` in return-to-base mode and the team id in overnight mode. */
export function fleetForDays(teams: readonly Team[], days: readonly TimeWindow[], mode: FleetMode): Vehicle[] {
  if (days.length === 0) throw new RangeError('a fleet needs at least one working day');
  const vehicles: Vehicle[] = [];
  for (const team of teams) {
    const common = { team: team.id, start: team.base, end: team.base, capacity: team.capacity, maxWorkingTime: team.maxWorkingTime };
    if (mode === 'overnight') {
      vehicles.push({ id: team.id, ...common, shifts: days.map((d) => ({ ...d })) });
    } else {
      days.forEach((d, i) => vehicles.push({ id: `${team.id}@${i}`, ...common, shifts: [{ ...d }] }));
    }
  }
  return vehicles;
}
