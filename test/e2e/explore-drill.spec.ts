// Issue 4's drill-down, as a planner in Phú Yên does it: from the country to Tỉnh Phú Yên
// (pre-2025), to Huyện Tây Hòa, to Xã Hòa Đồng, by clicks on the map; the old communes drawn as
// symbols coloured like the legend; the commune's panel; the link reopening the same map; the
// browser's back button walking back up; and search finding the commune without the tones.
import { expect, test } from '@playwright/test';
import { boundaryLayerIds } from '../../client/map/layers.ts';
import { OLD_COMMUNE_IDS } from '../../client/map/symbol-layers.ts';
import { hideLayers, openMap, watchErrors } from './support/map-page.ts';
import { clickAt, expectCanvasMatchesLegend, legendOf, pointsOf, waitForPaint } from './support/explore-page.ts';

const province = boundaryLayerIds('province');
const district = boundaryLayerIds('district');
const PHU_YEN = '54';
const TAY_HOA = '562';
const HOA_DONG = '22276';

test('drill-down by clicks: Tỉnh Phú Yên → Huyện Tây Hòa → Xã Hòa Đồng, then back', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openMap(page, '/#/?s=pre2025&i=poor_rate&y=2023', 'demo-viewer');
  await waitForPaint(page, 'poor_rate|2023||');

  await test.step('click Phú Yên: its districts', async () => {
    await clickAt(page, (await pointsOf(page, province.labelSource))[PHU_YEN]);
    await waitForPaint(page, `poor_rate|2023|${PHU_YEN}|`);
    await expect(page.getByTestId('breadcrumb-unit')).toHaveText(['Tỉnh Phú Yên']);
  });

  await test.step('click Tây Hòa: its old communes as symbols, coloured like the legend', async () => {
    await clickAt(page, (await pointsOf(page, district.labelSource))[TAY_HOA]);
    await waitForPaint(page, `poor_rate|2023|${TAY_HOA}|`);
    const steps = page.getByTestId('breadcrumb-unit');
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(1)).toHaveText(/^Huyện Tây (Hòa|Hoà)$/);
    await expect(page.getByTestId('symbols-note')).toBeVisible();
    const state = await page.evaluate(() => window.__povmap!.explore!);
    expect(state.level).toBe('commune');
    const codes = Object.keys(state.fills);
    expect(codes).toContain(HOA_DONG);
    const { total } = await legendOf(page);
    expect(total).toBe(codes.length);
    // Every old commune has its own place: none hides another.
    const points = await pointsOf(page, OLD_COMMUNE_IDS.source);
    expect(new Set(Object.values(points).map((p) => p.join(','))).size).toBe(Object.keys(points).length);
    await hideLayers(page, [OLD_COMMUNE_IDS.label, district.label]);
    await expectCanvasMatchesLegend(page, OLD_COMMUNE_IDS.source, codes.filter((c) => state.valuesByCode[c] !== null));
    await page.screenshot({ path: testInfo.outputPath('tay-hoa-communes.png') });
    await expect(page).toHaveURL(new RegExp(`s=pre2025&lv=commune&u=${TAY_HOA}&i=poor_rate&y=2023`));
  });

  await test.step("the map's table downloads as a spreadsheet with the same figures", async () => {
    const href = await page.getByTestId('explore-download-csv').getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    const text = (await response.body()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const line = text.split(/\r?\n/).find((l) => l.startsWith(`${HOA_DONG},`));
    expect(line, 'Xã Hòa Đồng in the CSV').toContain('Xã Hòa Đồng');
    const value = await page.evaluate((code) => window.__povmap!.explore!.valuesByCode[code], HOA_DONG);
    expect(line).toContain(String(value));
  });

  await test.step('click Xã Hòa Đồng: its figures, trend and targets', async () => {
    await clickAt(page, (await pointsOf(page, OLD_COMMUNE_IDS.source))[HOA_DONG]);
    const panel = page.getByTestId('unit-panel');
    await expect(panel).toContainText('Xã Hòa Đồng');
    await expect(panel).toContainText(/Huyện Tây (Hòa|Hoà)/);
    const rate = await panel.locator('[data-testid="unit-figure"][data-key="poorRate"]').getAttribute('data-value');
    const value = await page.evaluate((code) => window.__povmap!.explore!.valuesByCode[code], HOA_DONG);
    expect(Number(rate)).toBeCloseTo(value!, 2);
    await expect(panel.getByTestId('unit-trend')).toBeVisible();
    await expect(panel).toContainText('Dữ liệu mô phỏng');
    await expect(page).toHaveURL(new RegExp(`sel=${HOA_DONG}`));
  });

  await test.step('the link reopens the same map with the same panel', async () => {
    const fills = await page.evaluate(() => window.__povmap!.explore!.fills);
    await page.reload();
    await page.waitForFunction(() => window.__povmap !== undefined);
    await waitForPaint(page, `poor_rate|2023|${TAY_HOA}|`);
    expect(await page.evaluate(() => window.__povmap!.explore!.fills)).toEqual(fills);
    await expect(page.getByTestId('unit-panel')).toContainText('Xã Hòa Đồng');
    await expect(page.getByTestId('breadcrumb-unit')).toHaveCount(2);
  });

  await test.step("the browser's back button walks back up", async () => {
    await page.goBack();
    await expect(page).not.toHaveURL(/sel=/);
    await expect(page.getByTestId('unit-panel')).not.toContainText('Xã Hòa Đồng');
    await page.goBack();
    await waitForPaint(page, `poor_rate|2023|${PHU_YEN}|`);
    await expect(page.getByTestId('breadcrumb-unit')).toHaveText(['Tỉnh Phú Yên']);
    await page.goBack();
    await waitForPaint(page, 'poor_rate|2023||');
    await expect(page.getByTestId('breadcrumb-unit')).toHaveCount(0);
  });

  await test.step('search without tones flies to Xã Hòa Đồng', async () => {
    await page.getByTestId('search-input').fill('hoa dong');
    const result = page.getByTestId('search-result').filter({ hasText: 'Xã Hòa Đồng' }).filter({ hasText: /Tây (Hòa|Hoà)/ });
    await result.first().click();
    await waitForPaint(page, `poor_rate|2023|${TAY_HOA}|`);
    await expect(page.getByTestId('unit-panel')).toContainText('Xã Hòa Đồng');
    await expect(page).toHaveURL(new RegExp(`u=${TAY_HOA}&sel=${HOA_DONG}`));
    // flown to: the commune's symbol is on screen, near the middle
    await page.waitForFunction(() => !window.__povmap!.map.isMoving());
    const [lon, lat] = (await pointsOf(page, OLD_COMMUNE_IDS.source))[HOA_DONG];
    expect(await page.evaluate(([lon, lat]) => window.__povmap!.map.getBounds().contains([lon, lat]), [lon, lat])).toBe(true);
  });

  expect(errors).toEqual([]);
});
