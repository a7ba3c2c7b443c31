// A supervision team lead on a phone (360 px): the map first and big enough to use, its controls
// inside the screen, nothing wider than the screen, the commune's panel below the map.
import { expect, test } from '@playwright/test';
import { OLD_COMMUNE_IDS } from '../../client/map/symbol-layers.ts';
import { openMap, watchErrors } from './support/map-page.ts';
import { clickAt, pointsOf, waitForPaint } from './support/explore-page.ts';

test.use({ viewport: { width: 360, height: 740 } });

test('on a phone: the district map, a tap on a commune, its figures below', async ({ page }) => {
  const errors = watchErrors(page);
  await openMap(page, '/#/?s=pre2025&lv=commune&u=562&i=poor_rate&y=2023', 'demo-supervisor');
  await waitForPaint(page, 'poor_rate|2023|562|');

  const canvas = (await page.getByTestId('map-canvas').boundingBox())!;
  expect(canvas.width).toBeGreaterThanOrEqual(350);
  expect(canvas.height).toBeGreaterThan(380);
  expect(canvas.y).toBeLessThan(200); // the map comes first, right under the header
  const slider = (await page.getByTestId('year-slider').boundingBox())!;
  expect(slider.x).toBeGreaterThanOrEqual(0);
  expect(slider.x + slider.width).toBeLessThanOrEqual(360);
  expect(slider.y + slider.height).toBeLessThanOrEqual(canvas.y + canvas.height);

  // a tap on Xã Hòa Đồng's symbol
  await clickAt(page, (await pointsOf(page, OLD_COMMUNE_IDS.source))['22276']);
  const panel = page.getByTestId('unit-panel');
  await expect(panel).toContainText('Xã Hòa Đồng');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
