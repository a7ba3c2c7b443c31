// Quản trị as a person uses it: the admin signs in through the form, opens Quản trị, creates a
// planner scoped to one province, sees it in the list, finds the creation in the audit log by
// filtering on the procedure, and signs out; the new planner signs in and has no Quản trị link.
// A viewer who opens the #/quan-tri link gets a polite refusal (the server refuses anyway).
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInAs, watchErrors } from './support/map-page.ts';

/** Today in Vietnam as the date filter takes it, dd/mm/yyyy (see audit-filter.ts). */
function vietnamDay(offsetDays = 0): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(day);
}

async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('account-name')).toBeVisible();
}

test('an admin creates a planner and finds it in the audit log; the planner has no Quản trị', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  // The e2e database keeps its accounts between runs (there is no delete): one name per run.
  const username = `e2e-kh-${Date.now().toString(36)}`;
  const displayName = 'Cán bộ kế hoạch Hà Tĩnh (e2e)';
  const password = 'mat-khau-e2e-du-dai';

  await page.goto('/');
  await signInThroughForm(page, 'demo-admin', DEMO_PASSWORD);
  const adminLink = page.getByRole('link', { name: 'Quản trị' });
  await adminLink.click();
  await expect(page).toHaveURL(/#\/quan-tri$/);
  await expect(page.getByTestId('admin-view')).toBeVisible();
  await expect(adminLink).toHaveAttribute('aria-current', 'page');

  // Tài khoản: create the planner, scoped to Hà Tĩnh of the pre-2025 structure.
  await page.getByRole('tab', { name: 'Tài khoản' }).click();
  await expect(page.locator('[data-testid=account-row][data-username=demo-admin]')).toBeVisible();
  await page.getByTestId('account-create').locator('summary', { hasText: 'Tạo tài khoản' }).click(); // unfold the form
  const form = page.getByTestId('account-create-form');
  await form.getByLabel('Tên đăng nhập').fill(username);
  await form.getByLabel('Tên hiển thị').fill(displayName);
  await form.getByLabel('Vai trò').selectOption({ label: 'Cán bộ kế hoạch' });
  await form.getByLabel('Theo tỉnh, thành phố').check();
  await form.getByLabel('Đơn vị hành chính').selectOption({ label: 'Trước 01/7/2025' });
  await form.getByTestId('scope-province').selectOption({ label: 'Hà Tĩnh' });
  await form.getByRole('button', { name: 'Thêm' }).click();
  await expect(page.getByTestId('scope-chosen')).toHaveText(/Hà Tĩnh \(trước 01\/7\/2025\)/);
  // A short password is stopped before it reaches the server, with a Vietnamese message.
  await form.getByLabel('Mật khẩu').fill('ngan');
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByTestId('account-create-error')).toContainText('ít nhất 10 ký tự');
  await form.getByLabel('Mật khẩu').fill(password);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByTestId('accounts-notice')).toContainText(`Đã tạo tài khoản ${username}`);

  const row = page.locator(`[data-testid=account-row][data-username="${username}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('account-display-name-cell')).toHaveText(displayName);
  await expect(row.getByTestId('account-role-cell')).toHaveText('Cán bộ kế hoạch');
  await expect(row.getByTestId('account-scope-cell')).toHaveText('Hà Tĩnh (trước 01/7/2025)');
  await expect(row.getByTestId('account-status-cell')).toHaveText('Đang dùng');

  // The same username again: the server's bilingual refusal is shown as it comes.
  await form.getByLabel('Tên đăng nhập').fill(username);
  await form.getByLabel('Tên hiển thị').fill(displayName);
  await form.getByLabel('Mật khẩu').fill(password);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByTestId('account-create-error')).toContainText(`tên đăng nhập "${username}" đã có / username "${username}" is taken`);
  await page.screenshot({ path: testInfo.outputPath('admin-accounts.png'), fullPage: true });

  // Nhật ký thay đổi: filter by procedure; only creations remain, ours first (newest first).
  await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel('Thao tác').fill('admin.users.create');
  await filters.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect
    .poll(async () => [...new Set(await page.getByTestId('audit-procedure').allTextContents())])
    .toEqual(['admin.users.create']);
  const entry = page.getByTestId('audit-row').filter({
    has: page.locator('[data-testid=audit-change][data-field=username] [data-testid=audit-after]', { hasText: username }),
  });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('audit-user')).toHaveText('demo-admin');
  await expect(entry.getByTestId('audit-table-name')).toHaveText('app_user');
  await expect(entry.getByTestId('audit-time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  // An insert has no "before"; the password hash never shows.
  await expect(entry.getByTestId('audit-before')).toHaveCount(0);
  await expect(entry.locator('[data-field=password_hash] [data-testid=audit-after]')).toHaveText('[redacted]');
  await page.screenshot({ path: testInfo.outputPath('admin-audit.png'), fullPage: true });

  // The filtered log as a spreadsheet: the download holds the new account's creation too.
  const auditCsv = await page.request.get((await page.getByTestId('audit-download-csv').getAttribute('href'))!);
  expect(auditCsv.status()).toBe(200);
  const auditText = await auditCsv.text();
  expect(auditText).toContain('admin.users.create');
  expect(auditText).toContain(username);

  // The date range, typed day first: today (Vietnam time) keeps the row, from tomorrow on there is
  // nothing, and a date written the other way round is refused with a message.
  await filters.getByLabel('Từ ngày').fill(vietnamDay());
  await filters.getByLabel('Đến ngày').fill(vietnamDay());
  await filters.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(entry).toHaveCount(1);
  await filters.getByLabel('Từ ngày').fill(vietnamDay(1));
  await filters.getByLabel('Đến ngày').fill(vietnamDay(1));
  await filters.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page.getByTestId('audit-empty')).toBeVisible();
  await filters.getByLabel('Đến ngày').fill('12/31/2025');
  await filters.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page.getByTestId('audit-filter-problem')).toContainText('dd/mm/yyyy');

  // Sign out: the next person starts on the map, not on the previous admin's page.
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/#\/$/);
  await signInThroughForm(page, username, password);
  await expect(page.getByTestId('account-name')).toHaveText(displayName);
  await expect(page.getByTestId('overview-view')).toBeVisible();
  await expect(page.getByTestId('app-nav').getByRole('link', { name: 'Bản đồ' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);

  // The duplicate username's 409 is logged by the browser itself as a failed resource; it was meant.
  expect(errors.filter((e) => !e.includes('409 (Conflict)'))).toEqual([]);

  // Tidy up: the account has a password written in this file, so it must not stay usable.
  await disableAccount(page, username);
});

/** As demo-admin through the API (a script's way): admin.users.disable with the CSRF header. */
async function disableAccount(page: Page, username: string): Promise<void> {
  const signIn = await page.request.post('/trpc/auth.signIn', { data: { username: 'demo-admin', password: DEMO_PASSWORD } });
  const { csrfToken } = (await signIn.json()).result.data;
  const list = await page.request.get('/trpc/admin.users.list');
  const account = (await list.json()).result.data.find((a: { username: string }) => a.username === username);
  const disable = await page.request.post('/trpc/admin.users.disable', { data: { id: account.id }, headers: { 'X-Povmap-CSRF': csrfToken } });
  expect(disable.status(), await disable.text()).toBe(200);
}

test('a viewer opening #/quan-tri is told it is not allowed', async ({ page }) => {
  await signInAs(page, 'demo-viewer');
  await page.goto('/#/quan-tri');
  const refusal = page.getByTestId('admin-forbidden');
  await expect(refusal).toContainText('Không có quyền');
  await expect(page.getByTestId('admin-view')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);

  // The way back is a link to the map.
  await refusal.getByRole('link', { name: 'Về bản đồ' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('overview-view')).toBeVisible();

  // The page is courtesy; the server is the protection.
  const audit = await page.request.get('/trpc/admin.audit.list');
  expect(audit.status()).toBe(403);
});
