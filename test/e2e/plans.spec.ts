// Issue 7 "Plans and routes" + "Map" as the Hà Tĩnh planner does it: give two teams their base and
// hours, make a plan over three days from a priority set sent to planning, read the routes on the
// map (team-coloured lines, numbered stops) and in the list (arrival times, day totals), move a
// stop to another day and see the plan re-checked, lock a stop and re-solve the rest, send the
// plan to the teams; then a viewer reads it without any edit control, on a phone too.
import { expect, test, type Page } from '@playwright/test';
import type { GeoJSONSource } from 'maplibre-gl';
import { boundaryLayerIds } from '../../client/map/layers.ts';
import { PICKED_COLOUR, teamColour } from '../../client/views/plans/plan-colours.ts';
import { ROUTE_IDS } from '../../client/views/plans/route-layers.ts';
import { colourDistance, hexToRgba, hideLayers, openMap, project, readPixels, signInAs, watchErrors } from './support/map-page.ts';
import { clickAt, pointsOf } from './support/explore-page.ts';

const HA_TINH = '42';
const RUN = Date.now().toString(36);
const SET_NAME = `Hà Tĩnh — kế hoạch e2e ${RUN}`;
const PLAN_NAME = `Đợt giám sát e2e ${RUN}`;

/** A Monday at least a week ahead, and the two days after it ('YYYY-MM-DD'). */
function nextWeek(): [string, string, string] {
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + 7 + ((8 - day.getUTCDay()) % 7));
  return [0, 1, 2].map((i) => new Date(day.getTime() + i * 86_400_000).toISOString().slice(0, 10)) as [string, string, string];
}

async function csrf(page: Page): Promise<string> {
  const me = await (await page.request.get('/trpc/auth.me')).json();
  return me.result.data.csrfToken as string;
}

async function mutate(page: Page, path: string, input: unknown): Promise<any> {
  const response = await page.request.post(`/trpc/${path}`, { data: input, headers: { 'X-Povmap-CSRF': await csrf(page) } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).result.data;
}

async function query(page: Page, path: string, input: unknown): Promise<any> {
  const response = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).result.data;
}

/** The planner's set: Hà Tĩnh's 8 neediest 2025 communes, saved and sent to planning (as #/uu-tien does). */
async function sendSet(page: Page): Promise<void> {
  const rank = { structure: '2025', year: 2025, weights: { poor_rate: 1 }, filters: { provinces: [HA_TINH] } };
  const ranking = await query(page, 'priority.rank', rank);
  const codes = ranking.rows.slice(0, 8).map((r: { code: string }) => r.code);
  const { id } = await mutate(page, 'priority.sets.save', { ...rank, name: SET_NAME, codes });
  await mutate(page, 'priority.sets.sendToPlanning', { id });
}

/** Waits until the route layers show the plan as the list does, and the map has drawn it. */
async function waitForRoutes(page: Page): Promise<void> {
  const id = await page.getByTestId('plan-detail').getAttribute('data-id');
  await page.waitForFunction((id) => document.querySelector('[data-testid="plans-view"]')?.getAttribute('data-drawn-plan')?.startsWith(`${id}|`), id);
  await page.evaluate(async () => {
    const map = window.__povmap!.map;
    const idle = new Promise((resolve) => map.once('idle', resolve));
    map.triggerRepaint();
    await idle;
  });
}

const stopRow = (page: Page, code: string) => page.locator(`[data-testid="plan-stop"][data-code="${code}"]`);
const place = async (page: Page, code: string) => {
  const row = stopRow(page, code);
  return { team: await row.getAttribute('data-team'), day: await row.getAttribute('data-day'), order: await row.getAttribute('data-order') };
};

