// How the planning screen writes durations, distances and days. Minutes come from the plan
// (core/visit-plan/plan-view.ts); Vietnamese reads "2 giờ 15 phút", days "T2 18/05/2026".
import { formatNumber } from '../../lib/format.ts';
import type { Locale } from '../../lib/i18n/messages.ts';

/** 135 → "2 giờ 15 phút" (vi) / "2 h 15 min" (en); rounded to the minute, never negative. */
export function formatDuration(minutes: number, locale: Locale = 'vi'): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const [h, m] = locale === 'vi' ? ['giờ', 'phút'] : ['h', 'min'];
  if (hours === 0) return `${rest} ${m}`;
  if (rest === 0) return `${hours} ${h}`;
  return `${hours} ${h} ${rest} ${m}`;
}

/** 12.34 → "12,3 km" (vi). */
export function formatKm(km: number, locale: Locale = 'vi'): string {
  return `${formatNumber(km, locale, 1)} km`;
}

// Vietnamese weekday abbreviations: Chủ nhật, Thứ hai … Thứ bảy.
const WEEKDAYS_VI = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Day of the week of an ISO date, 0 = Sunday; by the calendar date alone (no time zone). */
export function weekday(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

/** '2026-05-18' → "T2 18/05/2026" (vi) / "Mon 18/05/2026" (en). */
export function formatDay(isoDay: string, locale: Locale = 'vi'): string {
  const [y, m, d] = isoDay.split('-');
  const names = locale === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN;
  return `${names[weekday(isoDay)]} ${d}/${m}/${y}`;
}
