// Hiện trường on a phone, offline: a planner plans today's visits for the demo supervisor's team;
// the supervisor opens the day (map and list), the service worker and the stored pack let the app
// reload with no network, two visits are recorded offline (findings, a follow-up, a GPS check-in
// flagged outside the commune), the banner counts them, and back online they reach the server
// exactly once; sending them again changes nothing.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { colourDistance, DEMO_PASSWORD, hexToRgba, project, readPixels, signInAs, type DemoUser } from './support/map-page.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: ZONE, permissions: ['geolocation'] });

/** The phone's calendar day (Vietnam), as the field view computes it. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const PLANNED = '#1f6fb2';

interface Api {
  query: (path: string, input: unknown) => Promise<any>;
  mutate: (path: string, input: unknown) => Promise<any>;
}

async function apiAs(request: APIRequestContext, username: DemoUser): Promise<Api> {
  const signedIn = await request.post('/trpc/auth.signIn', { data: { username, password: DEMO_PASSWORD } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const csrf = (await signedIn.json()).result.data.csrfToken as string;
  const unwrap = async (response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { result: { data: any } }).result.data;
  };
  return {
    query: async (path, input) => unwrap(await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)),
    mutate: async (path, input) => unwrap(await request.post(`/trpc/${path}`, { data: input, headers: { 'X-Povmap-CSRF': csrf } })),
  };
}

/** Waits until the field map has drawn the day's stops (FieldMap's data-drawn) and the canvas is idle. */
async function waitForFieldMap(page: Page, stops: number): Promise<void> {
  await page.waitForFunction(() => window.__povmap !== undefined);
  await page.evaluate(() => window.__povmap!.ready);
  await expect(page.getByTestId('field-map')).toHaveAttribute('data-drawn', new RegExp(`^([${stops}-9]|\\d{2,})$`), { timeout: 40_000 });
}

async function renderedStops(page: Page): Promise<{ visitId: string; order: number; lonLat: [number, number] }[]> {
  return page.evaluate(() =>
    window
      .__povmap!.map.queryRenderedFeatures({ layers: ['field-stop-circle'] })
      .map((f) => ({ visitId: String(f.properties.visitId), order: Number(f.properties.order), lonLat: (f.geometry as GeoJSON.Point).coordinates as [number, number] })),
  );
}

