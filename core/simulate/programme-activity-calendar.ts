// Dates of the simulated programme activity: day arithmetic on "YYYY-MM-DD", the demo's "as of"
// date, and the supervision calendar of TT 10/2022 (Điều 4 khoản 2): a 6-month supervision report
// before 1 June and a yearly one before 1 December, so supervision rounds go out in the weeks
// before those deadlines; visits outside them are ad hoc (đột xuất), which TT 10 also allows.

/** The demo's "today": project statuses and follow-ups are as of this date. */
export const ACTIVITY_AS_OF = '2025-10-31';
/** Supervision visits simulated from here… */
export const VISITS_FROM = '2023-01-01';
/** …to here (ACTIVITY_AS_OF). */
export const VISITS_TO = ACTIVITY_AS_OF;
/** The first day of the 2025 structure: earlier visits and projects are on pre-2025 units. */
export const STRUCTURE_2025_FROM = '2025-07-01';
/** QĐ 90/QĐ-TTg: the programme runs 2021-2025, so no project ends later. */
export const PROGRAMME_END = '2025-12-31';

/** Days since 1970-01-01 (UTC) of a "YYYY-MM-DD" date. */
export function dayOf(iso: string): number {
  // days-from-civil (H. Hinnant): plain arithmetic, the inverse of isoOf
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** "YYYY-MM-DD" of a day number: civil-from-days arithmetic (H. Hinnant), no Date objects, which
 *  the generator would otherwise make by the hundred thousand. */
export function isoOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayOf(iso) + days);
}

/** Same day `months` later, clamped to the month's end (31/01 + 1 → 28/02). */
export function addMonths(iso: string, months: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - 12 * y + 1;
  const last = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  const d = Math.min(Number(iso.slice(8, 10)), last);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Monday to Friday: teams do not visit communes at weekends. */
export function isWorkingDay(iso: string): boolean {
  // 1970-01-01 was a Thursday (4); 0 is Sunday, 6 Saturday
  const weekday = (((dayOf(iso) + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** The next working day on or after `iso`. */
export function workingDayFrom(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export type RoundKind = 'semiannual' | 'annual' | 'adhoc';

/** A supervision round: the weeks before a TT 10/2022 reporting deadline. */
export interface SupervisionRound {
  key: string;
  kind: RoundKind;
  year: number;
  /** First and last day a visit of the round may fall on. */
  from: string;
  to: string;
  /** How findings name it: "Giám sát 6 tháng đầu năm 2024". */
  label: string;
}

/**
 * Rounds of the calendar: visits for the 6-month report from 1 April to 29 May (the report is due
 * before 1 June), for the yearly report from 15 September to 27 November (due before 1 December).
 */
export const ROUND_WINDOWS = {
  semiannual: { from: '04-01', to: '05-29' },
  annual: { from: '09-15', to: '11-27' },
} as const;

/** The rounds whose window meets [from, to], each window clipped to it. */
export function roundsBetween(from: string, to: string): SupervisionRound[] {
  const rounds: SupervisionRound[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const kind of ['semiannual', 'annual'] as const) {
      const w = ROUND_WINDOWS[kind];
      const start = `${year}-${w.from}` < from ? from : `${year}-${w.from}`;
      const end = `${year}-${w.to}` > to ? to : `${year}-${w.to}`;
      if (start > end) continue;
      const label = kind === 'semiannual' ? `Giám sát 6 tháng đầu năm ${year}` : `Giám sát năm ${year}`;
      rounds.push({ key: `${year}-${kind}`, kind, year, from: start, to: end, label });
    }
  }
  return rounds;
}

/** Whether a date falls inside one of the calendar's round windows. */
export function inRoundWindow(iso: string): boolean {
  const md = iso.slice(5);
  return Object.values(ROUND_WINDOWS).some((w) => md >= w.from && md <= w.to);
}
