// One set of classes for every map of a sheet: side-by-side years, two indicators or small
// multiples are read against one legend, so the breaks come from all panels' values pooled (a
// class means the same colour and the same range on each map). Counts stay per panel. Pure.
import { classify, classIndex, type Classification } from '../../core/classify/index.ts';
import { NO_DATA_COLOUR, paletteColours } from '../../core/palettes.ts';
import type { ChoroplethRequest } from '../views/explore/choropleth.ts';

export interface PanelInput {
  codes: readonly string[];
  values: readonly (number | null)[];
  /** Units drawn and coloured in this panel (a region's provinces, a province's districts…). */
  shown: Iterable<string>;
}

export interface PanelColours {
  fills: Map<string, string>;
  valueByCode: Map<string, number | null>;
  /** Units per class in this panel. */
  counts: number[];
  noData: number;
}

export interface SharedChoropleth {
  /** Pooled over every panel; its counts are the pooled ones. */
  classification: Classification;
  colours: string[];
  panels: PanelColours[];
}

export function sharedChoropleth(inputs: readonly PanelInput[], request: ChoroplethRequest): SharedChoropleth {
  const prepared = inputs.map((input) => {
    const valueByCode = new Map<string, number | null>();
    input.codes.forEach((code, i) => valueByCode.set(code, input.values[i] ?? null));
    const shown = [...new Set(input.shown)];
    const shownValues = new Map(shown.map((code) => [code, valueByCode.get(code) ?? null]));
    return { shown, shownValues };
  });
  const pooled = prepared.flatMap((p) => [...p.shownValues.values()]);
  const classification = classify(pooled, { method: request.method, classes: request.classes, manualBreaks: request.breaks });
  const classCount = classification.counts.length;
  const ramp = classCount === 0 ? [] : paletteColours(request.palette, classCount).slice(0, classCount);
  const colours = request.reverse ? ramp.reverse() : ramp;
  const panels = prepared.map(({ shownValues }) => {
    const fills = new Map<string, string>();
    const counts = new Array(classCount).fill(0);
    let noData = 0;
    for (const [code, value] of shownValues) {
      const index = classIndex(value, classification.breaks);
      if (index < 0) noData++;
      else counts[index]++;
      fills.set(code, index < 0 ? NO_DATA_COLOUR : colours[index]);
    }
    return { fills, valueByCode: shownValues, counts, noData };
  });
  return { classification, colours, panels };
}
