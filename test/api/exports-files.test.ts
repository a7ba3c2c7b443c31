// /export/{table}.{csv|xlsx|geojson} over HTTP on every dialect, against the demo seed: the files
// carry the same numbers as indicators.values, Vietnamese headers, the simulated notice and the
// provenance; GeoJSON joins the boundaries; the scope, the session and bad input answer as the
// API does (403, 401, 400 with a message, never 500).
import { booleanValid } from '@turf/turf';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { NO_OLD_COMMUNE_POLYGONS } from '../../server/exports/geojson.ts';
import { DATA_SHEET, NOTES_SHEET, SIMULATED_NOTICE } from '../../server/exports/xlsx.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import type { HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const PROVINCES_2025 = 'structure=2025&level=province&year=2025&indicator=poor_rate';

for (const dialect of dialectsUnderTest()) {
  describe(`export files (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      await seedDemo(app.database.db);
      // The seed blocks the event loop (server and client alike) longer than HTTP keep-alive:
      // let both sides' expired idle-socket timers run before the next request, or it may be
      // sent on a socket the server is closing (ECONNRESET).
      await new Promise((resolve) => setTimeout(resolve, 50));
      planner = await app.signIn('plannerHaTinh');
    }, 120_000);
    afterAll(() => app?.close());

    const get = (path: string, session: HttpSession | null = app.adminSession) =>
      fetch(`${app.baseUrl}${path}`, { headers: session ? { cookie: session.cookie } : {} });

    it('writes the 34 provinces as CSV with a BOM, Vietnamese headers and the same numbers as indicators.values', async () => {
      const response = await get(`/export/values.csv?${PROVINCES_2025}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const disposition = response.headers.get('content-disposition')!;
      expect(disposition).toContain('attachment; filename="povmap-poor_rate-2025-tinh.csv"');
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe('povmap-Tỷ lệ hộ nghèo-2025-tỉnh.csv');

      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(['Mã', 'Tên đơn vị', 'Cấp', 'Thuộc', 'Năm', 'Chỉ tiêu', 'Giá trị', 'Đơn vị', 'Ước tính', 'Quy đổi qua bảng chuyển đổi', 'Mô phỏng', 'Nguồn']);

      const answer = await app.caller.indicators.values({ structure: '2025', level: 'province', year: 2025, indicator: 'poor_rate' });
      expect(answer.codes).toHaveLength(34);
      expect(rows.map((r) => r[0])).toEqual(answer.codes);
      rows.forEach((row, i) => {
        expect(row[6] === '' ? null : Number(row[6]), row[1]).toBe(answer.values[i]);
        expect(row[1]).toMatch(/^(Tỉnh|Thành phố) /);
        expect(row[10]).toBe(answer.simulated ? 'có' : 'không');
        expect(row[11]).toBe(answer.source);
      });
    });

    it('writes .xlsx with numeric cells, a bold frozen header and the simulated notice', async () => {
      const response = await get(`/export/values.xlsx?${PROVINCES_2025}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toContain('filename="povmap-poor_rate-2025-tinh.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet(DATA_SHEET)!;
      expect(sheet.getRow(1).getCell(7).value).toBe('Giá trị');
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

      const answer = await app.caller.indicators.values({ structure: '2025', level: 'province', year: 2025, indicator: 'poor_rate' });
      expect(sheet.rowCount).toBe(1 + 34);
      answer.codes.forEach((code, i) => {
        const row = sheet.getRow(i + 2);
        expect(row.getCell(1).value).toBe(code);
        expect(row.getCell(7).type, code).toBe(ExcelJS.ValueType.Number);
        expect(row.getCell(7).value).toBe(answer.values[i]);
        expect(row.getCell(7).numFmt).toBe('0.00');
        expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number); // Năm
      });
      const notes = workbook.getWorksheet(NOTES_SHEET)!;
      const lines: string[] = [];
      notes.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join(' | ')));
      expect(answer.simulated).toBe(true);
      expect(lines.join('\n')).toContain(SIMULATED_NOTICE);
      expect(lines.join('\n')).toMatch(/Thời điểm xuất \| \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(lines.join('\n')).toContain(`Người xuất | admin (${app.accounts.admin.username})`);
      // counts get the thousands format
      const counts = await get('/export/values.xlsx?structure=2025&level=province&year=2025&indicator=poor');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await counts.arrayBuffer());
      expect(book.getWorksheet(DATA_SHEET)!.getRow(2).getCell(7).numFmt).toBe('#,##0');
    });

    it('joins Phú Yên’s pre-2025 districts with their polygons as valid GeoJSON', async () => {
      const response = await get('/export/values.geojson?structure=pre2025&level=district&year=2023&indicator=poor_rate&parentCode=54');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/geo+json');
      const collection = await response.json();
      const districts = await app.database.db.selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('parent_code', '=', '54').orderBy('code').execute();
      const answer = await app.caller.indicators.values({ structure: 'pre2025', level: 'district', year: 2023, indicator: 'poor_rate', parentCode: '54' });
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(districts.map((d) => d.code));
      for (const feature of collection.features) {
        expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
        expect(booleanValid(feature), feature.properties.code).toBe(true);
        expect(feature.properties.value).toBe(answer.values[answer.codes.indexOf(feature.properties.code)]);
        expect(feature.properties).toMatchObject({ simulated: true, geometryKind: 'polygon' });
        expect(feature.properties.source).toBe(answer.source);
        expect(typeof feature.properties.name).toBe('string');
      }
    });

    it('exports pre-2025 communes under Huyện Tây Hoà as Points at their label points, and says so', async () => {
      const response = await get('/export/values.geojson?structure=pre2025&level=commune&year=2023&indicator=poor_rate&parentCode=562');
      expect(response.status).toBe(200);
      const collection = await response.json();
      const labels = await app.database.db
        .selectFrom('unit')
        .select(['code', 'label_lon', 'label_lat'])
        .where('structure', '=', 'pre2025')
        .where('parent_code', '=', '562')
        .execute();
      expect(collection.features.length).toBe(labels.length);
      expect(collection.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain('22276');
      for (const feature of collection.features) {
        const label = labels.find((l) => l.code === feature.properties.code)!;
        expect(feature.geometry).toEqual({ type: 'Point', coordinates: [Number(label.label_lon), Number(label.label_lat)] });
        expect(feature.properties).toMatchObject({ geometryKind: 'label-point', geometryNote: NO_OLD_COMMUNE_POLYGONS });
        expect(typeof feature.properties.value).toBe('number');
        expect(booleanValid(feature)).toBe(true);
      }
    });

    it('holds the Hà Tĩnh planner to Hà Tĩnh: 403 for Phú Yên, only its units nationally', async () => {
      const phuYen = await get('/export/values.csv?structure=pre2025&level=district&year=2023&indicator=poor_rate&parentCode=54', planner);
      expect(phuYen.status).toBe(403);
      expect(await phuYen.text()).toContain('Outside the area assigned to your account');
      expect((await get('/export/review.xlsx?structure=pre2025&year=2023&parentCode=54', planner)).status).toBe(403);
      expect((await get('/export/values.geojson?structure=pre2025&level=district&year=2023&indicator=poor_rate&parentCode=54', planner)).status).toBe(403);

      const national = await get('/export/values.csv?structure=pre2025&level=province&year=2023&indicator=poor_rate', planner);
      expect(national.status).toBe(200);
      const rows = Papa.parse<string[]>((await national.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
      expect(rows.map((r) => r[0])).toEqual(['42']);
      const review = await get('/export/review.csv?structure=pre2025&year=2023', planner);
      const reviewRows = Papa.parse<string[]>((await review.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
      expect(reviewRows.length).toBeGreaterThan(100);
      const provinces = await app.database.db
        .selectFrom('unit')
        .select('province_code')
        .distinct()
        .where('structure', '=', 'pre2025')
        .where('code', 'in', reviewRows.map((r) => r[0]!))
        .execute();
      expect(provinces.map((p) => p.province_code)).toEqual(['42']);
    });

    it('says 401 without a session and 400 with a message for bad parameters, never 500', async () => {
      const anonymous = await get(`/export/values.csv?${PROVINCES_2025}`, null);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).toContain('Sign-in required');
      expect((await get('/export/nothing.csv', null)).status).toBe(401);

      const bad: [string, RegExp][] = [
        ['/export/values.csv?structure=2025&level=province&year=abc&indicator=poor_rate', /year/],
        ['/export/values.csv?structure=2025&level=province&year=2025&indicator=no_such', /indicator/],
        ['/export/values.csv?structure=2025&level=district&year=2025&indicator=poor_rate', /level/],
        ['/export/values.csv?structure=pre2025&level=province&year=2023&indicator=poor_rate&parentCode=42', /parentCode/],
        ['/export/values.csv?structure=pre2025&level=province&year=2023&indicator=poor_rate&parentCode=x%27%20or%201=1', /parentCode/],
        [`/export/values.csv?${PROVINCES_2025}&extra=1`, /extra|Unrecognized/i],
        [`/export/values.csv?${PROVINCES_2025}&year=2024`, /year/],
        [`/export/values.csv?${PROVINCES_2025}&format=xlsx`, /format/],
        ['/export/review.geojson?structure=pre2025&year=2023', /GeoJSON/],
        ['/export/values.pdf?structure=2025', /format/],
        ['/export/secrets.csv', /table/],
        ['/export/values.csv', /structure/],
        ['/export/', /table/],
      ];
      for (const [path, message] of bad) {
        const response = await get(path);
        const text = await response.text();
        expect(response.status, `${path} → ${text}`).toBe(400);
        expect(text, path).toMatch(message);
      }
      expect((await get('/export/values.csv?structure=pre2025&level=commune&year=2023&indicator=poor_rate&parentCode=99999')).status).toBe(404);
      expect((await fetch(`${app.baseUrl}/export/values.csv?${PROVINCES_2025}`, { method: 'POST', headers: { cookie: app.adminSession.cookie } })).status).toBe(405);
    });
  });
}
