// Explore: a person picks an indicator, reads the legend against the map, changes the year,
// drills into a province and shares the link. Colours are checked on the canvas itself, against
// the legend's swatches, not only against what the page says it painted.
import { expect, test, type Page } from '@playwright/test';
import type { GeoJSONSource } from 'maplibre-gl';
import { colourDistance, hexToRgba, hideLayers, openMap, project, readPixels, renderedValues, watchErrors } from './support/map-page.ts';
import { ARCHIPELAGO_IDS, boundaryLayerIds } from '../../client/map/layers.ts';

// Antialiasing and SwiftShader rounding: a fill pixel may be a few levels off its colour.
const SAME_COLOUR = 6;
const province = boundaryLayerIds('province');
const district = boundaryLayerIds('district');

/** Waits until the map is coloured for `prefix` (indicator|year|unit…) and drawn. */
async function waitForPaint(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((prefix) => window.__povmap?.explore?.paintedKey?.startsWith(prefix) ?? false, prefix);
  await page.evaluate(async () => {
    const map = window.__povmap!.map;
    const idle = new Promise((resolve) => map.once('idle', resolve));
    map.triggerRepaint();
    await idle;
  });
}

/** The legend as a person reads it: [colour, count] per class, plus the no-data row. */
async function legendOf(page: Page) {
  const rows = await page.getByTestId('legend-class').evaluateAll((items) => items.map((li) => ({ colour: li.getAttribute('data-colour')!, count: Number(li.getAttribute('data-count')) })));
  const noData = Number(await page.getByTestId('legend-no-data').getAttribute('data-count'));
  return { rows, noData };
}

