// The field map's own layers, drawn over the national outlines (there is no basemap): the day's
// communes from the pack's boundaries, the stops as numbered circles coloured by status, and the
// person's position once checked in. Pure GeoJSON building plus layer specs, no map calls.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { FONT_LABEL } from '../../map/palette.ts';

export const FIELD_IDS = {
  communes: 'field-communes',
  communeFill: 'field-commune-fill',
  communeLine: 'field-commune-line',
  stops: 'field-stops',
  stopCircle: 'field-stop-circle',
  stopNumber: 'field-stop-number',
  me: 'field-me',
  meCircle: 'field-me-circle',
} as const;

/** Stop colours by status; plain hex, the e2e test compares canvas pixels with them. */
export const STOP_COLOURS = { planned: '#1f6fb2', done: '#2e7d32', cancelled: '#7a7a7a', postponed: '#b26a00' } as const;
export const COMMUNE_FILL = '#f3c77a';
export const COMMUNE_LINE = '#8a4b00';
export const ME_COLOUR = '#d0021b';

export type StopLook = keyof typeof STOP_COLOURS;

export interface StopPoint {
  visitId: string;
  code: string;
  order: number;
  lon: number | null;
  lat: number | null;
  look: StopLook;
}

export interface CommuneShape {
  structure: string;
  code: string;
  boundary: { via: string; features: Feature<Polygon | MultiPolygon, { structure: string; code: string; name: string }>[] };
}

/** One feature per polygon; the visited commune's key rides along (a 2025 polygon may serve several old communes). */
export function communeFeatures(communes: readonly CommuneShape[]): FeatureCollection<Polygon | MultiPolygon> {
  const seen = new Set<string>();
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const commune of communes) {
    for (const f of commune.boundary.features) {
      const key = `${f.properties.structure}/${f.properties.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      features.push({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code, name: f.properties.name, visited: `${commune.structure}/${commune.code}`, via: commune.boundary.via } });
    }
  }
  return { type: 'FeatureCollection', features };
}

export function stopFeatures(stops: readonly StopPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: stops
      .filter((s) => s.lon !== null && s.lat !== null)
      .map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lon!, s.lat!] },
        properties: { visitId: s.visitId, code: s.code, order: s.order, label: String(s.order), colour: STOP_COLOURS[s.look] },
      })),
  };
}

export function meFeatures(point: [number, number] | null): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: point ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: {} }] : [] };
}

/** [west, south, east, north] around every polygon and stop, or null for an empty day. */
export function dayBounds(communes: FeatureCollection<Polygon | MultiPolygon>, stops: FeatureCollection<Point>): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = ([x, y]: number[]) => {
    w = Math.min(w, x!);
    e = Math.max(e, x!);
    s = Math.min(s, y!);
    n = Math.max(n, y!);
  };
  for (const f of communes.features) {
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]!] : f.geometry.coordinates.map((p) => p[0]!);
    for (const ring of rings) ring.forEach(add);
  }
  for (const f of stops.features) add(f.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

export function fieldLayers(): LayerSpecification[] {
  return [
    { id: FIELD_IDS.communeFill, type: 'fill', source: FIELD_IDS.communes, paint: { 'fill-color': COMMUNE_FILL, 'fill-opacity': 0.55 } },
    { id: FIELD_IDS.communeLine, type: 'line', source: FIELD_IDS.communes, paint: { 'line-color': COMMUNE_LINE, 'line-width': 1.6 } },
    {
      id: FIELD_IDS.stopCircle,
      type: 'circle',
      source: FIELD_IDS.stops,
      // a finger-sized target: 28 px across
      paint: { 'circle-color': ['get', 'colour'], 'circle-radius': 14, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    {
      id: FIELD_IDS.stopNumber,
      type: 'symbol',
      source: FIELD_IDS.stops,
      layout: { 'text-field': ['get', 'label'], 'text-font': FONT_LABEL, 'text-size': 14, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: FIELD_IDS.meCircle,
      type: 'circle',
      source: FIELD_IDS.me,
      paint: { 'circle-color': ME_COLOUR, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  ];
}
