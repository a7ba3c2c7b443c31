// How the itinerary files (PDF, GPX, KML) write days, durations and numbers for a Vietnamese
// reader: "Thứ hai, 24/11/2026", "2 giờ 15 phút", "1.234,5 km". Intl's 'vi-VN' gives the dot
// thousands and comma decimals (Node and browsers ship full ICU), so no hand-rolled separators.
// Days are ISO dates read as calendar dates: no time zone may move them.
import type { PlanRoute } from './plan-view.ts';

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'] as const;

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1234.56 → "1.234,6"; `digits` fraction digits at most. */
export function numberVi(value: number, digits = 1): string {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

/** 12.34 → "12,3 km". */
export function kmVi(km: number): string {
  return `${numberVi(km, 1)} km`;
}

/** 135 → "2 giờ 15 phút", 45 → "45 phút", 180 → "3 giờ"; rounded to the minute. */
export function durationVi(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} phút`;
  if (rest === 0) return `${hours} giờ`;
  return `${hours} giờ ${rest} phút`;
}

/** '2026-11-24' → "24/11/2026". */
export function dateVi(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/** '2026-11-24' → "Thứ ba" (by the calendar date alone). */
export function weekdayVi(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()]!;
}

/** '2026-11-24' → "Thứ ba, 24/11/2026" (a heading), or without the comma for a route's name. */
export function dayVi(isoDay: string, separator = ', '): string {
  return `${weekdayVi(isoDay)}${separator}${dateVi(isoDay)}`;
}

/**
 * A day and a local time ('HH:MM', Vietnam, UTC+7 all year) as an ISO instant in UTC, the form
 * GPX's <time> takes: ('2026-11-24', '08:30') → "2026-11-24T01:30:00Z".
 */
export function vietnamTimeToUtc(isoDay: string, time: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hh! - 7, mm!)).toISOString().replace(/\.000Z$/, 'Z');
}

/** An instant as Vietnam's local 'YYYY-MM-DD' and 'HH:MM' (UTC+7 all year). */
export function vietnamLocal(instant: Date | string): { day: string; time: string } {
  const local = new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

export const requiredVi = (required: boolean) => (required ? 'bắt buộc' : 'không bắt buộc');

/** "Đi 07:30, xong 16:45; 123,4 km, 2 giờ 15 phút di chuyển". */
export function routeSummaryVi(route: PlanRoute): string {
  return `Đi ${route.leave}, xong ${route.finish}; ${kmVi(route.distanceKm)}, ${durationVi(route.travelMinutes)} di chuyển`;
}
