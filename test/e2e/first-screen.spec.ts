// Issue 2 §6, the first screen: opening the app shows the 34 provinces of the 2025 structure with
// their names, Hoàng Sa and Trường Sa, over a sea-coloured background, coloured by the poor-
// household rate (issue 4: the headline figure first). Checked twice over: by what MapLibre
// reports it rendered, and by the colours on the canvas.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { GeoJSONSource } from 'maplibre-gl';
import { ARCHIPELAGO_IDS, boundaryLayerIds } from '../../client/map/layers.ts';
import { ARCHIPELAGO_OUTLINE, LAND, SEA } from '../../client/map/palette.ts';
import {
  colourDistance,
  hexToRgba,
  hideLayers,
  openMap,
  signInAs,
  project,
  readPixels,
  renderedValues,
  watchErrors,
} from './support/map-page.ts';

const province = boundaryLayerIds('province');

// SwiftShader renders exactly, but blending of outlines and halos shifts edge pixels a little.
const SAME_COLOUR = 4;
const DIFFERENT_COLOUR = 24;

test('opens on the national map of the 2025 structure', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const geoResponses: { path: string; status: number; bytes: number }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/geo/')) return;
    geoResponses.push({
      path: url.pathname,
      status: response.status(),
      bytes: Number(response.headers()['content-length'] ?? Number.NaN),
    });
  });
  await openMap(page);

  await test.step('Vietnamese chrome', async () => {
    await expect(page.getByTestId('app-title')).toHaveText('Bản đồ giảm nghèo bền vững');
    await expect(page.getByTestId('map-caption')).toContainText('34 tỉnh, thành phố');
    await expect(page.getByTestId('map-caption')).toContainText('01/07/2025');
    const attribution = page.getByTestId('map-attribution');
    await expect(attribution).toContainText('Nguồn dữ liệu');
    for (const credit of [
      'NXB Tài nguyên - Môi trường và Bản đồ',
      'thanglequoc/vietnamese-provinces-database (MIT)',
      'daohoangson/dvhcvn (GPL-3.0)',
      'gis.chinhphu.vn',
      'dvhcvn/20250701 (MIT)',
    ]) {
      await expect(attribution).toContainText(credit);
    }
    await expect(page.getByTestId('map-loading')).toHaveCount(0);
    await expect(page.getByTestId('map-error')).toHaveCount(0);
    await expect(page.getByTestId('map-warning-archipelagos')).toHaveCount(0);
  });

  await test.step('geometry is read by bbox over HTTP Range, country level of detail only', async () => {
    expect(geoResponses.length).toBeGreaterThan(0);
    for (const response of geoResponses) {
      expect(response.status, response.path).toBe(206);
      expect(response.path).not.toContain('.detail.');
    }
    const paths = new Set(geoResponses.map((r) => r.path));
    expect([...paths].sort()).toEqual([
      '/geo/2025/commune.country.fgb',
      '/geo/2025/province.country.fgb',
      '/geo/2025/province.labels.fgb',
    ]);
    // Whole country: ~0.2 MB of provinces and labels, plus the index pages and two island units
    // of the commune file (1.8 MB in all, which must not be downloaded whole).
    const total = geoResponses.reduce((sum, r) => sum + r.bytes, 0);
    expect(total).toBeLessThan(1_000_000);
  });

  await test.step('the initial view includes both archipelagos', async () => {
    const bounds = await page.evaluate(() => window.__povmap!.map.getBounds().toArray());
    const [[west, south], [east, north]] = bounds;
    expect(west).toBeLessThanOrEqual(102);
    expect(east).toBeGreaterThanOrEqual(117.5);
    expect(south).toBeLessThanOrEqual(7.5);
    expect(north).toBeGreaterThanOrEqual(23.5);
  });

  await test.step('all 34 provinces are rendered', async () => {
    const codes = await renderedValues(page, province.fill, 'code');
    expect(codes).toHaveLength(34);
    expect(codes).toEqual(expect.arrayContaining(['01', '48', '56', '66', '79']));
  });

  await test.step('province labels carry Vietnamese diacritics', async () => {
    const names = (await renderedValues(page, province.label, 'name')).map((n) => n.normalize('NFC'));
    expect(names).toContain('Tỉnh Đắk Lắk');
    expect(names).toContain('Thành phố Hồ Chí Minh');
    expect(names).toContain('Thành phố Hà Nội');
    const labels = await renderedValues(page, province.label, 'label');
    expect(labels).toEqual(expect.arrayContaining(['Đắk Lắk', 'TP. Hồ Chí Minh', 'TP. Hà Nội', 'TP. Huế']));
  });

  await test.step('Hoàng Sa and Trường Sa are drawn and labelled', async () => {
    const units = await renderedValues(page, ARCHIPELAGO_IDS.outline, 'code');
    expect(units).toEqual(expect.arrayContaining(['20333', '22736']));
    const labels = await renderedValues(page, ARCHIPELAGO_IDS.label, 'name');
    expect(labels).toEqual(['Quần đảo Hoàng Sa (Đà Nẵng)', 'Quần đảo Trường Sa (Khánh Hòa)']);
  });

  // For people: what the first screen looked like in this run.
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'first-screen.png') });

  await test.step('pixels: provinces coloured by the poor-household rate, sea and island outlines', async () => {
    await page.waitForFunction(() => window.__povmap?.explore?.paintedKey?.startsWith('poor_rate|2025|') ?? false);
    await expect(page.getByTestId('legend-title')).toHaveText('Tỷ lệ hộ nghèo (2025)');
    const fills = await page.evaluate(() => window.__povmap!.explore!.fills);
    expect(Object.keys(fills)).toHaveLength(34);
    // Labels are drawn on the very points sampled below; take them away first.
    await hideLayers(page, [province.label, ARCHIPELAGO_IDS.label]);

    const labelPoints = await page.evaluate(async (sourceId) => {
      const data = (await window.__povmap!.map.getSource<GeoJSONSource>(sourceId)!.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point>;
      return Object.fromEntries(data.features.map((f) => [String(f.properties!.code), f.geometry.coordinates as [number, number]]));
    }, province.labelSource);
    // Large provinces from north to south: a label point sits well inside them.
    for (const code of ['14', '40', '52', '66', '68']) {
      expect(labelPoints[code], `label point of province ${code}`).toBeDefined();
      const [pixel] = await readPixels(page, [await project(page, labelPoints[code])]);
      expect(fills[code], `legend colour of province ${code}`).toMatch(/^#[0-9a-f]{6}$/i);
      expect(fills[code]).not.toBe(LAND);
      expect(colourDistance(pixel, hexToRgba(fills[code])), `fill of province ${code}: ${pixel} vs ${fills[code]}`).toBeLessThanOrEqual(SAME_COLOUR);
    }

    // Open sea between the archipelagos, and south-west of the Cà Mau peninsula.
    for (const lngLat of [
      [112.5, 13.0],
      [103.0, 8.0],
    ] as [number, number][]) {
      const [pixel] = await readPixels(page, [await project(page, lngLat)]);
      expect(colourDistance(pixel, hexToRgba(SEA)), `sea at ${lngLat}: ${pixel}`).toBeLessThanOrEqual(SAME_COLOUR);
    }

    // Island outlines: most ring vertices must be drawn in something clearly not sea.
    const vertices = await page.evaluate(async (sourceId) => {
      const map = window.__povmap!.map;
      const data = (await map.getSource<GeoJSONSource>(sourceId)!.getData()) as GeoJSON.FeatureCollection<GeoJSON.MultiPolygon | GeoJSON.Polygon>;
      return Object.fromEntries(
        data.features.map((f) => {
          const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
          const points = polygons.flat(2).map((c) => {
            const p = map.project(c as [number, number]);
            return [p.x, p.y] as [number, number];
          });
          return [String(f.properties!.code), points];
        }),
      );
    }, ARCHIPELAGO_IDS.source);
    for (const code of ['20333', '22736']) {
      const points = vertices[code];
      expect(points?.length, `vertices of ${code}`).toBeGreaterThan(0);
      const pixels = await readPixels(page, points);
      const drawn = pixels.filter((p) => colourDistance(p, hexToRgba(SEA)) >= DIFFERENT_COLOUR);
      expect(drawn.length / pixels.length, `share of ${code} vertices not sea`).toBeGreaterThan(0.5);
      // And the colour is the outline's, not something else painted there.
      const outline = hexToRgba(ARCHIPELAGO_OUTLINE);
      expect(pixels.some((p) => colourDistance(p, outline) <= DIFFERENT_COLOUR)).toBe(true);
    }
  });

  expect(errors).toEqual([]);
});

