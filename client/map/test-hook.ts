// What e2e tests get from the page, and only when they ask for it with `?e2e` in the URL:
// the MapLibre map (queryRenderedFeatures, project) and a promise for "drawn".
// A URL flag rather than a build flag, so tests run against the same `vite build` users get.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PovmapTestHook {
  map: MapLibreMap;
  /** Resolves when the boundaries are drawn; rejects with the load error. */
  readonly ready: Promise<void>;
  /** The explore view's choropleth, as the legend shows it (undefined on other views). */
  readonly explore?: ExploreTestState;
}

export interface ExploreTestState {
  level: 'province' | 'district' | 'commune';
  unit: string | null;
  /** Class edges (k+1) and one colour per class; empty without an indicator. */
  breaks: number[];
  colours: string[];
  /** Fill colour per shown unit code, as last set by feature-state. */
  fills: Record<string, string>;
  valuesByCode: Record<string, number | null>;
  /** `${indicator}|${year}|${unit}|${method}|${classes}|${palette}` of the last paint, null before one. */
  paintedKey: string | null;
}

declare global {
  interface Window {
    __povmap?: PovmapTestHook;
  }
}

export function isTestMode(): boolean {
  return new URLSearchParams(window.location.search).has('e2e');
}

export function installTestHook(hook: PovmapTestHook): () => void {
  window.__povmap = hook;
  return () => {
    if (window.__povmap === hook) delete window.__povmap;
  };
}
