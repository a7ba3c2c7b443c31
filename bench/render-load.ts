// Page load → first complete choropleth, for bench/map-render.ts. A probe installed before the
// app's own scripts (addInitScript) watches the map from window.__povmap (client/map/test-hook.ts)
// and stamps, in the page's own clock (performance.now(), whose origin is navigation start):
//   coloured — the first frame MapLibre drew after explore.paintedKey became non-null;
//   complete — the 'idle' that follows it: every tile of every layer drawn, nothing pending.
// The probe only reads the hook inside MapLibre's own 'render' / 'idle' events, never on a timer:
// the explore getter rebuilds its fills object on each read (3,321 entries for communes), and
// polling it would steal main-thread time from the load being measured.
import type { BrowserContext } from '@playwright/test';
import type {} from '../client/map/test-hook.ts'; // the Window.__povmap type
import { newPage } from './render-browser.ts';

export type ExpectedLevel = 'province' | 'commune';

export interface LoadSample {
  /** window.__povmap appeared: the app is up and has created the MapLibre map (±5 ms). */
  mapCreatedMs: number;
  colouredMs: number;
  completeMs: number;
  /** Units with a fill colour in the painted choropleth. */
  fills: number;
}

/** What the probe saw; `other` is a painted level that was not the one asked for. */
interface ProbeState {
  mapCreated: number | null;
  coloured: number | null;
  complete: number | null;
  fills: number;
  other: { level: string; at: number } | null;
}

declare global {
  interface Window {
    __renderProbe?: ProbeState;
  }
}

function installProbe(expectedLevel: ExpectedLevel): void {
  const probe: ProbeState = { mapCreated: null, coloured: null, complete: null, fills: 0, other: null };
  window.__renderProbe = probe;
  const painted = () => {
    const explore = window.__povmap?.explore;
    if (!explore?.paintedKey) return null;
    if (explore.level !== expectedLevel) {
      probe.other ??= { level: explore.level, at: performance.now() };
      return null;
    }
    return explore;
  };
  const onRender = () => {
    if (probe.coloured === null && painted()) probe.coloured = performance.now();
  };
  const onIdle = () => {
    if (probe.complete !== null) return;
    const explore = painted();
    if (!explore) return;
    probe.complete = performance.now();
    probe.coloured ??= probe.complete;
    probe.fills = Object.keys(explore.fills).length;
  };
  // The hook appears when the map is created; MapLibre's first frames come after that, in a later
  // animation frame, and the choropleth needs two server round trips more, so nothing is missed.
  const findMap = () => {
    const hook = window.__povmap;
    if (!hook) return void setTimeout(findMap, 5);
    probe.mapCreated = performance.now();
    hook.map.on('render', onRender);
    hook.map.on('idle', onIdle);
  };
  findMap();
}

/** The hash route of the national choropleth of one level. */
export function choroplethRoute(level: ExpectedLevel): string {
  return `/?e2e#/?s=2025&lv=${level}&i=poor_rate&y=2025`;
}

export class LevelNotAvailable extends Error {}

/**
 * One load in a new page of `context`. Throws LevelNotAvailable when the app painted another level
 * and rewrote the link without `lv=<level>` (it does not know the view yet).
 */
export async function measureLoad(context: BrowserContext, level: ExpectedLevel, cache: boolean, timeoutMs: number): Promise<LoadSample> {
  const page = await newPage(context, cache);
  try {
    await page.addInitScript(installProbe, level);
    await page.goto(choroplethRoute(level));
    const handle = await page.waitForFunction(
      (level) => {
        const probe = window.__renderProbe;
        if (probe?.complete != null) return 'done';
        // The app falls back to the national province map and rewrites the link when it does not
        // know a route: no point waiting out the timeout then.
        if (probe?.other && !location.hash.includes(`lv=${level}`)) return `painted ${probe.other.level}, link now ${location.hash}`;
        return false;
      },
      level,
      { timeout: timeoutMs, polling: 100 },
    );
    const outcome = await handle.jsonValue();
    if (outcome !== 'done') throw new LevelNotAvailable(String(outcome));
    const probe = await page.evaluate(() => window.__renderProbe!);
    return { mapCreatedMs: probe.mapCreated!, colouredMs: probe.coloured!, completeMs: probe.complete!, fills: probe.fills };
  } finally {
    await page.close();
  }
}
