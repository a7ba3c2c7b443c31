// The route map's own layers over the boundaries (drawn by map/explore-layers.ts): team-day lines
// (one layer per dash pattern: a dash array cannot be chosen per feature here), communes left out,
// team bases, numbered stops and the selected stop's ring. Clicking a stop or a left-out commune
// selects it; the list follows (PlansView).
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, MapLayerMouseEvent } from 'maplibre-gl';
import type { CountryMap } from '../../map/country-map.ts';
import { FONT_LABEL } from '../../map/palette.ts';
import { DAY_DASHES } from './plan-colours.ts';
import { featuresBounds, type RouteFeatures } from './route-features.ts';

export const ROUTE_IDS = {
  lineSource: 'plan-route-lines',
  stopSource: 'plan-stops',
  baseSource: 'plan-bases',
  unassignedSource: 'plan-unassigned',
  line: (dash: number) => `plan-route-line-${dash}`,
  unassigned: 'plan-unassigned-circle',
  baseRing: 'plan-base-ring',
  baseDot: 'plan-base-dot',
  stop: 'plan-stop-circle',
  stopNumber: 'plan-stop-number',
  selected: 'plan-stop-selected',
} as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const colour: ExpressionSpecification = ['to-color', ['get', 'colour']];
/** Locked stops (pinned when re-solving) get a dark ring: the list's 🔒 on the map. */
const LOCKED_RING = '#1b1b1b';
const SELECTED_RING = '#111111';

function routeLayers(): LayerSpecification[] {
  const lines: LayerSpecification[] = DAY_DASHES.map((dashes, dash) => ({
    id: ROUTE_IDS.line(dash),
    type: 'line',
    source: ROUTE_IDS.lineSource,
    filter: ['==', ['get', 'dash'], dash],
    layout: { 'line-join': 'round', 'line-cap': dashes.length === 0 ? 'round' : 'butt' },
    paint: { 'line-color': colour, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 2.5, 11, 5], ...(dashes.length > 0 ? { 'line-dasharray': [...dashes] } : {}) },
  }));
  return [
    ...lines,
    {
      id: ROUTE_IDS.unassigned,
      type: 'circle',
      source: ROUTE_IDS.unassignedSource,
      paint: { 'circle-radius': 6, 'circle-color': colour, 'circle-opacity': 0.75, 'circle-stroke-width': 1.5, 'circle-stroke-color': '#ffffff' },
    },
    {
      id: ROUTE_IDS.baseRing,
      type: 'circle',
      source: ROUTE_IDS.baseSource,
      paint: { 'circle-radius': 11, 'circle-color': '#ffffff', 'circle-stroke-width': 4, 'circle-stroke-color': colour },
    },
    { id: ROUTE_IDS.baseDot, type: 'circle', source: ROUTE_IDS.baseSource, paint: { 'circle-radius': 3.5, 'circle-color': '#1b1b1b' } },
    {
      id: ROUTE_IDS.stop,
      type: 'circle',
      source: ROUTE_IDS.stopSource,
      paint: {
        'circle-radius': 10,
        'circle-color': colour,
        'circle-stroke-width': ['case', ['get', 'locked'], 3, 1.5],
        'circle-stroke-color': ['case', ['get', 'locked'], LOCKED_RING, '#ffffff'],
      },
    },
    {
      id: ROUTE_IDS.stopNumber,
      type: 'symbol',
      source: ROUTE_IDS.stopSource,
      layout: {
        'text-field': ['to-string', ['get', 'order']],
        'text-font': FONT_LABEL,
        'text-size': 12,
        // the order is the point of the map: never hidden by a neighbour's number
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: ROUTE_IDS.selected,
      type: 'circle',
      source: ROUTE_IDS.stopSource,
      filter: ['==', ['get', 'code'], ''],
      paint: { 'circle-radius': 15, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 3, 'circle-stroke-color': SELECTED_RING },
    },
  ];
}

export class RouteLayers {
  private features: RouteFeatures | null = null;

  constructor(
    private readonly countryMap: CountryMap,
    private readonly onSelect: (code: string) => void,
  ) {
    const map = countryMap.map;
    for (const id of [ROUTE_IDS.lineSource, ROUTE_IDS.stopSource, ROUTE_IDS.baseSource, ROUTE_IDS.unassignedSource]) countryMap.upsertSource(id, EMPTY);
    for (const layer of routeLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer);
    for (const id of [ROUTE_IDS.stop, ROUTE_IDS.unassigned]) {
      map.on('click', id, this.handleClick);
      map.on('mouseenter', id, this.handleEnter);
      map.on('mouseleave', id, this.handleLeave);
    }
  }

  destroy(): void {
    const map = this.countryMap.map;
    for (const id of [ROUTE_IDS.stop, ROUTE_IDS.unassigned]) {
      map.off('click', id, this.handleClick);
      map.off('mouseenter', id, this.handleEnter);
      map.off('mouseleave', id, this.handleLeave);
    }
  }

  /** Replaces what is drawn; frames it when `frame` (a plan opened, not a stop moved). */
  show(features: RouteFeatures, frame: boolean): void {
    this.features = features;
    this.countryMap.upsertSource(ROUTE_IDS.lineSource, features.lines);
    this.countryMap.upsertSource(ROUTE_IDS.stopSource, features.stops);
    this.countryMap.upsertSource(ROUTE_IDS.baseSource, features.bases);
    this.countryMap.upsertSource(ROUTE_IDS.unassignedSource, features.unassigned);
    const bounds = frame ? featuresBounds(features) : null;
    if (bounds) {
      const [w, s, e, n] = bounds;
      // a plan of one commune is a point: pad it into a box a few km wide
      const pad = 0.02;
      this.countryMap.map.fitBounds([[w - pad, s - pad], [e + pad, n + pad]], { padding: 48, duration: 0, maxZoom: 12 });
    }
  }

  /** Rings the selected stop (null: none) and pans to it when it is off screen. */
  select(code: string | null): void {
    const map = this.countryMap.map;
    map.setFilter(ROUTE_IDS.selected, ['==', ['get', 'code'], code ?? '']);
    const stop = code ? this.features?.stops.features.find((f) => f.properties.code === code) : undefined;
    if (!stop) return;
    const at = stop.geometry.coordinates as [number, number];
    if (!map.getBounds().contains(at)) map.easeTo({ center: at, duration: 500 });
  }

  private readonly handleClick = (event: MapLayerMouseEvent): void => {
    const code = event.features?.[0]?.properties?.code;
    if (code !== undefined) this.onSelect(String(code));
  };

  private readonly handleEnter = (): void => {
    this.countryMap.map.getCanvas().style.cursor = 'pointer';
  };

  private readonly handleLeave = (): void => {
    this.countryMap.map.getCanvas().style.cursor = '';
  };
}
