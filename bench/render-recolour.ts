// Recolouring every 2025 commune, for bench/map-render.ts: feature-state (geometry stays in the
// worker and on the GPU; only the paint attributes change) against setData with a `fill` property
// (the worker re-tiles the same geometry and every tile is rebuilt and re-uploaded).
// Self-contained in the page through the MapLibre map object, so it does not depend on the UI:
// two GeoJSON sources with the same features, one fill layer each, only one visible at a time.
import type { Page } from '@playwright/test';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type {} from '../client/map/test-hook.ts'; // the Window.__povmap type
import { LAND } from '../client/map/palette.ts';

export interface RecolourRun {
  features: number;
  /** Where the polygons came from: the app's own source, or commune.country.fgb decoded here. */
  origin: string;
  /** Per recolour: start → the map's 'idle' after it, ms. */
  featureState: number[];
  setData: number[];
  /** Of those, the synchronous part (setFeatureState calls; copy + setData call), ms. */
  featureStateSync: number[];
  setDataSync: number[];
  /** Rendered features whose colour is not the one asked for, after the last recolour (0 expected). */
  mismatches: { featureState: number; setData: number; checked: number };
}

/** Seeded, so every run and both paths get the same colourings (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rounds` colourings of `features` features, each a palette index per feature (in feature order). */
export function colourings(rounds: number, features: number, colours: number, seed = 2025): number[][] {
  const next = random(seed);
  return Array.from({ length: rounds }, () => Array.from({ length: features }, () => Math.floor(next() * colours)));
}

/** The 2025 communes from the server's whole-country file, as the app would read them. */
export async function communesFromServer(base: string, cookie: string): Promise<FeatureCollection> {
  const res = await fetch(`${base}/geo/2025/commune.country.fgb`, { headers: { cookie } });
  if (!res.ok) throw new Error(`commune.country.fgb: HTTP ${res.status}`);
  const features = [];
  for await (const f of deserialize(new Uint8Array(await res.arrayBuffer()))) features.push(f);
  return { type: 'FeatureCollection', features } as FeatureCollection;
}

/** The app's national commune polygons when it shows them (source id from client/map/layers.ts). */
export async function communesFromApp(page: Page): Promise<FeatureCollection | null> {
  return page.evaluate(async () => {
    const source = window.__povmap!.map.getSource<GeoJSONSource>('commune-boundaries');
    const data = source ? await source.getData() : null;
    return data?.type === 'FeatureCollection' && data.features.length > 3000 ? data : null;
  });
}

/**
 * Adds the two sources and layers, hides every other layer but the sea (the app's layers draw the
 * same in both paths; hiding them leaves the recolour itself to be measured), and runs `plan`:
 * round 0 of each path is a warm-up, not reported.
 */
export async function measureRecolour(page: Page, data: FeatureCollection, palette: string[], plan: number[][], origin: string): Promise<RecolourRun> {
  const result = await page.evaluate(
    async ({ data, palette, plan, land }) => {
      const map = window.__povmap!.map;
      const idle = () => new Promise<number>((resolve) => map.once('idle', () => resolve(performance.now())));
      // Clear whatever the page was doing first (the app's own load, a label placement).
      if (!map.loaded()) await idle();
      for (const layer of map.getStyle().layers) if (layer.type !== 'background') map.setLayoutProperty(layer.id, 'visibility', 'none');
      const codes = data.features.map((f) => String(f.properties!.code));
      map.addSource('bench-state', { type: 'geojson', data, promoteId: 'code' });
      map.addSource('bench-prop', { type: 'geojson', data, promoteId: 'code' });
      // The app's own expression shape (client/map/layers.ts), coloured by state or by property.
      map.addLayer({ id: 'bench-state-fill', type: 'fill', source: 'bench-state', paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], land]] } });
      map.addLayer({ id: 'bench-prop-fill', type: 'fill', source: 'bench-prop', layout: { visibility: 'none' }, paint: { 'fill-color': ['to-color', ['coalesce', ['get', 'fill'], land]] } });
      await idle();

      const byState = async (round: number[]) => {
        const done = idle();
        const t0 = performance.now();
        for (let i = 0; i < codes.length; i++) map.setFeatureState({ source: 'bench-state', id: codes[i]! }, { fill: palette[round[i]!]! });
        const sync = performance.now() - t0;
        return { sync, total: (await done) - t0 };
      };
      const byData = async (round: number[]) => {
        const done = idle();
        const t0 = performance.now();
        // A copy, as a view would build it: the source's own object is never mutated in place.
        const copy = { type: 'FeatureCollection' as const, features: data.features.map((f, i) => ({ ...f, properties: { ...f.properties, fill: palette[round[i]!]! } })) };
        map.getSource<GeoJSONSource>('bench-prop')!.setData(copy);
        const sync = performance.now() - t0;
        return { sync, total: (await done) - t0 };
      };
      // Colour of each code in the last round, against what MapLibre says it drew.
      const mismatches = (layer: string, colourOf: (f: { state: Record<string, unknown>; properties: Record<string, unknown> }) => unknown) => {
        const last = plan[plan.length - 1]!;
        const expected = new Map(codes.map((c, i) => [c, palette[last[i]!]]));
        const rendered = map.queryRenderedFeatures({ layers: [layer] });
        return { checked: rendered.length, wrong: rendered.filter((f) => colourOf(f) !== expected.get(String(f.properties.code))).length };
      };

      // The two paths take turns, round by round, so both see the same background load: on a
      // shared 2-core machine the load drifts over a minute and blocks of one path would not.
      const show = async (visible: string, hidden: string) => {
        map.setLayoutProperty(hidden, 'visibility', 'none');
        map.setLayoutProperty(visible, 'visibility', 'visible');
        map.triggerRepaint(); // an unchanged visibility schedules no frame, and no 'idle' would come
        await idle(); // un-hiding brings the layer's tiles back: not part of a recolour
      };
      const state = { sync: [] as number[], total: [] as number[] };
      const prop = { sync: [] as number[], total: [] as number[] };
      let stateCheck = { checked: 0, wrong: 0 };
      let propCheck = { checked: 0, wrong: 0 };
      for (const [i, round] of plan.entries()) {
        await show('bench-state-fill', 'bench-prop-fill');
        const a = await byState(round);
        if (i === plan.length - 1) stateCheck = mismatches('bench-state-fill', (f) => f.state.fill);
        await show('bench-prop-fill', 'bench-state-fill');
        const b = await byData(round);
        if (i === plan.length - 1) propCheck = mismatches('bench-prop-fill', (f) => f.properties.fill);
        if (i === 0) continue; // warm-up
        state.sync.push(a.sync);
        state.total.push(a.total);
        prop.sync.push(b.sync);
        prop.total.push(b.total);
      }
      return { state, prop, stateCheck, propCheck };
    },
    { data, palette, plan, land: LAND },
  );
  return {
    features: data.features.length,
    origin,
    featureState: result.state.total,
    featureStateSync: result.state.sync,
    setData: result.prop.total,
    setDataSync: result.prop.sync,
    mismatches: { featureState: result.stateCheck.wrong, setData: result.propCheck.wrong, checked: result.stateCheck.checked },
  };
}
