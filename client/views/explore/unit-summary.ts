// The unit panel's data (the server's indicators.unit answer) and the pure parts of showing it:
// which year, achieved reduction against the target, and the trend chart's scales and paths.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';
import type { Locale } from '../../lib/i18n/messages.ts';

// The answer's shape is the server's (type-only import of the router): one definition, so the
// panel and indicators.unit can never drift apart.
export type UnitSummaryView = inferRouterOutputs<AppRouter>['indicators']['unit'];
export type UnitLevel = UnitSummaryView['level'];
/** One year: figures (counts, rates in percent), targets in points of reduction, provenance. */
export type UnitYear = UnitSummaryView['years'][number];
export type UnitYearCounts = UnitYear['counts'];
export type UnitCoordination = UnitSummaryView['coordination'][number];

/** 2021 was reviewed under QĐ 59/2015, 2022 on under NĐ 07/2021 (DOMAIN.md): rates jump. */
export const NEW_STANDARD_FROM = 2022;

/** The map's year when the unit has it, else the unit's latest; null when it has no years. */
export function pickYear(summary: UnitSummaryView, year: number | null): UnitYear | null {
  if (year !== null) return summary.years.find((y) => y.year === year) ?? null;
  return summary.years.reduce<UnitYear | null>((latest, y) => (latest === null || y.year > latest.year ? y : latest), null);
}

export const isEstimate = (y: UnitYear) => y.via === 'crosswalk' || !y.exact;

export interface TargetCheck {
  /** Percentage points the rate fell from the previous year (negative: it rose). */
  achieved: number | null;
  target: number | null;
  /** null when either side is unknown. */
  met: boolean | null;
  /** Either year came through the crosswalk, so the comparison is an estimate. */
  estimate: boolean;
  /** The two years were measured under different poverty standards. */
  standardChanged: boolean;
}

type RateKey = 'poorRate' | 'nearPoorRate';
const TARGET_OF = { poorRate: 'poor_rate_reduction', nearPoorRate: 'near_poor_rate_reduction' } as const;

/**
 * Achieved = last year's rate − this year's, in percentage points. Targets are per year, so only
 * the calendar year before counts: a gap year would double the reduction asked.
 */
export function checkTarget(summary: UnitSummaryView, year: UnitYear, rate: RateKey = 'poorRate'): TargetCheck {
  const previous = summary.years.find((y) => y.year === year.year - 1);
  const target = year.targets[TARGET_OF[rate]];
  const before = previous?.[rate] ?? null;
  const now = year[rate];
  // Rounded to the published 2 decimals: 1.51 − 0.51 must meet a target of 1.00 exactly.
  const achieved = before !== null && now !== null ? Math.round((before - now) * 100) / 100 : null;
  return {
    achieved,
    target,
    met: achieved !== null && target !== null ? achieved >= target : null,
    estimate: isEstimate(year) || (previous !== undefined && isEstimate(previous)),
    standardChanged: previous !== undefined && previous.year < NEW_STANDARD_FROM && year.year >= NEW_STANDARD_FROM,
  };
}

export interface TrendSegment {
  d: string;
  dashed: boolean;
}

export interface TrendSeries {
  key: RateKey;
  segments: TrendSegment[];
  points: { year: number; x: number; y: number; value: number; estimate: boolean }[];
}

export interface Trend {
  width: number;
  height: number;
  /** Plot area inside the padding, for axes. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  yMax: number;
  series: TrendSeries[];
  years: { year: number; x: number }[];
  anyEstimate: boolean;
}

/** Rounds the top of the y axis up to 1, 2, 2.5 or 5 × 10ⁿ so its label reads cleanly. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Two polylines on one percent scale from 0. A segment is dashed when either end is an estimate
 * (crosswalk); a missing rate breaks the line rather than bridging the gap.
 */
export function buildTrend(years: UnitYear[], width = 320, height = 140): Trend {
  // Room for "10 %" on the left and half a year label past the last point on the right.
  const pad = { left: 34, right: 14, top: 8, bottom: 22 };
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const left = pad.left;
  const right = width - pad.right;
  const top = pad.top;
  const bottom = height - pad.bottom;
  const rates = sorted.flatMap((y) => [y.poorRate, y.nearPoorRate]).filter((v): v is number => v !== null);
  const yMax = niceMax(Math.max(0, ...rates));
  const first = sorted[0]?.year ?? 0;
  const span = (sorted.at(-1)?.year ?? first) - first;
  const x = (year: number) => round1(span === 0 ? (left + right) / 2 : left + ((year - first) / span) * (right - left));
  const y = (value: number) => round1(bottom - (value / yMax) * (bottom - top));

  const series = (['poorRate', 'nearPoorRate'] as const).map((key): TrendSeries => {
    const points = sorted.flatMap((row) => {
      const value = row[key];
      return value === null ? [] : [{ year: row.year, x: x(row.year), y: y(value), value, estimate: isEstimate(row) }];
    });
    const segments: TrendSegment[] = [];
    let joinedTo: number | null = null;
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      // Only consecutive rows are joined; a year without a value stays a gap.
      if (sorted.some((r) => r.year > a.year && r.year < b.year)) continue;
      const dashed = a.estimate || b.estimate;
      const last = segments.at(-1);
      // Runs of the same style make one path: fewer nodes and an even dash rhythm.
      if (last && last.dashed === dashed && joinedTo === a.year) last.d += `L${b.x},${b.y}`;
      else segments.push({ d: `M${a.x},${a.y}L${b.x},${b.y}`, dashed });
      joinedTo = b.year;
    }
    return { key, segments, points };
  });

  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    yMax,
    series,
    years: sorted.map((r) => ({ year: r.year, x: x(r.year) })),
    anyEstimate: sorted.some(isEstimate),
  };
}

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A rate always with 2 decimals ("1,50 %"), so a column of rates lines up on a projector. */
export function formatRate(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(percent) + ' %';
}

/** Percentage points with 2 decimals and no unit ("1,00"); the message adds "điểm %". */
export function formatPoints(points: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(points);
}
