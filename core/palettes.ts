// Colour palettes for choropleths: ColorBrewer schemes (via d3-scale-chromatic) that ColorBrewer
// marks colour-blind safe, so a planner with deuteranopia reads the same map as everyone else.
import {
  schemeBlues, schemeBrBG, schemeGreens, schemeOranges, schemePuBuGn, schemePuOr, schemePurples,
  schemeRdBu, schemeRdYlBu, schemeYlGnBu, schemeYlOrBr, schemeYlOrRd,
} from 'd3-scale-chromatic';

export type PaletteKind = 'sequential' | 'diverging';

export interface Palette {
  key: string;
  kind: PaletteKind;
  nameVi: string;
  nameEn: string;
  /** ColorBrewer schemes indexed by class count; 3..9 always present. */
  scheme: readonly (readonly string[])[];
}

export const PALETTES: readonly Palette[] = [
  { key: 'YlOrRd', kind: 'sequential', nameVi: 'Vàng - cam - đỏ', nameEn: 'Yellow-orange-red', scheme: schemeYlOrRd },
  { key: 'YlOrBr', kind: 'sequential', nameVi: 'Vàng - cam - nâu', nameEn: 'Yellow-orange-brown', scheme: schemeYlOrBr },
  { key: 'Oranges', kind: 'sequential', nameVi: 'Cam', nameEn: 'Oranges', scheme: schemeOranges },
  { key: 'Purples', kind: 'sequential', nameVi: 'Tím', nameEn: 'Purples', scheme: schemePurples },
  { key: 'Blues', kind: 'sequential', nameVi: 'Xanh dương', nameEn: 'Blues', scheme: schemeBlues },
  { key: 'Greens', kind: 'sequential', nameVi: 'Xanh lá', nameEn: 'Greens', scheme: schemeGreens },
  { key: 'YlGnBu', kind: 'sequential', nameVi: 'Vàng - lục - lam', nameEn: 'Yellow-green-blue', scheme: schemeYlGnBu },
  { key: 'PuBuGn', kind: 'sequential', nameVi: 'Tím - lam - lục', nameEn: 'Purple-blue-green', scheme: schemePuBuGn },
  { key: 'RdBu', kind: 'diverging', nameVi: 'Đỏ - xanh dương', nameEn: 'Red-blue', scheme: schemeRdBu },
  { key: 'RdYlBu', kind: 'diverging', nameVi: 'Đỏ - vàng - xanh', nameEn: 'Red-yellow-blue', scheme: schemeRdYlBu },
  { key: 'PuOr', kind: 'diverging', nameVi: 'Tím - cam', nameEn: 'Purple-orange', scheme: schemePuOr },
  { key: 'BrBG', kind: 'diverging', nameVi: 'Nâu - lục lam', nameEn: 'Brown-teal', scheme: schemeBrBG },
];

export const DEFAULT_SEQUENTIAL = 'YlOrRd';
export const DEFAULT_DIVERGING = 'RdBu';

/** Colour used for units without data, distinct from every palette colour. */
export const NO_DATA_COLOUR = '#d9d9d9';

export function paletteByKey(key: string): Palette {
  return PALETTES.find((p) => p.key === key) ?? PALETTES[0];
}

/**
 * Colours for k classes, low to high. Diverging schemes are ordered so that the first colour is
 * "good" (blue) and the last "bad" (red), matching sequential schemes where higher is worse.
 */
export function paletteColours(key: string, classes: number): string[] {
  const palette = paletteByKey(key);
  const k = Math.max(3, Math.min(9, classes));
  const colours = [...palette.scheme[k]];
  return palette.kind === 'diverging' ? colours.reverse() : colours;
}

/**
 * The palette to keep when the indicator changes: a change or a gap to target has a meaningful
 * zero in the middle (diverging), a rate or a count runs from low to high (sequential). The
 * user's palette stays when it is of the right kind.
 */
export function paletteForIndicator(indicatorKind: string, currentKey: string): string {
  const wanted = indicatorKind === 'change' || indicatorKind === 'target-gap' ? 'diverging' : 'sequential';
  const current = PALETTES.find((p) => p.key === currentKey);
  if (current?.kind === wanted) return currentKey;
  return wanted === 'diverging' ? DEFAULT_DIVERGING : DEFAULT_SEQUENTIAL;
}
