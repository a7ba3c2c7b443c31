// The screens' own tables as files: the audit log (with the screen's filters) and the accounts
// only for admins, the import history for admins and planners (their own batches);
// /export/{audit,accounts,imports}.{csv,xlsx} through their .export procedures.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_SHEET } from '../../server/exports/xlsx.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import type { HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';
import { throwawayAccount } from './support/procedure-cases.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`audit log export (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    let created: string;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      created = (await throwawayAccount(app)).username;
      planner = await app.signIn('plannerHaTinh');
    }, 120_000);
    afterAll(() => app?.close());

    const get = (path: string, session: HttpSession | null = app.adminSession) =>
      fetch(`${app.baseUrl}${path}`, { headers: session ? { cookie: session.cookie } : {} });

    it('writes the filtered trail as CSV with a BOM, Vietnamese headers and Vietnam time', async () => {
      const response = await get('/export/audit.csv?procedure=admin.users.');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/filename="povmap-audit-\d{4}-\d{2}-\d{2}\.csv"/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = Papa.parse<string[]>(new TextDecoder().decode(bytes.slice(3)), { skipEmptyLines: true }).data;
      expect(header).toEqual(['Thời điểm (giờ Việt Nam)', 'Người thực hiện', 'Thao tác', 'Bảng', 'Khóa dòng', 'Trước', 'Sau']);
      const mine = rows.find((r) => r[2] === 'admin.users.create' && r[6]!.includes(created));
      expect(mine, 'the account creation').toBeDefined();
      expect(mine![0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
      expect(mine![1]).toBe('admin');
      // only what the filter asks for, as on the screen
      expect(rows.every((r) => r[2]!.startsWith('admin.users.'))).toBe(true);
      expect(rows.some((r) => /password_hash/.test(r[6] ?? '') && /scrypt/.test(r[6] ?? ''))).toBe(false);
    });

    it('writes .xlsx with the same rows as the API', async () => {
      const api = await app.caller.admin.audit.export({ procedure: 'admin.users.' });
      if (api.format !== 'json') throw new Error('json expected');
      const response = await get('/export/audit.xlsx?procedure=admin.users.');
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      expect(workbook.getWorksheet(DATA_SHEET)!.rowCount).toBe(api.rows.length + 1);
    });

    it('writes the accounts without any secret, and the import history to the right people', async () => {
      const response = await get('/export/accounts.csv');
      expect(response.status).toBe(200);
      const text = (await response.text()).replace(/^\uFEFF/, '');
      const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      expect(header).toEqual(['Tên đăng nhập', 'Họ tên', 'Vai trò', 'Phạm vi', 'Đã khóa', 'Tạo lúc']);
      expect(rows.find((r) => r[0] === 'planner-ha-tinh')).toEqual(['planner-ha-tinh', 'plannerHaTinh', 'Cán bộ kế hoạch', 'trước 2025:42', 'không', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} /)]);
      expect(text).not.toMatch(/scrypt|password/i);
      expect((await get('/export/accounts.csv', planner)).status).toBe(403);

      const history = await get('/export/imports.xlsx', planner);
      expect(history.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await history.arrayBuffer());
      expect(workbook.getWorksheet(DATA_SHEET)!.getRow(1).values).toContain('Người nhập');
    });

    it('refuses a planner (403), no session (401) and a bad filter (400)', async () => {
      expect((await get('/export/audit.csv', planner)).status).toBe(403);
      expect((await get('/export/audit.csv', null)).status).toBe(401);
      expect((await get('/export/audit.geojson')).status).toBe(400);
      const badDate = await get('/export/audit.csv?from=31/12/2025');
      expect(badDate.status).toBe(400);
      expect(await badDate.text()).toMatch(/from/);
    });
  });
}
