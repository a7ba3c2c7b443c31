// imports.* for review results over HTTP against the real registry, on every dialect: a clean CSV
// and a clean .xlsx round-trip into poverty_review and indicators.values; every error category
// in one pass; ambiguous names resolved by the user's choice; apply refusing what it must.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.ts';
import { asInput, communesOf, reviewCsv, reviewLine, vi, withFingerprint, type Commune } from './support/import-files.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`imports: review files (${dialect})`, () => {
    let app: SeededApp;
    let haTinh: Commune[];
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      haTinh = await communesOf(app.database.db, 'pre2025', '42');
    });
    afterAll(() => app?.close());

    const reviewRows = (year: number, codes: string[]) =>
      app.database.db.selectFrom('poverty_review').selectAll().where('structure', '=', 'pre2025').where('year', '=', year).where('unit_code', 'in', codes).orderBy('unit_code').execute();

    it('imports a semicolon CSV with a BOM and Vietnamese numbers, into poverty_review and the map values', async () => {
      const lines = haTinh.slice(0, 30).map((c, i) => reviewLine(c, i));
      const input = asInput('review', 'ra-soat-ha-tinh-2024.csv', reviewCsv(lines), { year: 2024 });
      const report = await app.trpc.imports.preview.mutate(input);
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ kind: 'review', structure: 'pre2025', year: 2024, sheet: null, rowCount: 30, accepted: 30, ambiguous: [] });
      expect(report.columns.map((c) => c.field)).toEqual(['unit_code', 'unit_name', 'year', 'households', 'poor', 'poor_rate', 'near_poor']);
      expect(report.sample[0]).toMatchObject({ row: 2, unitCode: lines[0]!.code, households: lines[0]!.households });
      expect(await app.database.db.selectFrom('poverty_review').select('unit_code').execute()).toEqual([]); // preview wrote nothing

      const applied = await app.trpc.imports.commit.mutate({ ...input, fingerprint: report.fingerprint });
      expect(applied).toMatchObject({ inserted: 30, replaced: 0 });
      const rows = await reviewRows(2024, lines.map((l) => l.code));
      expect(rows.map((r) => [r.unit_code, Number(r.households), Number(r.poor), Number(r.near_poor), r.poverty_standard, Number(r.import_id)])).toEqual(
        [...lines].sort((a, b) => a.code.localeCompare(b.code)).map((l) => [l.code, l.households, l.poor, l.nearPoor, 'ND07_2021', applied.batchId]),
      );

      const values = await app.trpc.indicators.values.query({ structure: 'pre2025', level: 'commune', year: 2024, indicator: 'poor_rate', parentCode: '42' });
      const at = values.codes.indexOf(lines[1]!.code);
      expect(values.values[at]).toBeCloseTo((lines[1]!.poor / lines[1]!.households) * 100, 1);
      expect(values.simulated).toBe(false);
    });

    it('imports an .xlsx with a title block, numeric cells and the sheet named for reviews', async () => {
      const communes = haTinh.slice(30, 45);
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Hướng dẫn').addRow(['Điền số liệu ở trang Kết quả rà soát']);
      const sheet = workbook.addWorksheet('Kết quả rà soát');
      sheet.addRow(['BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2023']);
      sheet.addRow([]);
      sheet.addRow(['STT', 'Ma xa', 'Ten xa', 'Nam', 'Tong so ho', 'So ho ngheo', 'Ty le ho ngheo (%)', 'Ho can ngheo']);
      communes.forEach((c, i) => {
        const l = reviewLine(c, i, 2023, 5);
        sheet.addRow([i + 1, Number(c.code), c.fullName, 2023, l.households, l.poor, Math.round((l.poor / l.households) * 10000) / 100, l.nearPoor]);
      });
      const input = asInput('review', 'ra-soat-2023.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
      const report = await app.trpc.imports.preview.mutate(input);
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ sheet: 'Kết quả rà soát', structure: 'pre2025', year: 2023, accepted: communes.length });
      expect(report.sample[0]).toMatchObject({ row: 4 });
      await app.trpc.imports.commit.mutate({ ...input, fingerprint: report.fingerprint });
      const rows = await reviewRows(2023, communes.map((c) => c.code));
      expect(rows).toHaveLength(communes.length);
      expect(Number(rows[0]!.households)).toBe(reviewLine(communes[0]!, 0, 2023, 5).households);
    });

    it('reports every error category with its row and column in one pass', async () => {
      const [a, b, c, d, e, f, g] = haTinh.slice(50, 57) as Commune[];
      const only2025 = await app.database.db
        .selectFrom('unit')
        .select('code')
        .where('structure', '=', '2025')
        .where('level', '=', 'commune')
        .where('code', 'not in', app.database.db.selectFrom('unit').select('code').where('structure', '=', 'pre2025'))
        .executeTakeFirstOrThrow();
      const text = [
        'Mã xã;Tên xã;Năm;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Hộ cận nghèo',
        '99999;Xã Không Có;2024;1.000;10;1;5', // 2 unknown code
        `${only2025.code};;2024;1.000;10;1;5`, // 3 a 2025 unit in a pre-2025 file
        `${a.code};;2024;1.000;-4;;5`, // 4 negative
        `${b.code};;2024;1.000;10,5;;5`, // 5 non-integer
        `${c.code};;2024;1.000;600;;500`, // 6 poor + near-poor > households
        `${d.code};;2024;1.000;100;12,5;5`, // 7 rate contradicts counts (10%)
        `${e.code};;2024;1.000;100;10,0;5`, // 8 clean
        `${e.code};;2024;1.000;100;10;5`, // 9 duplicate of 8
        `${f.code};;2024;một nghìn;100;;5`, // 10 unparseable
        `${g.code};;2025;1.000;100;;5`, // 11 year of the 2025 structure
      ].join('\n');
      const report = await app.trpc.imports.preview.mutate(asInput('review', 'loi.csv', text, { structure: 'pre2025' }));
      const got = report.errors.map((x) => [x.row, x.column, x.code]);
      expect(got).toEqual([
        [2, 'Mã xã', 'unknown_unit'],
        [3, 'Mã xã', 'wrong_structure'],
        [4, 'Số hộ nghèo', 'negative_count'],
        [5, 'Số hộ nghèo', 'non_integer_count'],
        [6, 'Hộ cận nghèo', 'counts_exceed_households'],
        [7, 'Tỷ lệ hộ nghèo (%)', 'rate_contradicts_counts'],
        [9, 'Mã xã', 'duplicate_row'],
        [10, 'Tổng số hộ', 'unparseable_number'],
        [11, 'Năm', 'structure_year_mismatch'],
      ]);
      for (const error of report.errors) expect(error.message).toMatch(/[ạ-ỹđĐàáâãèéêìíòóôõùúý]/); // Vietnamese
      expect(report.accepted).toBe(1);

      const refused = app.trpc.imports.commit.mutate(withFingerprint(asInput('review', 'loi.csv', text, { structure: 'pre2025' })));
      await expect(refused).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/9 lỗi/) });
    });

    it('reports unparseable dates and project codes in project files', async () => {
      const [a] = haTinh;
      const text = [
        'Mã xã;Dự án;Tiểu dự án;Tên dự án;Vốn trung ương (triệu đồng);Ngày bắt đầu;Ngày kết thúc;Trạng thái',
        `${a!.code};DA3;TDA1;Bò sinh sản;1.250,5;01/03/2024;31/12/2024;Đang triển khai`,
        `${a!.code};DA9;;Đường;100;32/01/2024;01/01/2025;Hoàn thành`,
      ].join('\n');
      const report = await app.trpc.imports.preview.mutate(asInput('project', 'du-an.csv', text, { structure: 'pre2025' }));
      expect(report.errors.map((x) => [x.row, x.column, x.code])).toEqual([
        [3, 'Dự án', 'unknown_value'],
        [3, 'Ngày bắt đầu', 'unparseable_date'],
      ]);
      expect(report.sample[0]).toMatchObject({ programmeProject: 'DA3', subProject: 'TDA1', budgetCentral: 1250.5, startDate: '2024-03-01' });
    });

    it('lists ambiguous names with candidates and imports them once the user chooses', async () => {
      const text = `Tên xã;Năm;Tổng số hộ;Số hộ nghèo\nKỳ Tân;2024;${vi(1234)};56\nXã Kỳ Tân;2024;900;20\n`;
      const input = asInput('review', 'ky-tan.csv', text);
      const report = await app.trpc.imports.preview.mutate(input);
      expect(report.ambiguous.map((x) => x.row)).toEqual([2, 3]);
      const haTinhKyTan = report.ambiguous[0]!.candidates.find((c) => c.path.includes('Hà Tĩnh'))!;
      expect(haTinhKyTan).toMatchObject({ fullName: 'Xã Kỳ Tân', path: expect.stringContaining('Kỳ Anh') });
      await expect(app.trpc.imports.commit.mutate({ ...input, fingerprint: report.fingerprint })).rejects.toMatchObject({ message: expect.stringMatching(/2 tên đơn vị chưa chọn/) });

      const other = report.ambiguous[1]!.candidates.find((c) => c.code !== haTinhKyTan.code)!;
      const chosen = { ...input, choices: { '2': haTinhKyTan.code, '3': other.code } };
      const resolved = await app.trpc.imports.preview.mutate(chosen);
      expect(resolved).toMatchObject({ ambiguous: [], errors: [], accepted: 2 });
      // the fingerprint covers the choices: the first preview's does not apply them
      await expect(app.trpc.imports.commit.mutate({ ...chosen, fingerprint: report.fingerprint })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
      await app.trpc.imports.commit.mutate({ ...chosen, fingerprint: resolved.fingerprint });
      expect(await reviewRows(2024, [haTinhKyTan.code])).toMatchObject([{ households: 1234, poor: 56 }]);
    });

    it('refuses an apply whose file changed since the preview', async () => {
      const input = asInput('review', 'a.csv', reviewCsv([reviewLine(haTinh[60]!, 60, 2024)]));
      const report = await app.trpc.imports.preview.mutate(input);
      const changed = asInput('review', 'a.csv', reviewCsv([reviewLine(haTinh[60]!, 61, 2024)]));
      await expect(app.trpc.imports.commit.mutate({ ...changed, fingerprint: report.fingerprint })).rejects.toMatchObject({ message: expect.stringMatching(/xem trước lại/) });
    });

    it('takes uploads over 1 MB for the import procedures only', async () => {
      const lines = haTinh.map((c, i) => reviewLine(c, i, 2022));
      let text = reviewCsv(lines);
      while (text.length < 1_200_000) text += reviewCsv(lines, { bom: false }).split('\r\n').slice(1).join('\r\n'); // duplicates: errors, still answered
      const report = await app.trpc.imports.preview.mutate(asInput('review', 'lon.csv', text));
      expect(report.rowCount).toBeGreaterThan(lines.length);
      expect(report.errors.every((e) => e.code === 'duplicate_row')).toBe(true);
    });
  });
}
