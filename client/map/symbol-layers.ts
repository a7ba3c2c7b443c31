// Layers beyond the fill/outline/label trio of layers.ts:
// - old (pre-2025) communes as circles: they have no polygons anywhere openly licensed, so each
//   is a symbol at a place inside the 2025 commune it became part of (geodata/old-commune-points.ts);
//   coloured by the same feature-state as polygons, so the choropleth code does not know the difference;
// - the 2025 communes' lines as dashed context around those symbols;
// - province borders drawn again above a lower level's fills, which would otherwise hide them.
import type { LayerSpecification } from 'maplibre-gl';
import { FILL_STATE } from './layers.ts';
import { FONT_LABEL, LABEL_HALO, LABEL_TEXT, LAND } from './palette.ts';

export const OLD_COMMUNE_IDS = {
  source: 'old-commune-symbols',
  circle: 'old-commune-circle',
  label: 'old-commune-label',
} as const;

/** Old communes someone uploaded a polygon for (boundaries.inDistrict): drawn as polygons. */
export const UPLOADED_COMMUNE_IDS = {
  source: 'old-commune-polygons',
  fill: 'old-commune-polygon-fill',
  line: 'old-commune-polygon-line',
  label: 'old-commune-polygon-label',
} as const;

export const CONTEXT_IDS = {
  source: 'context-2025-communes',
  line: 'context-2025-commune-line',
} as const;

export const PROVINCE_OVER_ID = 'province-outline-over';

/** Darker than the commune outlines: the border a planner reads first. */
const PROVINCE_OVER_COLOUR = '#5c554b';
const CONTEXT_COLOUR = '#7d8a96';

export function oldCommuneLayers(): LayerSpecification[] {
  return [
    {
      id: OLD_COMMUNE_IDS.circle,
      type: 'circle',
      source: OLD_COMMUNE_IDS.source,
      paint: {
        'circle-color': ['to-color', ['coalesce', ['feature-state', FILL_STATE], LAND]],
        // Big enough to hit with a finger in the field (≥ 14 px across at district zoom).
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 5, 10, 8, 13, 11],
        'circle-stroke-color': '#3b352d',
        'circle-stroke-width': 1.2,
      },
    },
    {
      id: OLD_COMMUNE_IDS.label,
      type: 'symbol',
      source: OLD_COMMUNE_IDS.source,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_LABEL,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10.5, 12, 13],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.9,
        'text-max-width': 8,
        'symbol-sort-key': ['get', 'priority'],
      },
      paint: { 'text-color': LABEL_TEXT, 'text-halo-color': LABEL_HALO, 'text-halo-width': 1.4 },
    },
  ];
}

/** Coloured by the same feature-state as the symbols: the choropleth splits its fills over both. */
export function uploadedCommuneLayers(): LayerSpecification[] {
  return [
    {
      id: UPLOADED_COMMUNE_IDS.fill,
      type: 'fill',
      source: UPLOADED_COMMUNE_IDS.source,
      paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', FILL_STATE], LAND]] },
    },
    {
      id: UPLOADED_COMMUNE_IDS.line,
      type: 'line',
      source: UPLOADED_COMMUNE_IDS.source,
      paint: { 'line-color': '#3b352d', 'line-width': 1 },
    },
    {
      // the name a symbol would have carried, placed inside the polygon by MapLibre
      id: UPLOADED_COMMUNE_IDS.label,
      type: 'symbol',
      source: UPLOADED_COMMUNE_IDS.source,
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_LABEL, 'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10.5, 12, 13], 'text-max-width': 8 },
      paint: { 'text-color': LABEL_TEXT, 'text-halo-color': LABEL_HALO, 'text-halo-width': 1.4 },
    },
  ];
}

export function contextLayers(): LayerSpecification[] {
  return [
    {
      id: CONTEXT_IDS.line,
      type: 'line',
      source: CONTEXT_IDS.source,
      paint: { 'line-color': CONTEXT_COLOUR, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
  ];
}

export function provinceOverLayer(provinceSource: string): LayerSpecification {
  return {
    id: PROVINCE_OVER_ID,
    type: 'line',
    source: provinceSource,
    layout: { 'line-join': 'round', visibility: 'none' },
    paint: {
      'line-color': PROVINCE_OVER_COLOUR,
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 8, 2.2],
    },
  };
}
