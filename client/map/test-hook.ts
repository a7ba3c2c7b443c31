// What e2e tests get from the page, and only when they ask for it with `?e2e` in the URL:
// the MapLibre map (queryRenderedFeatures, project) and a promise for "drawn".
// A URL flag rather than a build flag, so tests run against the same `vite build` users get.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PovmapTestHook {
  map: MapLibreMap;
  /** Resolves when the boundaries are drawn; rejects with the load error. */
  readonly ready: Promise<void>;
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
