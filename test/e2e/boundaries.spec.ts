// Issue 5: a province uploads its own boundaries for old communes (which have none in the open
// sources), and the map draws those communes as areas instead of points — coloured like the
// legend — until the upload is undone.
import { expect, test, type Page } from '@playwright/test';
import { OLD_COMMUNE_IDS, UPLOADED_COMMUNE_IDS } from '../../client/map/symbol-layers.ts';
import { hideLayers, openMap, watchErrors } from './support/map-page.ts';
import { expectCanvasMatchesLegend, pointsOf, waitForPaint } from './support/explore-page.ts';

const TAY_HOA = '562';
const UPLOADED = ['22276', '22294']; // Xã Hòa Đồng, Xã Hòa Thịnh

async function labelPoint(page: Page, code: string): Promise<[number, number]> {
  const input = encodeURIComponent(JSON.stringify({ structure: 'pre2025', code }));
  const response = await page.request.get(`/trpc/units.get?input=${input}`);
  return (await response.json()).result.data.labelPoint;
}

/** Small squares (±0.003°, ~330 m) around the communes' points: inside their 2025 commune and district. */
function geoJson(points: Record<string, [number, number]>) {
  const half = 0.003;
  const features = Object.entries(points).map(([code, [lon, lat]]) => ({
    type: 'Feature',
    properties: { MA_XA: code },
    geometry: { type: 'Polygon', coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]] },
  }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
}

test('uploaded old-commune boundaries replace the symbols on the map, until undone', async ({ page }) => {
  const errors = watchErrors(page);
  await openMap(page, `/#/?s=pre2025&lv=commune&u=${TAY_HOA}&i=poor_rate&y=2023`, 'demo-admin');
  const points = Object.fromEntries(await Promise.all(UPLOADED.map(async (code) => [code, await labelPoint(page, code)] as const)));

  await page.goto('/?e2e#/du-lieu');
  await page.getByTestId('data-tab-boundary').click();
  await page.getByTestId('boundary-file').setInputFiles({ name: 'tay-hoa.geojson', mimeType: 'application/geo+json', buffer: geoJson(points) });
  await expect(page.getByTestId('boundary-summary')).toHaveAttribute('data-accepted', '2');
  await expect(page.getByTestId('boundary-summary')).toHaveAttribute('data-errors', '0');
  await expect(page.getByTestId('boundary-units')).toContainText('Xã Hòa Đồng');
  await page.getByTestId('boundary-commit').click();
  await expect(page.getByTestId('boundary-done')).toBeVisible();

  await page.goto(`/?e2e#/?s=pre2025&lv=commune&u=${TAY_HOA}&i=poor_rate&y=2023`);
  await page.waitForFunction(() => window.__povmap !== undefined);
  await waitForPaint(page, `poor_rate|2023|${TAY_HOA}|`);
  const symbols = await pointsOf(page, OLD_COMMUNE_IDS.source);
  for (const code of UPLOADED) expect(symbols[code], `no symbol for ${code}`).toBeUndefined();
  expect(Object.keys(symbols).length).toBeGreaterThan(5);
  await hideLayers(page, [OLD_COMMUNE_IDS.label, UPLOADED_COMMUNE_IDS.label, 'district-label']);
  // the square's middle is the commune's point: the area there has the legend colour of its class
  await page.evaluate(
    ([sourceId, points]) => {
      const map = window.__povmap!.map;
      map.addSource(sourceId, {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: Object.entries(points).map(([code, p]) => ({ type: 'Feature', properties: { code }, geometry: { type: 'Point', coordinates: p } })) },
      });
    },
    ['uploaded-centres', points] as const,
  );
  await expectCanvasMatchesLegend(page, 'uploaded-centres', UPLOADED);

  // undo from the history: the points come back
  await page.goto('/?e2e#/du-lieu');
  await page.getByTestId('data-tab-history').click();
  const row = page.getByTestId('data-history-row').filter({ hasText: 'tay-hoa.geojson' }).first();
  await row.getByTestId('data-undo').click();
  await page.getByTestId('data-undo-dialog-confirm').click();
  await expect(row).toHaveAttribute('data-status', 'reverted');
  await page.goto(`/?e2e#/?s=pre2025&lv=commune&u=${TAY_HOA}&i=poor_rate&y=2023`);
  await page.waitForFunction(() => window.__povmap !== undefined);
  await waitForPaint(page, `poor_rate|2023|${TAY_HOA}|`);
  const after = await pointsOf(page, OLD_COMMUNE_IDS.source);
  for (const code of UPLOADED) expect(after[code]).toBeDefined();
  expect(errors).toEqual([]);
});