test('a planner sets up teams, plans routes from a priority set, edits and sends them; a viewer reads them', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const [monday, tuesday, wednesday] = nextWeek();
  await signInAs(page, 'demo-planner');
  await sendSet(page);
  await openMap(page, '/#/giam-sat', 'demo-planner');
  await expect(page.getByTestId('plans-view')).toBeVisible();

  const teamIds: string[] = [];
  await test.step('two Hà Tĩnh teams get a base, hours and service time; a wrong form is refused in Vietnamese', async () => {
    await page.getByTestId('plans-tab-teams').click();
    await page.getByTestId('teams-province').selectOption(`2025:${HA_TINH}`);
    const teams = page.getByTestId('team');
    await expect(teams.nth(1)).toBeVisible();
    for (const [i, [lon, lat]] of [[105.9, 18.34], [105.69, 18.52]].entries()) {
      const team = teams.nth(i);
      teamIds.push((await team.getAttribute('data-id'))!);
      await team.getByTestId('team-edit').click();
      const form = page.getByTestId('team-form');
      await form.getByTestId('team-base-point').check();
      await form.getByTestId('team-base-lon').fill(String(lon).replace('.', ','));
      await form.getByTestId('team-base-lat').fill(String(lat));
      await form.getByTestId('team-day-start').fill('07:30');
      await form.getByTestId('team-day-end').fill('07:00');
      await form.getByTestId('team-service').fill('60');
      await form.getByTestId('team-days').fill('');
      await form.getByTestId('team-save').click();
      await expect(form.getByTestId('team-error-day-end')).toHaveText('Giờ kết thúc phải sau giờ bắt đầu.');
      await form.getByTestId('team-day-end').fill('17:00');
      await form.getByTestId('team-save').click();
      await expect(page.getByTestId('teams-message')).toHaveText('Đã lưu thông tin đội.');
      await expect(page.locator(`[data-testid="team"][data-id="${teamIds[i]}"]`).getByTestId('team-base')).toContainText(`${lat.toFixed(4)}`);
    }
  });

  await test.step('a new plan for the two teams over three days from the set sent to planning', async () => {
    await page.getByTestId('plans-tab-plans').click();
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-source-set').check();
    await page.getByTestId('plan-set').selectOption({ label: `${SET_NAME} (8 xã)` });
    await page.getByTestId('plan-province').selectOption(`2025:${HA_TINH}`);
    for (const box of await page.getByTestId('plan-team').all()) {
      await box.setChecked(teamIds.includes((await box.getAttribute('data-id'))!));
    }
    await page.getByTestId('plan-name').fill(PLAN_NAME);
    await page.getByTestId('plan-first-day').fill(monday);
    await page.getByTestId('plan-last-day').fill(wednesday);
    await page.getByTestId('plan-create-submit').click();
    await expect(page.getByTestId('plan-title')).toHaveText(PLAN_NAME, { timeout: 60_000 });
    await expect(page.getByTestId('plan-simulated')).toContainText('mô phỏng');
  });

  await test.step('the list: stops with arrival times, day totals', async () => {
    const arrivals = await page.getByTestId('plan-stop-arrival').allTextContents();
    expect(arrivals.length).toBeGreaterThanOrEqual(4);
    for (const time of arrivals) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    const totals = await page.getByTestId('plan-day-totals').allTextContents();
    expect(totals.length).toBeGreaterThanOrEqual(2);
    for (const text of totals) {
      expect(text).toMatch(/Xuất phát \d{2}:\d{2} · kết thúc \d{2}:\d{2}/);
      expect(text).toMatch(/\d+(,\d)? km · đi đường .*(giờ|phút) · làm việc .*(giờ|phút)/);
    }
  });

  await test.step('the map: numbered stops as features, route lines in the team colour', async () => {
    await waitForRoutes(page);
    const drawn = await page.evaluate((layer) => window.__povmap!.map.queryRenderedFeatures({ layers: [layer] }).map((f) => ({ code: String(f.properties.code), order: Number(f.properties.order) })), ROUTE_IDS.stop);
    const listed = await page.getByTestId('plan-stop').evaluateAll((rows) => rows.map((r) => ({ code: r.getAttribute('data-code')!, order: Number(r.getAttribute('data-order')) })));
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect([...new Map(drawn.map((d) => [d.code, d])).values()].sort(byCode)).toEqual([...listed].sort(byCode));
    const numbers = await page.evaluate((layer) => window.__povmap!.map.queryRenderedFeatures({ layers: [layer] }).length, ROUTE_IDS.stopNumber);
    expect(numbers).toBeGreaterThan(0);

    // one day at a time (its lines solid), labels hidden: the middle of a long leg is the team's colour
    await page.getByTestId('plan-filter-day').selectOption(monday);
    await waitForRoutes(page);
    await hideLayers(page, [boundaryLayerIds('commune').label]);
    const legs = await page.evaluate(async (source) => {
      const data = (await window.__povmap!.map.getSource<GeoJSONSource>(source)!.getData()) as GeoJSON.FeatureCollection<GeoJSON.LineString, { teamId: number }>;
      return data.features.map((f) => ({ teamId: f.properties.teamId, coordinates: f.geometry.coordinates as [number, number][] }));
    }, ROUTE_IDS.lineSource);
    expect(legs.length).toBeGreaterThan(0);
    let checked = 0;
    for (const leg of legs) {
      const colour = teamColour(teamIds.indexOf(String(leg.teamId)));
      // the longest segment on screen, sampled at its middle and beside it
      let best: [number, number][] = [];
      let length = 0;
      for (let i = 1; i < leg.coordinates.length; i++) {
        const [a, b] = [await project(page, leg.coordinates[i - 1]!), await project(page, leg.coordinates[i]!)];
        const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (d > length) [best, length] = [[a, b], d];
      }
      if (length < 60) continue;
      const [a, b] = best;
      const samples: [number, number][] = [0.4, 0.5, 0.6].map((f) => [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]);
      const pixels = await readPixels(page, samples);
      const nearest = Math.min(...pixels.map((p) => colourDistance(p, hexToRgba(colour))));
      expect(nearest, `team ${leg.teamId} line ${colour}: ${pixels.join(' | ')}`).toBeLessThanOrEqual(12);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    await page.screenshot({ path: testInfo.outputPath('plan-routes.png') });
    await page.getByTestId('plan-filter-day').selectOption('');
  });

  await test.step('clicking a stop on the map selects it in the list', async () => {
    await waitForRoutes(page);
    const stop = await page.evaluate((layer) => {
      const [f] = window.__povmap!.map.queryRenderedFeatures({ layers: [layer] });
      return { code: String(f!.properties.code), at: (f!.geometry as GeoJSON.Point).coordinates as [number, number] };
    }, ROUTE_IDS.stop);
    const [x, y] = await project(page, stop.at);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await expect(page.locator('[data-testid="plan-stop"].selected')).toHaveAttribute('data-code', stop.code);
  });

  await test.step('a stop moved to another day shows in that day’s list; overloading a day shows the problem in red', async () => {
    const first = page.locator(`[data-testid="plan-stop"][data-team="${teamIds[0]}"]`).first();
    const code = (await first.getAttribute('data-code'))!;
    const from = await place(page, code);
    const to = from.day === tuesday ? wednesday : tuesday;
    await stopRow(page, code).getByTestId('plan-stop-move').selectOption(`${teamIds[0]}|${to}`);
    await expect(page.locator(`[data-testid="plan-day"][data-team="${teamIds[0]}"][data-day="${to}"] [data-testid="plan-stop"][data-code="${code}"]`)).toBeVisible();
    // every stop into one day of the first team: more than a working day holds
    for (let i = 0; i < 8; i++) {
      if (await page.getByTestId('plan-problems').isVisible()) break;
      const other = page.locator(`[data-testid="plan-stop"]:not([data-team="${teamIds[0]}"][data-day="${to}"])`).first();
      if ((await other.count()) === 0) break;
      const otherCode = (await other.getAttribute('data-code'))!;
      await other.getByTestId('plan-stop-move').selectOption(`${teamIds[0]}|${to}`);
      await expect(page.locator(`[data-testid="plan-day"][data-day="${to}"] [data-testid="plan-stop"][data-code="${otherCode}"]`)).toBeVisible();
    }
    const problems = page.getByTestId('plan-problems');
    await expect(problems).toBeVisible();
    await expect(problems).toHaveCSS('color', 'rgb(163, 48, 42)');
    const names = await page.locator(`[data-testid="plan-day"][data-day="${to}"] [data-testid="plan-stop"] .name`).allTextContents();
    const messages = await page.getByTestId('plan-problem').allTextContents();
    expect(messages.some((m) => names.some((n) => m.includes(n))), `${messages.join(' / ')} names one of ${names.join(', ')}`).toBe(true);
  });

  await test.step('locked stops keep their team, day and order among themselves when the rest is solved again', async () => {
    // the last two stops of a day with two or more: unlocked stops may come in between, these two stay in order
    const day = page.getByTestId('plan-day').filter({ has: page.getByTestId('plan-stop').nth(1) }).first();
    const codes = await day.getByTestId('plan-stop').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')!));
    const [a, b] = codes.slice(-2) as [string, string];
    const [before, beforeB] = [await place(page, a), await place(page, b)];
    for (const code of [a, b]) {
      await stopRow(page, code).getByTestId('plan-stop-lock').click();
      await expect(stopRow(page, code)).toHaveAttribute('data-locked', 'true');
    }
    await expect(page.getByTestId('plan-solve')).toContainText('2 điểm đã khóa');
    await page.getByTestId('plan-solve').click();
    await expect(page.getByTestId('plans-message')).toContainText('Đã giải lại', { timeout: 60_000 });
    await expect(page.getByTestId('plan-problems')).toHaveCount(0);
    const [after, afterB] = [await place(page, a), await place(page, b)];
    expect({ team: after.team, day: after.day }).toEqual({ team: before.team, day: before.day });
    expect({ team: afterB.team, day: afterB.day }).toEqual({ team: beforeB.team, day: beforeB.day });
    expect(Number(after.order)).toBeLessThan(Number(afterB.order));
    for (const code of [a, b]) await expect(stopRow(page, code)).toHaveAttribute('data-locked', 'true');
  });

  let stops = 0;
  await test.step('sent to the teams: the visits created are counted', async () => {
    stops = await page.getByTestId('plan-stop').count();
    await page.getByTestId('plan-publish').click();
    await expect(page.getByTestId('plans-message')).toHaveText(`Đã gửi cho các đội: ${stops} chuyến mới, 0 chuyến cập nhật, 0 chuyến bỏ.`);
    await expect(page.getByTestId('plan-status')).toHaveText('Đã gửi các đội');
    for (const link of ['plan-gpx', 'plan-kml']) expect(await page.getByTestId(link).getAttribute('href')).toMatch(/^\/export\/plan-routes\.(gpx|kml)\?planId=\d+$/);
    expect(await page.getByTestId('plan-itinerary').count()).toBe(2);
  });
  expect(errors).toEqual([]);

  await test.step('a viewer reads the plan with no edit control, list below the map on a phone', async () => {
    await page.context().clearCookies();
    // a new document: the same URL with another hash would keep the planner's page
    await page.goto('about:blank');
    await page.setViewportSize({ width: 390, height: 844 });
    await openMap(page, '/#/giam-sat', 'demo-viewer');
    await expect(page.getByTestId('plan-new')).toHaveCount(0);
    await page.getByTestId('plan-item').filter({ hasText: PLAN_NAME }).getByTestId('plan-open').click();
    await expect(page.getByTestId('plan-title')).toHaveText(PLAN_NAME);
    // the open plan is in the address: a reload (or the link sent to someone) opens it again
    expect(new URL(page.url()).hash).toMatch(/^#\/giam-sat\?ke-hoach=\d+$/);
    await page.reload();
    await expect(page.getByTestId('plan-title')).toHaveText(PLAN_NAME);
    await expect(page.getByTestId('plan-stop')).toHaveCount(stops);
    for (const control of ['plan-solve', 'plan-publish', 'plan-remove', 'plan-stop-move', 'plan-stop-lock', 'plan-stop-required', 'plan-unassigned-move']) {
      await expect(page.getByTestId(control)).toHaveCount(0);
    }
    const map = (await page.getByTestId('map-view').boundingBox())!;
    const list = (await page.getByTestId('plan-detail').boundingBox())!;
    expect(list.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(list.width).toBeGreaterThan(340);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('plan-phone.png'), fullPage: true });
    await page.getByTestId('plans-tab-teams').click();
    await expect(page.getByTestId('team').first()).toBeVisible();
    await expect(page.getByTestId('team-edit')).toHaveCount(0);
  });
  expect(errors).toEqual([]);
});

