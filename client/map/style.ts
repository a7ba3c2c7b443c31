// The base style: sea-coloured background and nothing else. No basemap tiles and no `glyphs`
// URL, so the app works with no outside server at all; MapLibre ≥ 5.11 renders label text with
// the browser's own fonts when `glyphs` is absent (see FONT_LABEL).
import type { StyleSpecification } from 'maplibre-gl';
import { SEA } from './palette.ts';

export const SEA_LAYER_ID = 'sea';

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: SEA_LAYER_ID, type: 'background', paint: { 'background-color': SEA } }],
  };
}