test('a supervisor records two visits offline on a phone; they reach the server exactly once', async ({ page, context, playwright, baseURL }) => {
  test.setTimeout(180_000);
  // the planner's side: three visits planned today for the team of demo-supervisor
  const admin = await apiAs(await playwright.request.newContext({ baseURL }), 'demo-admin');
  const supervisorApi = await apiAs(await playwright.request.newContext({ baseURL }), 'demo-supervisor');
  const team = (await supervisorApi.query('visits.today', { date: TODAY })).teams[0] as { id: number; name: string };
  expect(team, 'demo-supervisor is a member of a team (demo seed)').toBeDefined();
  // three communes of one district of Phú Yên with nothing planned today yet (the test may run
  // again on the same database); pre-2025 communes: drawn as the 2025 communes they went into
  const busy = new Set(((await supervisorApi.query('visits.today', { date: TODAY })).stops as { code: string }[]).map((s) => s.code));
  let district = { code: '' };
  let communes: { code: string; fullName: string }[] = [];
  for (const candidate of (await admin.query('units.children', { structure: 'pre2025', code: '54' })) as { code: string }[]) {
    const free = ((await admin.query('units.children', { structure: 'pre2025', code: candidate.code })) as { code: string; fullName: string }[]).filter((c) => !busy.has(c.code));
    if (free.length >= 3) {
      district = candidate;
      communes = free.slice(0, 3);
      break;
    }
  }
  expect(communes).toHaveLength(3);
  const planned = communes.map((c) => ({ id: randomUUID(), teamId: team.id, structure: 'pre2025', unitCode: c.code, plannedDate: TODAY, status: 'planned' }));
  const created = await admin.mutate('visits.sync', { visits: planned });
  expect(created.outcomes.map((o: { result: string }) => o.result)).toEqual(['created', 'created', 'created']);
  const ids: string[] = planned.map((p) => p.id);

  // what the phone sends, as it sends it
  const phoneSends: { id: string }[][] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/trpc/visits.sync')) {
      // httpBatchLink posts {"0": input}; a plain call would post the input itself
      const body = request.postDataJSON() as { visits?: { id: string }[]; 0?: { visits: { id: string }[] } };
      phoneSends.push(body.visits ?? body[0]!.visits);
    }
  });

  // the supervisor opens Hiện trường on the phone
  await signInAs(page, 'demo-supervisor');
  await page.goto('/?e2e#/hien-truong');
  const view = page.getByTestId('field-view');
  await expect(view).toHaveAttribute('data-pack', 'server');
  await expect(view).toHaveAttribute('data-date', TODAY);
  const list = page.getByTestId('field-stop-list');
  for (const id of ids) await expect(list.locator(`[data-visit-id="${id}"]`)).toContainText('Chưa giám sát');
  await waitForFieldMap(page, 3);

  // on the map: the communes' polygons and a numbered circle per stop, in the planned colour
  const drawn = await renderedStops(page);
  expect(ids.every((id) => drawn.some((s) => s.visitId === id))).toBe(true);
  const fills = await page.evaluate(() => window.__povmap!.map.queryRenderedFeatures({ layers: ['field-commune-fill'] }).length);
  expect(fills).toBeGreaterThan(0);
  const first = drawn.find((s) => s.visitId === ids[0])!;
  // close up on one stop (the day's stops may sit close together at the framing zoom): its circle
  // is drawn in the colour of a planned visit
  await page.evaluate(async (lonLat) => {
    const map = window.__povmap!.map;
    const idle = new Promise((resolve) => map.once('idle', resolve));
    map.jumpTo({ center: lonLat, zoom: 14 });
    await idle;
  }, first.lonLat);
  const [x, y] = await project(page, first.lonLat);
  // inside the circle (radius 14), around the number: at least one of four points clear of its glyph
  const pixels = await readPixels(page, [[x - 10, y], [x + 10, y], [x, y - 10], [x, y + 10]]);
  const closest = Math.min(...pixels.map((p) => colourDistance(p, hexToRgba(PLANNED))));
  expect(closest, `stop circle pixels ${pixels.join(' | ')}`).toBeLessThanOrEqual(12);

  // the worker controls the page and the day is on the phone: the app survives a reload offline
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await context.setOffline(true);
  await page.reload();
  await expect(view).toHaveAttribute('data-pack', 'phone');
  await expect(page.getByTestId('field-banner')).toContainText('Đang ngoại tuyến — 0 lượt chờ gửi');
  for (const id of ids) await expect(list.locator(`[data-visit-id="${id}"]`)).toBeVisible();
  await waitForFieldMap(page, 3);
  expect((await renderedStops(page)).filter((s) => ids.includes(s.visitId))).toHaveLength(3);

  // visit 1: done, findings, a follow-up, checked in at the commune's own point (inside)
  await list.locator(`[data-visit-id="${ids[0]}"]`).click();
  const sheet = page.getByTestId('field-commune');
  await expect(sheet).toContainText(communes[0]!.fullName);
  // the commune's review figures in Vietnamese number formats (the demo's are simulated: said so)
  await expect(sheet.getByTestId('field-figures')).toContainText('mô phỏng');
  await expect(sheet.getByTestId('field-households')).toHaveText(/^\d{1,3}(\.\d{3})*$/);
  await expect(sheet.getByTestId('field-poor')).toHaveText(/^[\d.]+ · \d+(,\d+)?\s?%$/);
  await context.setGeolocation({ longitude: first.lonLat[0], latitude: first.lonLat[1] });
  await sheet.getByTestId('field-checkin').click();
  await expect(sheet.getByTestId('field-checkin-verdict')).toHaveAttribute('data-verdict', 'inside');
  await sheet.getByTestId('field-finding-planning').fill('Kế hoạch năm 2025 ban hành đúng hạn');
  await sheet.getByTestId('field-finding-problems').fill('Chậm giải ngân vốn hỗ trợ sản xuất');
  await sheet.getByTestId('field-follow-up-add').click();
  await sheet.getByTestId('field-follow-up-action').fill('Báo cáo tiến độ giải ngân');
  await sheet.getByTestId('field-follow-up-owner').fill('UBND xã');
  await sheet.getByTestId('field-save').click();
  await expect(sheet.getByTestId('field-saved')).toBeVisible();
  await sheet.getByTestId('field-back').click();

  // visit 2: done, checked in far from the commune: flagged at once, on the phone
  await list.locator(`[data-visit-id="${ids[1]}"]`).click();
  await context.setGeolocation({ longitude: 105.8542, latitude: 21.0285 }); // Hà Nội
  await sheet.getByTestId('field-checkin').click();
  await expect(sheet.getByTestId('field-checkin-verdict')).toHaveAttribute('data-verdict', 'outside');
  await expect(sheet.getByTestId('field-checkin-verdict')).toContainText('Ngoài ranh giới xã');
  await sheet.getByTestId('field-finding-results').fill('Tỷ lệ hộ nghèo giảm 1,2 điểm %');
  await sheet.getByTestId('field-save').click();
  await expect(sheet.getByTestId('field-saved')).toBeVisible();
  await sheet.getByTestId('field-back').click();

  const banner = page.getByTestId('field-banner');
  await expect(banner).toContainText('Đang ngoại tuyến — 2 lượt chờ gửi');
  await expect(list.locator(`[data-visit-id="${ids[0]}"]`)).toHaveAttribute('data-status', 'done');
  // nothing is lost on a reload while still offline
  await page.reload();
  await expect(page.getByTestId('field-banner')).toContainText('Đang ngoại tuyến — 2 lượt chờ gửi');

  // back online: the queue is sent by itself
  await context.setOffline(false);
  await expect(banner).toHaveAttribute('data-waiting', '0', { timeout: 30_000 });
  await expect(banner).toContainText('Đã gửi hết');
  await expect(list.locator(`[data-visit-id="${ids[1]}"]`)).toHaveAttribute('data-status', 'done');
  await expect(list.locator(`[data-visit-id="${ids[1]}"]`)).not.toHaveAttribute('data-pending', /./);

  // the server holds each visit once, as recorded, with the check-in judged on its side too
  const day = await supervisorApi.query('visits.today', { date: TODAY });
  const byId = new Map<string, any>(day.stops.map((s: { visitId: string }) => [s.visitId, s]));
  expect(byId.get(ids[0]!)).toMatchObject({
    status: 'done',
    actualDate: TODAY,
    findings: { planning: 'Kế hoạch năm 2025 ban hành đúng hạn', problems: 'Chậm giải ngân vốn hỗ trợ sản xuất' },
    followUps: [expect.objectContaining({ action: 'Báo cáo tiến độ giải ngân', owner: 'UBND xã', done: false })],
    checkin: 'inside',
  });
  expect(byId.get(ids[1]!)).toMatchObject({ status: 'done', findings: { results: 'Tỷ lệ hộ nghèo giảm 1,2 điểm %' }, checkin: 'outside' });
  expect(byId.get(ids[1]!).checkinDistanceM).toBeGreaterThan(100_000);
  expect(byId.get(ids[2]!)).toMatchObject({ status: 'planned' });
  const exported = await admin.query('exports.table', { table: 'visits', format: 'json', structure: 'pre2025', parentCode: district.code });
  const rows = exported.rows as Record<string, unknown>[];
  for (const id of ids) expect(rows.filter((r) => Object.values(r).includes(id)), id).toHaveLength(1);

  // the phone's own send, repeated (its answer lost, or a second tap): nothing changes
  expect(phoneSends).toHaveLength(1);
  expect(phoneSends[0]!.map((v) => v.id).sort()).toEqual([ids[0]!, ids[1]!].sort());
  const resent = await supervisorApi.mutate('visits.sync', { visits: phoneSends[0] });
  expect(resent.outcomes.map((o: { result: string }) => o.result)).toEqual(['unchanged', 'unchanged']);
  const after = await supervisorApi.query('visits.today', { date: TODAY });
  for (const id of [ids[0]!, ids[1]!]) expect(after.stops.find((s: { visitId: string }) => s.visitId === id).updatedAt).toBe(byId.get(id).updatedAt);
});

