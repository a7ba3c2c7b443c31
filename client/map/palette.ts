// Colours of the base map. Calm and light so a projector in a lit conference room still shows
// outlines and labels, and so later choropleth colours (feature-state) stand out against them.
// Plain hex only: e2e tests import this module and compare canvas pixels with these values.

export const SEA = '#cddfe9';
/** Province fill before any indicator colours it. */
export const LAND = '#f1ebdd';
export const PROVINCE_OUTLINE = '#857d70';
/** Darker than the province outline: the islands are a few pixels and must read against the sea. */
export const ARCHIPELAGO_OUTLINE = '#2f5f7d';
export const LABEL_TEXT = '#2e2a24';
export const LABEL_HALO = '#ffffff';
export const ARCHIPELAGO_LABEL_TEXT = '#27506b';

/**
 * Font stacks for labels rendered locally (the style has no `glyphs` server). Each name is a CSS
 * family tried in order. Families that cover Vietnamese come before Arial: on Linux "Arial" is
 * aliased to Liberation Sans, which lacks ắ/ồ/ữ, and MapLibre draws glyphs one code point at a
 * time, so a gap would mix two fonts inside one word.
 */
const SANS = ['Noto Sans', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'DejaVu Sans', 'Arial'];
export const FONT_LABEL = SANS;
/** MapLibre sniffs the style from the first family name; "Italic" marks sea/island names, as on printed maps. */
export const FONT_LABEL_ITALIC = ['Noto Sans Italic', ...SANS];
