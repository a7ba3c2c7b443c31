// Helpers for tests that look at the map the way a person does: what MapLibre says it drew
// (queryRenderedFeatures) and what is actually on the canvas (pixels). The page exposes
// window.__povmap only when opened with `?e2e` (client/map/test-hook.ts).
import { expect, type Page } from '@playwright/test';
import type {} from '../../../client/map/test-hook.ts'; // brings the Window.__povmap type

export type Rgba = [number, number, number, number];

/** Demo accounts (server/auth/demo-accounts.ts), present when the server runs with POVMAP_DEMO=1. */
export const DEMO_PASSWORD = 'povmap-demo';
export type DemoUser = 'demo-admin' | 'demo-planner' | 'demo-supervisor' | 'demo-viewer';

/**
 * Signs the page's browser context in through the API, as a script would: the session cookie
 * lands in the context's jar, so the page that opens next is signed in.
 */
export async function signInAs(page: Page, username: DemoUser): Promise<void> {
  const response = await page.request.post('/trpc/auth.signIn', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * Opens the app in test mode, signed in (the leader's national view by default), and waits until
 * the boundaries are drawn. `path` may carry a map link's hash (`/#/?s=pre2025&…`).
 */
export async function openMap(page: Page, path = '/', user: DemoUser = 'demo-viewer'): Promise<void> {
  await signInAs(page, user);
  const url = new URL(path, 'http://placeholder');
  url.searchParams.set('e2e', '');
  await page.goto(`${url.pathname}${url.search}${url.hash}`);
  await page.waitForFunction(() => window.__povmap !== undefined);
  await page.evaluate(() => window.__povmap!.ready);
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-state', 'ready');
}

/** Collects page errors and console errors, so a test can assert the page logged none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** Distinct values of one property over the features MapLibre rendered in `layer`. */
export async function renderedValues(page: Page, layer: string, property: string): Promise<string[]> {
  return page.evaluate(
    ([layer, property]) => {
      const features = window.__povmap!.map.queryRenderedFeatures({ layers: [layer] });
      return [...new Set(features.map((f) => String(f.properties[property])))].sort();
    },
    [layer, property] as const,
  );
}

/** Hides layers (e.g. labels, which sit on the very points we sample) and waits for a redraw. */
export async function hideLayers(page: Page, layers: string[]): Promise<void> {
  await page.evaluate(async (layers) => {
    const map = window.__povmap!.map;
    const idle = new Promise((resolve) => map.once('idle', resolve));
    for (const layer of layers) map.setLayoutProperty(layer, 'visibility', 'none');
    map.triggerRepaint();
    await idle;
  }, layers);
}

/** Screen position (CSS px) of a lon/lat. */
export async function project(page: Page, lngLat: [number, number]): Promise<[number, number]> {
  return page.evaluate((lngLat) => {
    const p = window.__povmap!.map.project(lngLat);
    return [p.x, p.y] as [number, number];
  }, lngLat);
}

/**
 * Canvas pixels at CSS-pixel positions. Reads the WebGL drawing buffer through a 2D canvas, which
 * works because test mode creates the map with preserveDrawingBuffer.
 */
export async function readPixels(page: Page, points: [number, number][]): Promise<Rgba[]> {
  return page.evaluate((points) => {
    const source = window.__povmap!.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(source, 0, 0);
    const scale = source.width / source.clientWidth;
    return points.map(([x, y]) => {
      const data = context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
      return [data[0], data[1], data[2], data[3]] as [number, number, number, number];
    });
  }, points);
}

export function hexToRgba(hex: string): Rgba {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** Largest per-channel difference. */
export function colourDistance(a: Rgba, b: Rgba): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}
