// Explore: the map opens on the poor-household rate; a person reads the legend against the map,
// changes the classes and the year, drills into a province and shares the link. Colours are checked on the canvas itself, against
// the legend's swatches, not only against what the page says it painted.
import { expect, test } from '@playwright/test';
import type { GeoJSONSource } from 'maplibre-gl';
import { hideLayers, openMap, project, renderedValues, watchErrors } from './support/map-page.ts';
import { clickAt, expectCanvasMatchesLegend, legendOf, pointsOf as labelPoints, waitForPaint } from './support/explore-page.ts';
import { ARCHIPELAGO_IDS, boundaryLayerIds } from '../../client/map/layers.ts';

const province = boundaryLayerIds('province');
const district = boundaryLayerIds('district');

test('explore: choropleth, legend, year change, drill-down and a shareable link', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openMap(page, '/', 'demo-viewer');

  await test.step('the map opens with the 34 provinces of 2025 coloured by the poor-household rate', async () => {
    await waitForPaint(page, 'poor_rate|2025|');
    await expect(page.getByTestId('explore-indicator')).toHaveValue('poor_rate');
    await expect(page.getByTestId('legend-title')).toHaveText('Tỷ lệ hộ nghèo (2025)');
    const { rows, total } = await legendOf(page);
    expect(rows).toHaveLength(5);
    expect(total).toBe(34);
    // Vietnamese number format: decimal comma, unit after a space
    await expect(page.getByTestId('legend-class').first()).toContainText(/\d+,\d+ – \d+,\d+ %/);
    await expect(page.getByTestId('legend-no-data')).toContainText('Không có dữ liệu');
    await expect(page.getByTestId('simulated-notice')).toHaveText('Dữ liệu mô phỏng (simulated) — không phải số liệu chính thức');
    await expect(page.getByTestId('legend-source')).not.toBeEmpty();
    await expect(page).toHaveURL(/#\/$/);
  });

  await test.step('seven classes: the legend and the link follow', async () => {
    await page.getByTestId('explore-classes').selectOption('7');
    await waitForPaint(page, 'poor_rate|2025||quantile|7|');
    const { rows, total } = await legendOf(page);
    expect(rows).toHaveLength(7);
    expect(total).toBe(34);
    await expect(page).toHaveURL(/#\/\?s=2025&lv=province&i=poor_rate&y=2025&m=quantile&k=7&p=YlOrRd$/);
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
    await clickAt(page, points['54']);
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
    await waitForPaint(page, 'poor_rate|2022|54|quantile|7|YlOrRd');
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
