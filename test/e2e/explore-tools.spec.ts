// Issue 4's other ways of looking: every 2025 commune of the country at once, the years before
// 2025 shown on 2025 communes through the crosswalk (estimates flagged in the legend), the year
// slider's play button, and class edges a planner types in.
import { expect, test } from '@playwright/test';
import { boundaryLayerIds } from '../../client/map/layers.ts';
import { hideLayers, openMap, watchErrors } from './support/map-page.ts';
import { expectCanvasMatchesLegend, legendOf, waitForPaint } from './support/explore-page.ts';

const commune = boundaryLayerIds('commune');
const province = boundaryLayerIds('province');

test('all 2025 communes, earlier years through the crosswalk, play, manual breaks', async ({ page }) => {
  const errors = watchErrors(page);
  await openMap(page, '/#/?s=2025&i=poor_rate&y=2025', 'demo-viewer');
  await waitForPaint(page, 'poor_rate|2025||');

  await test.step('colour by commune: the whole country, coloured like the legend', async () => {
    await page.getByTestId('explore-level').selectOption('commune');
    await waitForPaint(page, 'poor_rate|2025||', 'commune');
    const state = await page.evaluate(() => window.__povmap!.explore!);
    expect(state.level).toBe('commune');
    expect(Object.keys(state.fills).length).toBeGreaterThan(3300);
    const { total } = await legendOf(page);
    expect(total).toBe(Object.keys(state.fills).length);
    // Zoomed to the Central Highlands, where communes are large enough to sample inside.
    const inView = await page.evaluate(async () => {
      const map = window.__povmap!.map;
      const idle = new Promise((resolve) => map.once('idle', resolve));
      map.jumpTo({ center: [108.2, 12.7], zoom: 9 });
      await idle;
      const bounds = map.getBounds();
      const data = (await map.getSource<import('maplibre-gl').GeoJSONSource>('commune-label-points')!.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point>;
      return data.features.filter((f) => bounds.contains(f.geometry.coordinates as [number, number])).map((f) => String(f.properties!.code));
    });
    expect(inView.length).toBeGreaterThan(5);
    await hideLayers(page, [commune.label, province.label, 'archipelago-label']);
    await expectCanvasMatchesLegend(page, commune.labelSource, inView.slice(0, 8));
    await expect(page).toHaveURL(/s=2025&lv=commune&i=poor_rate/);
  });

  await test.step('2024 on 2025 communes comes through the crosswalk, estimates flagged', async () => {
    await page.getByTestId('explore-year').selectOption('2024');
    await waitForPaint(page, 'poor_rate|2024||');
    await expect(page.getByTestId('legend-crosswalk')).toContainText('2024');
    const partial = Number(await page.getByTestId('legend-partial').getAttribute('data-count'));
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(3321);
    await expect(page.getByTestId('legend-partial')).toContainText('ước tính');
  });

  await test.step('play steps through the years', async () => {
    await page.getByTestId('explore-level').selectOption('province');
    await page.getByTestId('explore-year').selectOption('2022');
    await waitForPaint(page, 'poor_rate|2022||', 'province');
    // Record every year painted while it plays: a slow software-GL frame must not hide one.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __years: string[] }).__years = seen;
      setInterval(() => {
        const year = window.__povmap?.explore?.paintedKey?.split('|')[1];
        if (year && seen.at(-1) !== year) seen.push(year);
      }, 25);
    });
    await page.getByTestId('year-play').click();
    await waitForPaint(page, 'poor_rate|2025||');
    expect(await page.evaluate(() => (window as unknown as { __years: string[] }).__years)).toEqual(['2022', '2023', '2024', '2025']);
    await expect(page.getByTestId('explore-year')).toHaveValue('2025');
  });

  await test.step('manual breaks: the legend shows the typed edges and the map follows', async () => {
    await page.getByTestId('explore-method').selectOption('manual');
    const inputs = page.getByTestId('manual-break-input');
    const count = await inputs.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const edges = ['1', '2,5', '5', '10', '20', '30', '40', '50'].slice(0, count);
    for (let i = 0; i < count; i++) await inputs.nth(i).fill(edges[i]);
    await page.getByTestId('manual-breaks-apply').click();
    await waitForPaint(page, 'poor_rate|2025||manual|');
    const breaks = await page.evaluate(() => window.__povmap!.explore!.breaks);
    expect(breaks.slice(1, -1)).toEqual(edges.map((e) => Number(e.replace(',', '.'))).filter((e) => e > breaks[0] && e < breaks.at(-1)!));
    await expect(page.getByTestId('legend-class').nth(1)).toContainText('2,5');
    await expect(page).toHaveURL(/m=manual&k=\d&b=1_2\.5_5/);
    await hideLayers(page, [province.label, 'archipelago-label']);
    await expectCanvasMatchesLegend(page, province.labelSource, ['14', '40', '52', '66', '68']);
  });

  await test.step('a typing mistake is explained, and nothing changes', async () => {
    const inputs = page.getByTestId('manual-break-input');
    await inputs.nth(0).fill('abc');
    await page.getByTestId('manual-breaks-apply').click();
    await expect(page.getByTestId('manual-breaks-error').first()).toBeVisible();
    await expect(page).toHaveURL(/b=1_2\.5_5/);
  });

  expect(errors).toEqual([]);
});
