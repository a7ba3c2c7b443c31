// Issue 6 as a planner of Hà Tĩnh does it: rank the province's communes, see the ranking on the
// map in the legend's colours, select a commune in the table and see it outlined on the map and
// why it ranks there, click one on the map and find its row, change the weights, pick the top
// communes, save the set (author and date shown), download it, send it to visit planning, and
// compare it with a second set.
import { expect, test, type Page } from '@playwright/test';
import { boundaryLayerIds } from '../../client/map/layers.ts';
import { hideLayers, openMap, project, watchErrors } from './support/map-page.ts';
import { clickAt, expectCanvasMatchesLegend, pointsOf } from './support/explore-page.ts';

const commune = boundaryLayerIds('commune');
const HA_TINH = '42';
// sets outlive a run on a reused local server: names unique to this run
const RUN = Date.now().toString(36);
const SET_A = `Hà Tĩnh — nhu cầu cao nhất ${RUN}`;
const SET_B = `Hà Tĩnh — chậm chỉ tiêu ${RUN}`;

async function waitForRanking(page: Page, unit: string | null): Promise<void> {
  await page.waitForFunction((unit) => {
    const state = window.__povmap?.explore;
    return state?.paintedKey !== null && state?.paintedKey !== undefined && state.unit === unit;
  }, unit);
  await expect(page.getByTestId('priority-row').first()).toBeVisible();
  await page.evaluate(async () => {
    const map = window.__povmap!.map;
    const idle = new Promise((resolve) => map.once('idle', resolve));
    map.triggerRepaint();
    await idle;
  });
}

const scores = (page: Page) => page.getByTestId('priority-score').allTextContents().then((texts) => texts.map((t) => Number(t.replace(/\./g, '').replace(',', '.'))));

