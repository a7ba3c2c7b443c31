// "Why is this commune 3rd": one line per weighted factor — its value as written for a person,
// where it stands among the communes compared, and the points it gave. Pure, for the panel and
// its tests.
import { formatNumber } from '../../lib/format.ts';
import type { Locale } from '../../lib/i18n/messages.ts';
import type { Ranking, RankedRow } from './prioritise.svelte.ts';

export interface WhyLine {
  key: string;
  name: string;
  /** "31,2 %", "có", "chưa giám sát lần nào", or null when unknown. */
  value: string | null;
  /** Share of communes this one is above, in whole percent; null for flags and unknowns. */
  standing: number | null;
  points: number;
  /** Width of the bar: share of the highest possible points this factor could give. */
  share: number;
  missing: boolean;
}

export interface WhyWords {
  yes: string;
  no: string;
  never: string;
}

export function whyLines(ranking: Ranking, row: RankedRow, locale: Locale, words: WhyWords): WhyLine[] {
  const totalWeight = ranking.factors.reduce((sum, f, i) => sum + (row.normalised[i] === null ? 0 : f.weight), 0);
  const lines = ranking.factors.map((factor, i): WhyLine => {
    const value = row.values[i];
    const normalised = row.normalised[i];
    const missing = normalised === null;
    const name = locale === 'vi' ? factor.nameVi : factor.nameEn;
    let text: string | null = null;
    if (value === 'never') text = words.never;
    else if (value !== null && value !== undefined) {
      text = factor.kind === 'flag' ? (value === 1 ? words.yes : words.no) : `${formatNumber(value, locale, factor.decimals)}${factor.unit === '%' ? ' %' : ` ${factor.unit}`}`;
    }
    const maxPoints = totalWeight > 0 && !missing ? (100 * factor.weight) / totalWeight : 0;
    return {
      key: factor.key,
      name,
      value: text,
      standing: factor.kind === 'measure' && normalised !== null ? Math.round(100 * normalised) : null,
      points: row.points[i] ?? 0,
      share: maxPoints > 0 ? (row.points[i] ?? 0) / maxPoints : 0,
      missing,
    };
  });
  // the biggest reasons first; unknown factors last
  return lines.sort((a, b) => Number(a.missing) - Number(b.missing) || b.points - a.points);
}
