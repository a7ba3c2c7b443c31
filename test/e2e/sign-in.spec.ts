// Sign-in as a person does it: the page without a session shows only the sign-in form (with the
// demo accounts marked demo-only), a wrong password shows the server's Vietnamese message, the
// right one opens the map, and signing out returns to the form.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/map-page.ts';

test('signs in with a demo account, sees the map, signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await expect(page.getByTestId('map-view')).toHaveCount(0);

  const demo = page.getByTestId('demo-accounts');
  await expect(demo).toContainText('chỉ ở chế độ demo');
  await expect(page.getByTestId('demo-account')).toHaveCount(4);

  await page.getByTestId('sign-in-username').fill('demo-planner');
  await page.getByTestId('sign-in-password').fill('not-the-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Sai tên đăng nhập hoặc mật khẩu');

  await page.getByTestId('demo-use-demo-planner').click();
  await expect(page.getByTestId('sign-in-password')).toHaveValue(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();

  await expect(page.getByTestId('account-name')).toContainText('Hà Tĩnh');
  await expect(page.getByTestId('map-view')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });

  // The session survives a reload (httpOnly cookie), then sign-out ends it.
  await page.reload();
  await expect(page.getByTestId('account-name')).toBeVisible();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  const me = await page.request.get('/trpc/auth.me');
  expect((await me.json()).result.data).toBeNull();
});

test('refuses data without a session', async ({ request }) => {
  const geo = await request.get('/geo/2025/province.country.fgb');
  expect(geo.status()).toBe(401);
  const search = await request.get(`/trpc/units.search?input=${encodeURIComponent(JSON.stringify({ q: 'hoa dong' }))}`);
  expect(search.status()).toBe(401);
});
