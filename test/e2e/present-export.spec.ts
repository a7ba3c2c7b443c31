// Exporting maps for a conference: a Full HD PNG of the country and of a region, checked as a
// person would look at the file: its size, the legend's colours in the legend's place, the
// simulated notice, and Hoàng Sa and Trường Sa — on the map itself for the country, in the inset
// for a region. (The 4K PNG and the deck PDF are checked through `npm run export`, in
// test/api/present-export-cli.test.ts: same page, same buttons.)
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { projectPoint } from '../../core/present/camera.ts';
import { SHEET_FORMATS, pixelRatioOf } from '../../core/present/sheet-format.ts';
import { sheetLayout, type Rect } from '../../core/present/sheet-layout.ts';
import { ARCHIPELAGO_OUTLINE } from '../../client/map/palette.ts';
import { insetProjection } from '../../client/present/inset-geometry.ts';
import { watchErrors } from './support/map-page.ts';
import { decodePng, hasColour, openPresent, waitForSheet } from './support/present-page.ts';

/** Where each group's islands lie (both structures' units), with a little sea around them. */
const ISLANDS = {
  hoangSa: { west: 111.1, south: 15.6, east: 113.0, north: 17.2 },
  truongSa: { west: 111.3, south: 7.1, east: 117.9, north: 11.6 },
};
const SIMULATED_RED = '#b3261e';
const FORMAT = SHEET_FORMATS['1920x1080'];
const K = pixelRatioOf(FORMAT);
const LAYOUT = sheetLayout(FORMAT.css, 1);
const scaled = (r: Rect): Rect => ({ x: r.x * K, y: r.y * K, width: r.width * K, height: r.height * K });

async function exportPng(page: Page): Promise<{ bytes: Buffer; name: string }> {
  await page.getByTestId('export-size').selectOption('1920x1080');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-png').click()]);
  return { bytes: await readFile(await download.path()), name: download.suggestedFilename() };
}

test('export: Full HD PNGs of the country and of a region, with legend, notice and archipelagos', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  await openPresent(page, 'deck=country-regions&i=poor_rate&y=2023');
  const sheet = page.getByTestId('present-stage').getByTestId('present-sheet');
  const legendColours = () => sheet.getByTestId('sheet-legend-class').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-colour')!));

  await test.step('the country: legend, notice, both archipelagos on the map', async () => {
    const file = await exportPng(page);
    expect(file.name).toBe('ty-le-ho-ngheo-nam-2023-1920x1080.png');
    const map = LAYOUT.panels[0].map;
    const sheetMap = sheet.getByTestId('sheet-map');
    const center = (await sheetMap.getAttribute('data-center'))!.split(',').map(Number) as [number, number];
    const camera = { center, zoom: Number(await sheetMap.getAttribute('data-zoom')) };
    const onMap = (b: typeof ISLANDS.hoangSa) => {
      const [x0, y0] = projectPoint(camera, map, b.west, b.north);
      const [x1, y1] = projectPoint(camera, map, b.east, b.south);
      return scaled({ x: map.x + x0, y: map.y + y0, width: x1 - x0, height: y1 - y0 });
    };
    const png = await decodePng(page, file.bytes, [scaled(LAYOUT.legend), onMap(ISLANDS.hoangSa), onMap(ISLANDS.truongSa)]);
    expect([png.width, png.height]).toEqual([1920, 1080]);
    const [legend, hoangSa, truongSa] = png.regions;
    for (const colour of await legendColours()) expect(hasColour(legend, colour, 4), `legend swatch ${colour}`).toBe(true);
    expect(hasColour(legend, SIMULATED_RED, 4), 'simulated notice').toBe(true);
    expect(hasColour(hoangSa, ARCHIPELAGO_OUTLINE, 4), 'Hoàng Sa on the map').toBe(true);
    expect(hasColour(truongSa, ARCHIPELAGO_OUTLINE, 4), 'Trường Sa on the map').toBe(true);
  });

  await test.step('Tây Nguyên: the archipelagos in the inset', async () => {
    await page.getByTestId('deck-slide').nth(4).click();
    await waitForSheet(page, 'Vùng Tây Nguyên');
    await expect(sheet.getByTestId('sheet-map')).toHaveAttribute('data-inset', '1');
    const file = await exportPng(page);
    const inset = LAYOUT.panels[0].inset;
    const project = insetProjection(inset);
    const inInset = (b: typeof ISLANDS.hoangSa) => {
      const [x0, y0] = project(b.west, b.north);
      const [x1, y1] = project(b.east, b.south);
      return scaled({ x: inset.x + x0, y: inset.y + y0, width: x1 - x0, height: y1 - y0 });
    };
    const png = await decodePng(page, file.bytes, [scaled(LAYOUT.legend), inInset(ISLANDS.hoangSa), inInset(ISLANDS.truongSa), scaled(LAYOUT.panels[0].map)]);
    expect([png.width, png.height]).toEqual([1920, 1080]);
    const [legend, hoangSa, truongSa, map] = png.regions;
    for (const colour of await legendColours()) {
      expect(hasColour(legend, colour, 4), `legend swatch ${colour}`).toBe(true);
      expect(hasColour(map, colour, 4), `map drawn in ${colour}`).toBe(true);
    }
    expect(hasColour(hoangSa, ARCHIPELAGO_OUTLINE, 4), 'Hoàng Sa in the inset').toBe(true);
    expect(hasColour(truongSa, ARCHIPELAGO_OUTLINE, 4), 'Trường Sa in the inset').toBe(true);
  });

  expect(errors).toEqual([]);
});