test('a planner picks communes by hand (search and map), plans them for one team, then deletes the plan', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const [monday, , wednesday] = nextWeek();
  const name = `Kế hoạch chọn tay ${RUN}`;
  await openMap(page, '/#/giam-sat', 'demo-planner');
  await page.getByTestId('plan-new').click();
  await page.getByTestId('plan-source-hand').check();
  await page.getByTestId('plan-province').selectOption(`2025:${HA_TINH}`);

  await test.step('a commune found by name, another clicked on the map and filled there', async () => {
    await page.getByTestId('search-input').fill('Kỳ Anh');
    await page.getByTestId('search-result').first().click();
    await expect(page.getByTestId('plan-picked').locator('li')).toHaveCount(1);
    const labels = boundaryLayerIds('commune').labelSource;
    await page.waitForFunction((source) => {
      const map = window.__povmap?.map;
      return map?.getSource(source) !== undefined && map.querySourceFeatures(source).length > 50;
    }, labels);
    await page.evaluate(async () => {
      const map = window.__povmap!.map;
      if (!map.loaded()) await new Promise((resolve) => map.once('idle', resolve));
    });
    await hideLayers(page, [boundaryLayerIds('commune').label]);
    const points = await pointsOf(page, labels);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    let target: string | undefined;
    for (const [code, at] of Object.entries(points)) {
      const [x, y] = await project(page, at);
      if (x > box.width * 0.35 && x < box.width * 0.65 && y > box.height * 0.3 && y < box.height * 0.6) {
        target = code;
        break;
      }
    }
    expect(target, 'a commune in the middle of the map').toBeDefined();
    await clickAt(page, points[target!]!);
    await expect(page.getByTestId('plan-picked').locator('li')).toHaveCount(2);
    await page.evaluate(async () => {
      const map = window.__povmap!.map;
      const idle = new Promise((resolve) => map.once('idle', resolve));
      map.triggerRepaint();
      await idle;
    });
    const [pixel] = await readPixels(page, [await project(page, points[target!]!)]);
    expect(colourDistance(pixel!, hexToRgba(PICKED_COLOUR)), `${pixel}`).toBeLessThanOrEqual(6);
  });

  await test.step('a missing name is refused in Vietnamese; with one, the plan is made for one team', async () => {
    const boxes = await page.getByTestId('plan-team').all();
    for (const [i, box] of boxes.entries()) await box.setChecked(i === 0);
    await page.getByTestId('plan-first-day').fill(monday);
    await page.getByTestId('plan-last-day').fill(wednesday);
    await page.getByTestId('plan-create-submit').click();
    await expect(page.getByTestId('plan-create').getByRole('alert')).toHaveText('Hãy đặt tên cho kế hoạch.');
    await page.getByTestId('plan-name').fill(name);
    await page.getByTestId('plan-create-submit').click();
    await expect(page.getByTestId('plan-title')).toHaveText(name, { timeout: 60_000 });
    await expect(page.getByTestId('plan-team-routes')).toHaveCount(1);
    expect((await page.getByTestId('plan-stop').count()) + (await page.getByTestId('plan-unassigned-item').count())).toBe(2);
  });

  await test.step('deleted: gone from the list', async () => {
    await page.getByTestId('plan-remove').click();
    await page.getByTestId('plan-remove-confirm').click();
    await expect(page.getByTestId('plans-message')).toHaveText(`Đã xóa kế hoạch «${name}».`);
    await expect(page.getByTestId('plan-item').filter({ hasText: name })).toHaveCount(0);
  });
  expect(errors).toEqual([]);
});