test('a planner ranks Hà Tĩnh’s communes, reads why, saves, sends and compares sets', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openMap(page, '/#/uu-tien', 'demo-planner');
  await expect(page.getByTestId('prioritise-view')).toBeVisible();
  await page.getByTestId('priority-province').selectOption(HA_TINH);
  await waitForRanking(page, HA_TINH);

  let topCode: string | null = null;
  await test.step('the ranking: best first, only the planner’s province, coloured like the legend on the map', async () => {
    topCode = await page.getByTestId('priority-row').first().getAttribute('data-code');
    await expect(page.getByTestId('priority-summary')).toContainText('so sánh với 3.321 xã');
    const first = await scores(page);
    expect(first.length).toBe(50);
    expect([...first].sort((a, b) => b - a)).toEqual(first);
    const state = await page.evaluate(() => window.__povmap!.explore!);
    const codes = Object.keys(state.fills);
    expect(codes.length).toBeGreaterThan(50);
    await hideLayers(page, [commune.label]);
    const sample = codes.filter((c) => state.valuesByCode[c] !== null).filter((_, i) => i % 8 === 0);
    await expectCanvasMatchesLegend(page, commune.labelSource, sample);
    await page.screenshot({ path: testInfo.outputPath('ha-tinh-priority.png') });
  });

  await test.step('selecting a row outlines the commune on the map and explains its rank', async () => {
    const row = page.getByTestId('priority-row').nth(2);
    const code = (await row.getAttribute('data-code'))!;
    await row.getByRole('button').click();
    const why = page.getByTestId('priority-why');
    await expect(why).toBeVisible();
    await expect(why.getByRole('heading')).toContainText(/xếp hạng 3/);
    const points = await why.locator('[data-points]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-points'))));
    const score = Number((await row.getByTestId('priority-score').textContent())!.replace(',', '.'));
    expect(points.reduce((s, p) => s + p, 0)).toBeCloseTo(score, 0);
    await expect(why.getByTestId('priority-why-poor_rate')).toContainText(/cao hơn \d+ % số xã/);
    const outlined = await page.evaluate(() => {
      const map = window.__povmap!.map;
      return map.getLayer('selected-outline') ? JSON.stringify(map.getFilter('selected-outline')) : null;
    });
    expect(outlined).toContain(code);
  });

  await test.step('clicking a commune on the map selects its row in the table', async () => {
    // back to the whole province (the row's selection flew the map to its commune)
    await page.evaluate(async () => {
      const map = window.__povmap!.map;
      map.stop();
      map.jumpTo({ center: [105.75, 18.3], zoom: 8 });
      await new Promise((resolve) => map.once('idle', resolve));
    });
    const state = await page.evaluate(() => window.__povmap!.explore!);
    const points = await pointsOf(page, commune.labelSource);
    const selectedCode = await page.locator('[data-testid="priority-row"].selected').getAttribute('data-code');
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    // a commune drawn in the open middle of the map, away from the legend and the controls
    let target: string | undefined;
    for (const code of Object.keys(state.fills).filter((c) => state.valuesByCode[c] !== null && c !== selectedCode)) {
      const [x, y] = await project(page, points[code]!);
      if (x > box.width * 0.2 && x < box.width * 0.6 && y > box.height * 0.2 && y < box.height * 0.8) {
        target = code;
        break;
      }
    }
    expect(target, 'a commune in the middle of the map').toBeDefined();
    await clickAt(page, points[target!]!);
    const selected = page.locator('[data-testid="priority-row"].selected');
    await expect(selected).toHaveAttribute('data-code', target!);
    await expect(page.getByTestId('priority-why')).toBeVisible();
  });

  await test.step('weights and presets change the ranking', async () => {
    const before = topCode;
    await page.getByTestId('priority-preset-behind_target').click();
    await expect(page.getByTestId('priority-preset-behind_target')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => page.getByTestId('priority-row').first().getAttribute('data-code')).not.toBe(before);
    await page.getByTestId('priority-weight-poor').fill('5');
    await expect(page.getByTestId('priority-custom')).toBeVisible();
    await page.getByTestId('priority-preset-highest_need').click();
    await expect.poll(() => page.getByTestId('priority-row').first().getAttribute('data-code')).toBe(before);
  });

  let firstSet: string[] = [];
  await test.step('pick the top 20, save them as a named set, download it, send it to visit planning', async () => {
    await page.getByTestId('priority-pick-top').click();
    await expect(page.getByTestId('priority-picked')).toHaveText('Đã chọn 20 xã');
    firstSet = await page.getByTestId('priority-row').evaluateAll((rows) => rows.slice(0, 20).map((r) => r.getAttribute('data-code')!));
    await page.getByTestId('priority-set-name').fill(SET_A);
    await page.getByTestId('priority-save').click();
    await expect(page.getByTestId('priority-message')).toHaveText(`Đã lưu «${SET_A}».`);
    const set = page.getByTestId('priority-set').filter({ hasText: SET_A });
    await expect(set).toContainText(/20 xã · .+ · \d{2}\/\d{2}\/\d{4}/);
    const csv = await page.request.get((await set.getByTestId('priority-set-csv').getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).split(/\r?\n/).filter((l) => l.startsWith(`${SET_A},`));
    expect(lines.map((l) => l.split(',')[2]).sort()).toEqual([...firstSet].sort());
    await set.getByTestId('priority-set-send').click();
    await expect(set.getByTestId('priority-set-sent')).toContainText('Đã gửi lập kế hoạch');
  });

  await test.step('a second set from another ranking, compared with the first', async () => {
    await page.getByRole('button', { name: 'Bỏ chọn' }).click();
    await page.getByTestId('priority-preset-behind_target').click();
    await expect.poll(() => page.getByTestId('priority-row').first().getAttribute('data-code')).not.toBe(firstSet[0]);
    await page.getByTestId('priority-pick-top').click();
    await page.getByTestId('priority-set-name').fill(SET_B);
    await page.getByTestId('priority-save').click();
    await expect(page.getByTestId('priority-set').filter({ hasText: SET_B })).toHaveCount(1);
    await page.getByTestId('priority-compare-a').selectOption({ label: SET_A });
    await page.getByTestId('priority-compare-b').selectOption({ label: SET_B });
    await page.getByTestId('priority-compare-run').click();
    const count = async (id: string) => Number(/\((\d+)\)/.exec((await page.getByTestId(id).textContent())!)![1]);
    await expect(page.getByTestId('priority-comparison')).toBeVisible();
    const [both, onlyA, onlyB] = [await count('priority-compare-both'), await count('priority-compare-only-a'), await count('priority-compare-only-b')];
    expect(both + onlyA).toBe(20);
    expect(both + onlyB).toBe(20);
    expect(onlyA).toBeGreaterThan(0);
  });
  expect(errors).toEqual([]);
});

test('a leader sees the ranking and its reasons but cannot save sets', async ({ page }) => {
  await openMap(page, '/#/uu-tien', 'demo-viewer');
  await waitForRanking(page, null);
  await expect(page.getByTestId('priority-summary')).toContainText('3.321 xã');
  await expect(page.getByTestId('priority-save-form')).toHaveCount(0);
  await expect(page.getByText('Chỉ cán bộ kế hoạch và quản trị lưu được danh sách.')).toBeVisible();
  await page.getByTestId('priority-formula').locator('summary').click();
  await expect(page.getByTestId('priority-formula')).toContainText('Điểm = 100 × tổng (trọng số × giá trị thang)');
});
