// Layer definitions. Every boundary level gets the same trio (fill, outline, label) with ids
// derived from the level, so the commune and district views added later reuse this file.
import type { LayerSpecification } from 'maplibre-gl';
import type { Level } from './boundary-source.ts';
import {
  ARCHIPELAGO_LABEL_TEXT,
  ARCHIPELAGO_OUTLINE,
  FONT_LABEL,
  FONT_LABEL_ITALIC,
  LABEL_HALO,
  LABEL_TEXT,
  LAND,
  PROVINCE_OUTLINE,
} from './palette.ts';

export interface BoundaryLayerIds {
  /** GeoJSON source of polygons, promoteId 'code'. */
  source: string;
  /** GeoJSON source of label points, promoteId 'code'. */
  labelSource: string;
  fill: string;
  outline: string;
  label: string;
}

export function boundaryLayerIds(level: Level): BoundaryLayerIds {
  return {
    source: `${level}-boundaries`,
    labelSource: `${level}-label-points`,
    fill: `${level}-fill`,
    outline: `${level}-outline`,
    label: `${level}-label`,
  };
}

/**
 * Feature-state key holding a CSS colour for a unit's fill. Views colour units by setting it
 * (map.setFeatureState({source, id: code}, {fill})), so changing an indicator or a year never
 * re-uploads geometry (DESIGN.md data flow 3). Units without it show plain land.
 */
export const FILL_STATE = 'fill';

export function boundaryLayers(level: Level): LayerSpecification[] {
  const ids = boundaryLayerIds(level);
  return [
    {
      id: ids.fill,
      type: 'fill',
      source: ids.source,
      paint: {
        // coalesce first, then to-color: feature-state yields an untyped value (or null when unset).
        'fill-color': ['to-color', ['coalesce', ['feature-state', FILL_STATE], LAND]],
      },
    },
    {
      id: ids.outline,
      type: 'line',
      source: ids.source,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PROVINCE_OUTLINE,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.7, 8, 1.4],
      },
    },
    {
      id: ids.label,
      type: 'symbol',
      source: ids.labelSource,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_LABEL,
        // ~11-12 px at the national view: readable on a projector, small enough that most of the
        // crowded northern provinces still fit.
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10.5, 6, 13, 9, 16],
        'text-max-width': 10,
        'text-padding': 1,
        // When labels collide, the one with the lower key wins: the capital and the big cities
        // must never be the ones dropped (see labelPriority).
        'symbol-sort-key': ['get', 'priority'],
        // Let a label shift beside its point rather than vanish when the centre spot is taken.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.4,
      },
      paint: {
        'text-color': LABEL_TEXT,
        'text-halo-color': LABEL_HALO,
        'text-halo-width': 1.4,
      },
    },
  ];
}

export const ARCHIPELAGO_IDS = {
  source: 'archipelago-boundaries',
  labelSource: 'archipelago-label-points',
  fill: 'archipelago-fill',
  outline: 'archipelago-outline',
  label: 'archipelago-label',
} as const;

/** Drawn above the province layers: islands smaller than a pixel still get a visible outline. */
export function archipelagoLayers(): LayerSpecification[] {
  const ids = ARCHIPELAGO_IDS;
  return [
    { id: ids.fill, type: 'fill', source: ids.source, paint: { 'fill-color': LAND } },
    {
      id: ids.outline,
      type: 'line',
      source: ids.source,
      paint: {
        'line-color': ARCHIPELAGO_OUTLINE,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 8, 1.6],
      },
    },
    {
      id: ids.label,
      type: 'symbol',
      source: ids.labelSource,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_LABEL_ITALIC,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 6, 13, 9, 15],
        'text-anchor': ['get', 'anchor'],
        'text-max-width': 12,
        // Never dropped by collision: a national map without them is wrong for these users.
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': ARCHIPELAGO_LABEL_TEXT,
        'text-halo-color': LABEL_HALO,
        'text-halo-width': 1.4,
      },
    },
  ];
}