test('a visit changed on the server meanwhile is shown as a conflict; the person keeps theirs', async ({ page, playwright, baseURL }) => {
  const admin = await apiAs(await playwright.request.newContext({ baseURL }), 'demo-admin');
  const supervisorApi = await apiAs(await playwright.request.newContext({ baseURL }), 'demo-supervisor');
  const day = await supervisorApi.query('visits.today', { date: TODAY });
  const team = day.teams[0] as { id: number };
  const busy = new Set((day.stops as { code: string }[]).map((s) => s.code));
  const commune = ((await admin.query('units.children', { structure: 'pre2025', code: '559' })) as { code: string; fullName: string }[]).find((c) => !busy.has(c.code))!;
  const visit = { id: randomUUID(), teamId: team.id, structure: 'pre2025', unitCode: commune.code, plannedDate: TODAY, status: 'planned' };
  await admin.mutate('visits.sync', { visits: [visit] });

  await signInAs(page, 'demo-supervisor');
  await page.goto('/?e2e#/hien-truong');
  await expect(page.getByTestId('field-view')).toHaveAttribute('data-pack', 'server');
  // another member records the same visit from their phone while this one still holds the plan
  const before = ((await supervisorApi.query('visits.today', { date: TODAY })).stops as { visitId: string; updatedAt: string }[]).find((s) => s.visitId === visit.id)!;
  const other = await supervisorApi.mutate('visits.sync', { visits: [{ ...visit, status: 'done', actualDate: TODAY, findings: { problems: 'Ghi từ máy khác' }, baseUpdatedAt: before.updatedAt }] });
  expect(other.outcomes[0].result).toBe('updated');

  await page.getByTestId('field-stop-list').locator(`[data-visit-id="${visit.id}"]`).click();
  const sheet = page.getByTestId('field-commune');
  await sheet.getByTestId('field-finding-recommendations').fill('Đề nghị bổ sung vốn đối ứng');
  await sheet.getByTestId('field-save').click();
  await sheet.getByTestId('field-back').click();

  const issue = page.getByTestId('field-issue');
  await expect(issue).toHaveAttribute('data-state', 'conflict');
  await expect(issue).toContainText('Đề nghị bổ sung vốn đối ứng');
  await expect(issue).toContainText('Ghi từ máy khác');
  await issue.getByTestId('field-keep-mine').click();
  await expect(page.getByTestId('field-issue')).toHaveCount(0);
  await expect(page.getByTestId('field-banner')).toHaveAttribute('data-waiting', '0');
  const stored = ((await supervisorApi.query('visits.today', { date: TODAY })).stops as { visitId: string; findings: object }[]).find((s) => s.visitId === visit.id)!;
  expect(stored.findings).toEqual({ recommendations: 'Đề nghị bổ sung vốn đối ứng' });
});