async function labelPoints(page: Page, sourceId: string): Promise<Record<string, [number, number]>> {
  return page.evaluate(async (sourceId) => {
    const data = (await window.__povmap!.map.getSource<GeoJSONSource>(sourceId)!.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point>;
    return Object.fromEntries(data.features.map((f) => [String(f.properties!.code), f.geometry.coordinates as [number, number]]));
  }, sourceId);
}

/** For each unit: the canvas colour at its label point equals the legend colour of its class. */
async function expectCanvasMatchesLegend(page: Page, sourceId: string, codes: string[]): Promise<void> {
  const { rows } = await legendOf(page);
  const state = await page.evaluate(() => window.__povmap!.explore!);
  const points = await labelPoints(page, sourceId);
  for (const code of codes) {
    const value = state.valuesByCode[code];
    expect(value, `value of ${code}`).not.toBeNull();
    // classIndex: breaks[i] <= v < breaks[i+1], the top class includes the maximum
    const last = state.breaks.length - 2;
    let index = state.breaks.slice(1, -1).findIndex((edge) => value! < edge);
    if (index < 0) index = last;
    const legendColour = rows[index].colour;
    expect(state.fills[code]).toBe(legendColour);
    const [pixel] = await readPixels(page, [await project(page, points[code])]);
    expect(colourDistance(pixel, hexToRgba(legendColour)), `unit ${code} (class ${index}): ${pixel} vs ${legendColour}`).toBeLessThanOrEqual(SAME_COLOUR);
  }
}

test('explore: choropleth, legend, year change, drill-down and a shareable link', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openMap(page, '/', 'demo-viewer');

  await test.step('picking an indicator colours the 34 provinces of 2025', async () => {
    await page.getByTestId('explore-indicator').selectOption({ label: 'Tỷ lệ hộ nghèo' });
    await waitForPaint(page, 'poor_rate|2025|');
    await expect(page.getByTestId('legend-title')).toHaveText('Tỷ lệ hộ nghèo (2025)');
    const { rows, noData } = await legendOf(page);
    expect(rows).toHaveLength(5);
    expect(rows.reduce((sum, r) => sum + r.count, 0) + noData).toBe(34);
    // Vietnamese number format: decimal comma, unit after a space
    await expect(page.getByTestId('legend-class').first()).toContainText(/\d+,\d+ – \d+,\d+ %/);
    await expect(page.getByTestId('legend-no-data')).toContainText('Không có dữ liệu');
    await expect(page.getByTestId('simulated-notice')).toHaveText('Dữ liệu mô phỏng (simulated) — không phải số liệu chính thức');
    await expect(page.getByTestId('legend-source')).not.toBeEmpty();
    await expect(page).toHaveURL(/#\/\?s=2025&lv=province&i=poor_rate&y=2025&m=quantile&k=5&p=YlOrRd$/);
  });

  await test.step('canvas colours match the legend at province label points', async () => {
    await hideLayers(page, [province.label, ARCHIPELAGO_IDS.label]);
    await expectCanvasMatchesLegend(page, province.labelSource, ['14', '40', '52', '66', '68']);
    await page.screenshot({ path: testInfo.outputPath('explore-2025.png') });
  });

  await test.step('hovering a province shows its name and value', async () => {
    const points = await labelPoints(page, province.labelSource);
    const [x, y] = await project(page, points['66']);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.mouse.move(box.x + x, box.y + y);
    await expect(page.getByTestId('map-tooltip')).toContainText('Đắk Lắk');
    await expect(page.getByTestId('map-tooltip-value')).toContainText(/\d+,?\d* %/);
  });

  await test.step('switching to the old structure shows its latest year', async () => {
    await page.getByTestId('explore-structure-pre2025').check();
    await page.waitForFunction(() => window.__povmap?.explore?.paintedKey?.startsWith('poor_rate|2024|') ?? false);
    await page.evaluate(() => window.__povmap!.ready);
    await waitForPaint(page, 'poor_rate|2024|');
    await expect(page.getByTestId('explore-year')).toHaveValue('2024');
    const { rows, noData } = await legendOf(page);
    expect(rows.reduce((sum, r) => sum + r.count, 0) + noData).toBe(63);
  });

  await test.step('a year change recolours by feature-state without re-sending geometry', async () => {
    const before = await page.evaluate(() => window.__povmap!.explore!.valuesByCode);
    await page.evaluate((sourceIds) => {
      const map = window.__povmap!.map;
      const counts: Record<string, number> = {};
      (window as unknown as { __setDataCalls: Record<string, number> }).__setDataCalls = counts;
      for (const id of sourceIds) {
        const source = map.getSource<GeoJSONSource>(id)!;
        const original = source.setData.bind(source) as (...args: unknown[]) => unknown;
        counts[id] = 0;
        source.setData = ((...args: unknown[]) => {
          counts[id]++;
          return original(...args);
        }) as typeof source.setData;
      }
    }, [province.source, province.labelSource]);
    await page.getByTestId('explore-year').selectOption('2022');
    await waitForPaint(page, 'poor_rate|2022|');
    await expect(page.getByTestId('legend-title')).toHaveText('Tỷ lệ hộ nghèo (2022)');
    const after = await page.evaluate(() => window.__povmap!.explore!.valuesByCode);
    expect(Object.keys(after).length).toBe(63);
    expect(Object.keys(after).some((code) => after[code] !== before[code])).toBe(true);
    await hideLayers(page, [province.label, ARCHIPELAGO_IDS.label]);
    await expectCanvasMatchesLegend(page, province.labelSource, ['02', '38', '54', '66', '94']);
    const calls = await page.evaluate(() => (window as unknown as { __setDataCalls: Record<string, number> }).__setDataCalls);
    expect(calls).toEqual({ [province.source]: 0, [province.labelSource]: 0 });
  });

  await test.step('clicking Phú Yên shows its districts, coloured', async () => {
    const points = await labelPoints(page, province.labelSource);
    const [x, y] = await project(page, points['54']);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await waitForPaint(page, 'poor_rate|2022|54|');
    await expect(page.getByTestId('breadcrumb')).toContainText('Toàn quốc');
    await expect(page.getByTestId('breadcrumb-unit')).toHaveText('Tỉnh Phú Yên');
    const codes = await renderedValues(page, district.fill, 'code');
    expect(codes).toContain('562');
    const names = (await renderedValues(page, district.label, 'name')).map((n) => n.normalize('NFC'));
    // the source writes the old tone placement, "Tây Hoà"; both spellings name Huyện Tây Hòa
    expect(names.filter((n) => /^Huyện Tây (Hòa|Hoà)$/.test(n))).toHaveLength(1);
    const { rows, noData } = await legendOf(page);
    expect(rows.reduce((sum, r) => sum + r.count, 0) + noData).toBe(Object.keys((await page.evaluate(() => window.__povmap!.explore!)).fills).length);
    await hideLayers(page, [district.label, ARCHIPELAGO_IDS.label]);
    await expectCanvasMatchesLegend(page, district.labelSource, ['562']);
    await page.screenshot({ path: testInfo.outputPath('explore-phu-yen.png') });
    await expect(page).toHaveURL(/s=pre2025&lv=district&u=54&i=poor_rate&y=2022/);
  });

  await test.step('reloading the link reopens the same map', async () => {
    const fillsBefore = await page.evaluate(() => window.__povmap!.explore!.fills);
    await page.reload();
    await page.waitForFunction(() => window.__povmap !== undefined);
    await waitForPaint(page, 'poor_rate|2022|54|quantile|5|YlOrRd');
    await expect(page.getByTestId('breadcrumb-unit')).toHaveText('Tỉnh Phú Yên');
    await expect(page.getByTestId('explore-year')).toHaveValue('2022');
    await expect(page.getByTestId('explore-structure-pre2025')).toBeChecked();
    expect(await page.evaluate(() => window.__povmap!.explore!.fills)).toEqual(fillsBefore);
    await expect(page.getByTestId('simulated-notice')).toBeVisible();
  });

  await test.step('back returns to the national view', async () => {
    await page.getByTestId('explore-back').click();
    await waitForPaint(page, 'poor_rate|2022||');
    await expect(page.getByTestId('breadcrumb-unit')).toHaveCount(0);
    const { rows, noData } = await legendOf(page);
    expect(rows.reduce((sum, r) => sum + r.count, 0) + noData).toBe(63);
  });

  expect(errors).toEqual([]);
});
