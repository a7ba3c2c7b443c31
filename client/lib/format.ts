// Number and date formatting for the UI. Vietnamese writes 1.234,5 (dot thousands, comma
// decimals) and dates dd/mm/yyyy (DOMAIN.md); Intl's 'vi-VN' does both, so no hand-rolled
// separators. English uses en-GB, which keeps the day-first date order users already read.
import type { Locale } from './i18n/messages.ts';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

// Intl formatters are costly to build and are called per legend row / table cell: cache them.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** 1234567.5 → "1.234.567,5" (vi). */
export function formatNumber(value: number, locale: Locale = 'vi', maximumFractionDigits = 1): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/**
 * A rate given in percent (1.51 means 1.51 %, as poverty rates are published) → "1,51%".
 * Takes percent, not a fraction, because every source table and target is written in percent
 * and percentage points.
 */
export function formatPercent(percent: number, locale: Locale = 'vi', maximumFractionDigits = 2): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(percent / 100);
}

/** 2022-01-18 → "18/01/2022". */
export function formatDate(date: Date, locale: Locale = 'vi'): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}