test('a supervisor signing in on a phone lands on Hiện trường; the manifest makes it installable', async ({ page, request }) => {
  await page.goto('/');
  await page.getByTestId('sign-in-username').fill('demo-supervisor');
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('field-view')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/hien-truong');
  await expect(page.getByTestId('nav-field')).toHaveAttribute('aria-current', 'page');

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ short_name: 'Giám sát', start_url: '/#/hien-truong', display: 'standalone' });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const png = await request.get(icon.src);
    expect(png.headers()['content-type']).toBe('image/png');
    const body = await png.body();
    // PNG header: width and height at bytes 16-23
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(icon.sizes);
  }
});

test('an empty day offers the next day with visits planned', async ({ page, playwright, baseURL }) => {
  const plusDays = (n: number) => {
    const d = new Date(`${TODAY}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  // nothing is planned nine days from now (the demo plan covers this week, the other tests today)
  const empty = plusDays(9);
  const later = plusDays(10);
  const admin = await apiAs(await playwright.request.newContext({ baseURL }), 'demo-admin');
  const supervisorApi = await apiAs(await playwright.request.newContext({ baseURL }), 'demo-supervisor');
  const day = await supervisorApi.query('visits.today', { date: later });
  const busy = new Set((day.stops as { code: string }[]).map((s) => s.code));
  const commune = ((await admin.query('units.children', { structure: 'pre2025', code: '559' })) as { code: string; fullName: string }[]).find((c) => !busy.has(c.code))!;
  const visit = { id: randomUUID(), teamId: (day.teams[0] as { id: number }).id, structure: 'pre2025', unitCode: commune.code, plannedDate: later, status: 'planned' };
  await admin.mutate('visits.sync', { visits: [visit] });

  await signInAs(page, 'demo-supervisor');
  await page.goto('/?e2e#/hien-truong');
  const view = page.getByTestId('field-view');
  await expect(view).toHaveAttribute('data-pack', 'server');
  for (let n = 1; n <= 9; n++) {
    await page.getByRole('button', { name: 'Ngày sau' }).click();
    await expect(view).toHaveAttribute('data-date', plusDays(n));
  }
  await expect(page.getByTestId('field-stop-list')).toHaveCount(0);
  const [y, m, d] = later.split('-');
  const next = page.getByTestId('field-next-planned');
  await expect(next).toHaveText(`Ngày có lịch tiếp theo: ${d}/${m}/${y}`);
  await next.click();
  await expect(view).toHaveAttribute('data-date', later);
  await expect(page.getByTestId('field-stop-list').locator(`[data-visit-id="${visit.id}"]`)).toContainText(commune.fullName.replace(/^Xã |^Phường |^Thị trấn /, ''));
});