test('switches the interface to English and back', async ({ page }) => {
  await openMap(page);
  await page.getByTestId('locale-en').click();
  await expect(page.getByTestId('app-title')).toHaveText('Sustainable Poverty Reduction Map');
  await expect(page.getByTestId('map-caption')).toContainText('34 provinces and cities');
  await expect
    .poll(() => renderedValues(page, ARCHIPELAGO_IDS.label, 'name'))
    .toEqual(['Hoang Sa Archipelago (Da Nang)', 'Truong Sa Archipelago (Khanh Hoa)']);
  // Place names stay as the source writes them in either language.
  expect(await renderedValues(page, province.label, 'label')).toContain('Đắk Lắk');

  await page.getByTestId('locale-vi').click();
  await expect(page.getByTestId('app-title')).toHaveText('Bản đồ giảm nghèo bền vững');
});

test('shows a readable error when boundaries cannot be loaded, and recovers on retry', async ({ page }) => {
  await signInAs(page, 'demo-viewer');
  await page.route('**/geo/**', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.goto('/?e2e');

  const error = page.getByTestId('map-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Không tải được bản đồ');
  await expect(page.getByTestId('map-error-detail')).toContainText('/geo/2025/');
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-state', 'error');

  await page.unroute('**/geo/**');
  await page.getByTestId('map-error-retry').click();
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-state', 'ready');
  await expect(error).toHaveCount(0);
  expect(await renderedValues(page, province.fill, 'code')).toHaveLength(34);
});
