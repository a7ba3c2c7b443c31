// Calendar arithmetic of a visit plan: the plan's days, the days a team can go, and the solver's
// clock (minutes from 00:00 of the plan's first day, core/routing/model.ts). Dates are ISO
// 'YYYY-MM-DD' read as calendar days (UTC arithmetic, so no time zone can shift a day).

const DAY_MS = 86_400_000;

/** A real calendar date written 'YYYY-MM-DD' (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** 'HH:MM' with 00 ≤ HH ≤ 23 (a working day ends by midnight). */
export function isClockTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

export function minutesOfClock(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function addDays(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from first to last, both included. */
export function planDays(first: string, last: string): string[] {
  const n = daysBetween(first, last);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(first, i));
}

/** Monday-Friday: the working week of a Sở (Saturdays and Sundays off). */
export function isWeekday(iso: string): boolean {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow >= 1 && dow <= 5;
}

/** The plan's days the team can go: its own list, or every weekday when it has none. */
export function teamDays(availableDays: readonly string[] | null, days: readonly string[]): string[] {
  if (availableDays === null) return days.filter(isWeekday);
  const available = new Set(availableDays);
  return days.filter((d) => available.has(d));
}

/** '2025-05-12' → '12/05' (the screen's short Vietnamese date). */
export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}
