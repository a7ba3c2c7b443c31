// Presenting a deck to a hall: the country and its six regions, full screen with nothing to edit
// on it, walked with a clicker's PageDown / PageUp; each slide a titled map with its legend.
import { expect, test } from '@playwright/test';
import { watchErrors } from './support/map-page.ts';
import { openPresent, waitForSheet } from './support/present-page.ts';

test('presentation: the country-and-regions deck, full screen, clicker keys', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openPresent(page, 'deck=country-regions&i=poor_rate&y=2023');
  const stage = page.getByTestId('present-stage');
  const sheet = stage.getByTestId('present-sheet');

  await test.step('the deck lists the country and the six regions; slide 1 is the country', async () => {
    await expect(page.getByTestId('deck-slide')).toHaveCount(7);
    await expect(sheet.getByTestId('sheet-title')).toHaveText('Tỷ lệ hộ nghèo năm 2023');
    await expect(sheet.getByTestId('sheet-subtitle')).toHaveText('Toàn quốc · đơn vị hành chính trước 01/07/2025');
    await expect(sheet.getByTestId('sheet-legend-class').first()).toContainText(/\d+,\d+ – \d+,\d+ %/);
    await expect(sheet.getByTestId('sheet-simulated')).toBeVisible();
    await expect(sheet.getByTestId('sheet-source')).toContainText('Nguồn số liệu:');
    await expect(sheet.getByTestId('sheet-facts')).toContainText(/Số liệu năm 2023 · Lập bản đồ ngày \d\d\/\d\d\/\d{4}/);
    await expect(sheet.getByTestId('sheet-scale')).toBeVisible();
    await expect(sheet.getByTestId('sheet-north')).toBeVisible();
    // the national view reaches both archipelagos: no inset
    await expect(sheet.getByTestId('sheet-inset')).toHaveCount(0);
  });

  await test.step('presenting hides every editing control and the app header', async () => {
    await page.getByTestId('present-start').click();
    await expect(page.getByTestId('present-view')).toHaveAttribute('data-presenting', '1');
    await expect(page.getByTestId('present-editor')).toBeHidden();
    await expect(page.getByTestId('app-header')).toBeHidden();
    await expect(page.locator('.maplibregl-ctrl-zoom-in')).toBeHidden();
    await expect(page.getByRole('combobox')).toHaveCount(0);
    const viewport = page.viewportSize()!;
    // the 16:9 slide fills the screen's width (1280x800: letterboxed above and below), once the
    // layout has followed the switch (a busy machine draws it a frame or two later)
    await expect.poll(async () => (await sheet.boundingBox())!.width).toBeGreaterThan(viewport.width - 2);
    await expect(page.getByTestId('present-counter')).toHaveText('Trang 1/7');
    await page.screenshot({ path: testInfo.outputPath('present-1.png') });
  });

  await test.step('PageDown shows the next slide: the first region, framed and coloured alone', async () => {
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('present-counter')).toHaveText('Trang 2/7');
    await waitForSheet(page, 'Vùng Trung du và miền núi phía Bắc');
    const counts = await sheet.getByTestId('sheet-legend-class').evaluateAll((rows) => rows.map((r) => Number(r.querySelector('.count')?.textContent)));
    const noData = Number(await sheet.getByTestId('sheet-legend-no-data').locator('.count').textContent());
    expect(counts.reduce((a, b) => a + b, 0) + noData).toBe(14);
    await expect(sheet.getByTestId('sheet-legend-outside')).toBeVisible();
    // the region's own view does not reach the islands: they are in the inset
    await expect(sheet.getByTestId('sheet-inset')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('present-2.png') });
  });

  await test.step('PageUp goes back, End goes to the last region, Escape leaves', async () => {
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('present-counter')).toHaveText('Trang 1/7');
    await page.keyboard.press('End');
    await expect(page.getByTestId('present-counter')).toHaveText('Trang 7/7');
    await waitForSheet(page, 'Vùng Đồng bằng sông Cửu Long');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('present-counter')).toHaveText('Trang 7/7');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('present-editor')).toBeVisible();
    await expect(page.getByTestId('app-header')).toBeVisible();
  });

  await test.step('the explore map opens as a slide of its own', async () => {
    await page.goto('/?e2e#/?s=pre2025&lv=province&i=poor_rate&y=2022');
    await expect(page.getByTestId('legend-title')).toHaveText('Tỷ lệ hộ nghèo (2022)');
    await page.getByTestId('explore-present').click();
    await expect(page).toHaveURL(/#\/trinh-chieu\?s=pre2025&lv=province&i=poor_rate&y=2022/);
    await waitForSheet(page, 'Toàn quốc');
    await expect(page.getByTestId('deck-slide')).toHaveCount(1);
    await expect(sheet.getByTestId('sheet-title')).toHaveText('Tỷ lệ hộ nghèo năm 2022');
  });

  expect(errors).toEqual([]);
});
