// What the explore tests do and read as a person would: wait for the map to be coloured, read the
// legend, find where a unit is drawn, and compare the canvas with the legend's swatches.
import { expect, type Page } from '@playwright/test';
import type { GeoJSONSource } from 'maplibre-gl';
import { colourDistance, hexToRgba, project, readPixels } from './map-page.ts';

// Antialiasing and SwiftShader rounding: a fill pixel may be a few levels off its colour.
export const SAME_COLOUR = 6;

/** Waits until the map is coloured for `prefix` (indicator|year|unit…), at `level` if given, and drawn. */
export async function waitForPaint(page: Page, prefix: string, level?: 'province' | 'district' | 'commune'): Promise<void> {
  await page.waitForFunction(
    ([prefix, level]) => {
      const explore = window.__povmap?.explore;
      return (explore?.paintedKey?.startsWith(prefix) ?? false) && (level === undefined || explore?.level === level);
    },
    [prefix, level] as const,
  );
  await page.evaluate(async () => {
    const map = window.__povmap!.map;
    const idle = new Promise((resolve) => map.once('idle', resolve));
    map.triggerRepaint();
    await idle;
  });
}

/** The legend as a person reads it: [colour, count] per class, plus the no-data row. */
export async function legendOf(page: Page) {
  const rows = await page
    .getByTestId('legend-class')
    .evaluateAll((items) => items.map((li) => ({ colour: li.getAttribute('data-colour')!, count: Number(li.getAttribute('data-count')) })));
  const noData = Number(await page.getByTestId('legend-no-data').getAttribute('data-count'));
  return { rows, noData, total: rows.reduce((sum, r) => sum + r.count, 0) + noData };
}

/** Points of a GeoJSON point source by unit code. */
export async function pointsOf(page: Page, sourceId: string): Promise<Record<string, [number, number]>> {
  return page.evaluate(async (sourceId) => {
    const data = (await window.__povmap!.map.getSource<GeoJSONSource>(sourceId)!.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point>;
    return Object.fromEntries(data.features.map((f) => [String(f.properties!.code), f.geometry.coordinates as [number, number]]));
  }, sourceId);
}

/** Clicks the map where a lon/lat is drawn. */
export async function clickAt(page: Page, lngLat: [number, number]): Promise<void> {
  const [x, y] = await project(page, lngLat);
  const box = (await page.getByTestId('map-canvas').boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
}

/** For each unit: the canvas colour at its point equals the legend colour of its class. */
export async function expectCanvasMatchesLegend(page: Page, sourceId: string, codes: string[]): Promise<void> {
  const rows = await page.getByTestId('legend-class').evaluateAll((items) => items.map((li) => li.getAttribute('data-colour')!));
  const state = await page.evaluate(() => window.__povmap!.explore!);
  const points = await pointsOf(page, sourceId);
  for (const code of codes) {
    const value = state.valuesByCode[code];
    expect(value, `value of ${code}`).not.toBeNull();
    // classIndex: breaks[i] <= v < breaks[i+1], the top class includes the maximum
    const last = state.breaks.length - 2;
    let index = state.breaks.slice(1, -1).findIndex((edge) => value! < edge);
    if (index < 0) index = last;
    const legendColour = rows[index];
    expect(state.fills[code]).toBe(legendColour);
    expect(points[code], `point of ${code}`).toBeDefined();
    const [pixel] = await readPixels(page, [await project(page, points[code])]);
    expect(colourDistance(pixel, hexToRgba(legendColour)), `unit ${code} (class ${index}): ${pixel} vs ${legendColour}`).toBeLessThanOrEqual(SAME_COLOUR);
  }
}
