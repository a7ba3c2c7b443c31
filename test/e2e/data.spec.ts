// Dữ liệu as a planner uses it: import a review CSV written the way Excel saves it (semicolons,
// BOM, Vietnamese headers) for real Hà Tĩnh communes, see the bad row by its number, choose the
// corrected file, write it, find it in the history, see the figures through the API, undo, and see
// the old figures back. A viewer has no Dữ liệu link and is refused at #/du-lieu.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signInAs, watchErrors } from './support/map-page.ts';

interface RegistryUnit {
  structure: string;
  code: string;
  level: string;
  fullName: string;
  provinceCode: string;
}

/** Three pre-2025 communes of Hà Tĩnh (42, the demo planner's scope), from the built registry. */
function haTinhCommunes(): RegistryUnit[] {
  const path = join(process.env.GEODATA_OUT ?? 'geodata/build', 'registry.json');
  const registry = JSON.parse(readFileSync(path, 'utf8')) as { units: RegistryUnit[] };
  const communes = registry.units.filter((u) => u.structure === 'pre2025' && u.level === 'commune' && u.provinceCode === '42');
  expect(communes.length).toBeGreaterThan(3);
  return communes.slice(0, 3);
}

type Counts = { households: number | null; poor: number | null; near_poor: number | null };

/** The unit's 2024 counts as the map's click panel reads them (indicators.unit). */
async function counts2024(page: Page, code: string): Promise<Counts | null> {
  const input = encodeURIComponent(JSON.stringify({ structure: 'pre2025', code }));
  const response = await page.request.get(`/trpc/indicators.unit?input=${input}`);
  expect(response.status(), await response.text()).toBe(200);
  const summary = (await response.json()).result.data as { years: { year: number; counts: Counts }[] };
  const year = summary.years.find((y) => y.year === 2024);
  return year ? { households: year.counts.households, poor: year.counts.poor, near_poor: year.counts.near_poor } : null;
}

const HEADER = 'Mã xã;Tên xã;Năm;Tổng số hộ;Số hộ nghèo;Hộ cận nghèo';

function csvFile(name: string, lines: string[]) {
  // What Excel's "CSV UTF-8" writes: a BOM, CRLF line ends.
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8') };
}

test('a planner imports review results with a preview, fixes the file, applies, and undoes', async ({ page }) => {
  const errors = watchErrors(page);
  const communes = haTinhCommunes();
  // Figures unlike the seeded ones and different on every run, so "changed" and "back" both mean something.
  const salt = Date.now() % 50;
  const wanted = communes.map((_, i) => ({ households: 2000 + salt + i, poor: 111 + salt + i, near_poor: 77 + i }));
  const lines = (badThird: boolean) =>
    communes.map((u, i) => {
      const w = wanted[i]!;
      // Row 4 of the sheet (header is row 1): more poor households than households.
      const poor = badThird && i === 2 ? w.households + 500 : w.poor;
      return `${u.code};${u.fullName};2024;${w.households};${poor};${w.near_poor}`;
    });

  await signInAs(page, 'demo-planner');
  const before = await Promise.all(communes.map((u) => counts2024(page, u.code)));

  await page.goto('/#/du-lieu');
  await expect(page.getByTestId('nav-data')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('data-view')).toBeVisible();

  // 1. kind, file with one bad row, preview
  await expect(page.getByTestId('data-preview')).toBeDisabled();
  await page.getByTestId('data-kind-review').check();
  await page.getByTestId('data-file-input').setInputFiles(csvFile('ra-soat-ha-tinh-2024.csv', lines(true)));
  await expect(page.getByTestId('data-file-chosen')).toContainText('ra-soat-ha-tinh-2024.csv');
  await page.getByTestId('data-preview').click();
  await expect(page.getByTestId('data-summary')).toHaveText('2 dòng hợp lệ, 1 lỗi');
  const errorRow = page.getByTestId('data-error-row');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow.getByTestId('data-error-line')).toHaveText('4');
  await expect(page.getByTestId('data-mapping-row')).toHaveCount(6);
  await expect(page.getByTestId('data-apply')).toBeDisabled();

  // 2. the corrected file: clean, and "Ghi" asks before writing
  await page.getByTestId('data-file-input').setInputFiles(csvFile('ra-soat-ha-tinh-2024-da-sua.csv', lines(false)));
  await page.getByTestId('data-preview').click();
  await expect(page.getByTestId('data-summary')).toHaveText('3 dòng hợp lệ, 0 lỗi');
  await expect(page.getByTestId('data-error-row')).toHaveCount(0);
  await expect(page.getByTestId('data-sample-row')).toHaveCount(3);
  await page.getByTestId('data-apply').click();
  const dialog = page.getByTestId('data-apply-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('3 dòng');
  await page.getByTestId('data-apply-dialog-confirm').click();
  const applied = page.getByTestId('data-applied-message');
  await expect(applied).toContainText('Đã ghi lần nhập số');
  const batchId = /số (\d+)/.exec((await applied.textContent()) ?? '')?.[1];
  expect(batchId).toBeDefined();
  await expect(page.getByTestId('data-applied-map')).toHaveAttribute('href', '#/');

  // 3. the API (and so the map) shows the imported figures
  for (const [i, u] of communes.entries()) expect(await counts2024(page, u.code)).toEqual(wanted[i]);

  // 4. history: the batch, applied, by the planner; undo it
  await page.getByTestId('data-applied-history').click();
  const row = page.locator(`[data-testid=data-history-row][data-batch-id="${batchId}"]`);
  await expect(row).toHaveAttribute('data-status', 'applied');
  await expect(row).toContainText('demo-planner');
  await expect(row.getByTestId('data-history-file')).toHaveText('ra-soat-ha-tinh-2024-da-sua.csv');
  await expect(row.locator('time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await row.getByTestId('data-undo').click();
  await expect(page.getByTestId('data-undo-dialog')).toBeVisible();
  await page.getByTestId('data-undo-dialog-confirm').click();
  await expect(page.getByTestId('data-undone')).toContainText(`lần nhập số ${batchId}`);
  await expect(row).toHaveAttribute('data-status', 'reverted');
  await expect(row.getByTestId('data-undo')).toHaveCount(0);

  // 5. the figures are back
  for (const [i, u] of communes.entries()) expect(await counts2024(page, u.code)).toEqual(before[i]);

  // Export: the link names the table and the planner's structure
  await page.getByTestId('data-tab-export').click();
  await expect(page.getByTestId('data-export-link')).toHaveAttribute('href', /^\/export\/review\.xlsx\?structure=pre2025&year=\d{4}$/);

  // Phone: nothing wider than the screen
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByTestId('data-tab-import').click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 8)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(overflow, wide.join('\n')).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('a viewer has no Dữ liệu link and is refused at #/du-lieu', async ({ page }) => {
  await signInAs(page, 'demo-viewer');
  await page.goto('/#/du-lieu');
  await expect(page.getByTestId('data-forbidden')).toBeVisible();
  await expect(page.getByTestId('app-nav')).toBeVisible();
  await expect(page.getByTestId('nav-data')).toHaveCount(0);
  await expect(page.getByTestId('data-view')).toHaveCount(0);
  // The page is courtesy; the server is the protection.
  const input = encodeURIComponent(JSON.stringify({ limit: 10, offset: 0 }));
  expect((await page.request.get(`/trpc/imports.list?input=${input}`)).status()).toBe(403);
});
