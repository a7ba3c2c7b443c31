// From one `indicators.values` answer to what the map and the legend show: the classification,
// a colour per class, a fill per unit code and the legend rows. Pure, so the legend and the map
// can never disagree (both read the same object) and tests can read it through the test hook.
import { classify, classIndex, type Classification } from '../../../core/classify/index.ts';
import { NO_DATA_COLOUR, paletteColours } from '../../../core/palettes.ts';
import type { ClassificationMethod } from '../../../core/classify/types.ts';
import { formatNumber } from '../../lib/format.ts';
import type { Locale } from '../../lib/i18n/messages.ts';

export interface ChoroplethRequest {
  method: ClassificationMethod;
  classes: number;
  palette: string;
  /** Inner edges for 'manual'. */
  breaks?: readonly number[];
  /** Colours from the palette's other end (indicators where higher is better). */
  reverse?: boolean;
}

export interface Choropleth {
  classification: Classification;
  /** One per class, low to high. */
  colours: string[];
  /** Fill per shown unit code, NO_DATA_COLOUR for a unit without a value. */
  fills: Map<string, string>;
  valueByCode: Map<string, number | null>;
}

/**
 * `shownCodes` are the units drawn on the map: one without a row in the answer is "no data"
 * too, not left uncoloured, so the legend's count matches what the eye sees.
 */
export function buildChoropleth(
  codes: readonly string[],
  values: readonly (number | null)[],
  shownCodes: Iterable<string>,
  request: ChoroplethRequest,
): Choropleth {
  const valueByCode = new Map<string, number | null>();
  codes.forEach((code, i) => valueByCode.set(code, values[i] ?? null));
  const shown = [...new Set(shownCodes)];
  for (const code of shown) if (!valueByCode.has(code)) valueByCode.set(code, null);
  // Classify what is on screen only: a unit in the answer but not drawn would shift the breaks.
  const shownValues = shown.map((code) => valueByCode.get(code) ?? null);
  const classification = classify(shownValues, { method: request.method, classes: request.classes, manualBreaks: request.breaks });
  const classCount = classification.counts.length;
  // Skewed data can give fewer classes than asked (core/classify dedupes edges): use the lightest.
  const ramp = classCount === 0 ? [] : paletteColours(request.palette, classCount).slice(0, classCount);
  const colours = request.reverse ? ramp.reverse() : ramp;
  const fills = new Map<string, string>();
  for (const code of shown) {
    const index = classIndex(valueByCode.get(code), classification.breaks);
    fills.set(code, index < 0 ? NO_DATA_COLOUR : colours[index]);
  }
  return { classification, colours, fills, valueByCode };
}

export interface LegendRow {
  colour: string;
  /** "4,5 – 9,8 %" */
  range: string;
  count: number;
}

/** A value with its unit, as the legend and the tooltip write it: "4,53 %", "1.234 hộ". */
export function formatValue(value: number, unit: string, decimals: number, locale: Locale): string {
  return `${formatNumber(value, locale, decimals)} ${unit}`;
}

export function legendRows(choropleth: Choropleth, unit: string, decimals: number, locale: Locale): LegendRow[] {
  const { breaks, counts } = choropleth.classification;
  return counts.map((count, i) => ({
    colour: choropleth.colours[i],
    range: `${formatNumber(breaks[i], locale, decimals)} – ${formatNumber(breaks[i + 1], locale, decimals)} ${unit}`,
    count,
  }));
}

/** What the e2e tests read of a coloured scene (map/test-hook.ts), the same for every choropleth view. */
export function choroplethTestState(
  scene: { level: 'province' | 'district' | 'commune'; unit: string | null },
  choropleth: Choropleth | null,
  paintedKey: string | null,
) {
  return {
    level: scene.level,
    unit: scene.unit,
    breaks: choropleth?.classification.breaks ?? [],
    colours: choropleth?.colours ?? [],
    fills: Object.fromEntries(choropleth?.fills ?? []),
    valuesByCode: Object.fromEntries(choropleth?.valueByCode ?? []),
    paintedKey,
  };
}
