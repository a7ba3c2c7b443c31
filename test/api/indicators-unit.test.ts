// indicators.unit: the click panel's summary of one unit, on every dialect — a pre-2025 commune's
// own review rows, a district's and a province's summed leaves, a 2025 commune's pre-reform years
// through the crosswalk, provinces' coordination status, and the caller's data scope (403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../core/text.ts';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const COUNTS = ['households', 'poor', 'near_poor', 'escaped', 'newly_poor', 're_poor'] as const;

for (const dialect of dialectsUnderTest()) {
  describe(`indicators.unit (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    let hoaDong: string;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      await seedDemo(app.database.db);
      planner = await app.signIn('plannerHaTinh');
      const found = await app.caller.units.search({ q: 'Hòa Đồng', structure: 'pre2025', level: 'commune' });
      const match = found.find((u) => u.provinceCode === '54' && u.path.some((p) => foldVietnamese(p.fullName) === foldVietnamese('Huyện Tây Hoà')));
      hoaDong = match!.code;
    }, 120_000);
    afterAll(() => app?.close());

    const unit = (input: object, session: HttpSession | null = app.adminSession) => callProcedure(app.baseUrl, 'indicators.unit', 'query', input, session);
    const rowsOf = (structure: '2025' | 'pre2025', codes: string[]) =>
      app.database.db.selectFrom('poverty_review').selectAll().where('structure', '=', structure).where('unit_code', 'in', codes).orderBy('year').execute();
    /** Column sums, null when any row lacks the column (2022 has no flows: no previous review under NĐ 07). */
    const sumsOf = (rows: Record<string, unknown>[]) =>
      Object.fromEntries(COUNTS.map((k) => [k, rows.some((r) => r[k] === null) ? null : rows.reduce((s, r) => s + Number(r[k]), 0)]));

    it('answers Xã Hòa Đồng’s own rows for 2022-2024, with its path and rates', async () => {
      const summary = await app.caller.indicators.unit({ structure: 'pre2025', code: hoaDong });
      expect(summary).toMatchObject({ structure: 'pre2025', code: hoaDong, level: 'commune', coordination: [] });
      expect(foldVietnamese(summary.name)).toBe(foldVietnamese('Xã Hòa Đồng'));
      expect(summary.path.map((p) => [p.code, p.level])).toEqual([['562', 'district'], ['54', 'province']]);
      const rows = await rowsOf('pre2025', [hoaDong]);
      expect(summary.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
      summary.years.forEach((y, i) => {
        const row = rows[i]!;
        expect(y.counts).toEqual(sumsOf([row]));
        expect(y).toMatchObject({ via: null, exact: true, simulated: true });
        expect(y.poorRate).toBeCloseTo((100 * Number(row.poor)) / Number(row.households), 10);
        expect(y.nearPoorRate).toBeCloseTo((100 * Number(row.near_poor)) / Number(row.households), 10);
        expect(y.source).toBe(row.source);
      });
    });

    it('sums a district’s and a province’s leaves, with the province’s targets and coordination', async () => {
      const communes = await app.database.db.selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('parent_code', '=', '562').execute();
      const district = await app.caller.indicators.unit({ structure: 'pre2025', code: '562' });
      const rows = await rowsOf('pre2025', communes.map((c) => c.code));
      for (const y of district.years) {
        const sums = sumsOf(rows.filter((r) => Number(r.year) === y.year));
        expect(y.counts, String(y.year)).toEqual(sums);
        expect(y.poorRate).toBeCloseTo((100 * sums.poor!) / sums.households!, 10);
      }
      const province = await app.caller.indicators.unit({ structure: 'pre2025', code: '54' });
      const poor2023 = await app.caller.indicators.values({ structure: 'pre2025', level: 'province', year: 2023, indicator: 'poor' });
      expect(province.years.find((y) => y.year === 2023)!.counts.poor).toBe(poor2023.values[poor2023.codes.indexOf('54')]);
      expect(province.coordination).toHaveLength(1);
      expect(province.coordination[0]).toMatchObject({ year: 2023 });
      const target = await app.database.db
        .selectFrom('target')
        .select(['year', 'value'])
        .where('structure', '=', 'pre2025')
        .where('unit_code', '=', '42')
        .where('indicator', '=', 'poor_rate_reduction')
        .execute();
      const haTinh = await app.caller.indicators.unit({ structure: 'pre2025', code: '42' });
      for (const t of target) {
        const year = haTinh.years.find((y) => y.year === Number(t.year));
        if (year) expect(year.targets.poor_rate_reduction).toBe(Number(t.value));
      }
    });

    it('gives a 2025 commune 2022-2024 through the crosswalk and 2025 from its own row', async () => {
      // a 2025 commune formed wholly from old communes that went wholly into it
      const links = await app.database.db.selectFrom('unit_link').select(['from_code', 'to_code', 'kind']).where('from_structure', '=', 'pre2025').where('to_structure', '=', '2025').where('level', '=', 'commune').execute();
      const successors = new Map<string, number>();
      for (const l of links) successors.set(l.from_code, (successors.get(l.from_code) ?? 0) + 1);
      const target = links.find((l) => {
        const mine = links.filter((m) => m.to_code === l.to_code);
        return mine.length >= 2 && mine.every((m) => m.kind === 'full' && successors.get(m.from_code) === 1);
      })!.to_code;
      const predecessors = links.filter((l) => l.to_code === target).map((l) => l.from_code);
      const summary = await app.caller.indicators.unit({ structure: '2025', code: target });
      expect(summary.path).toHaveLength(1);
      expect(summary.years.map((y) => [y.year, y.via])).toEqual([[2022, 'crosswalk'], [2023, 'crosswalk'], [2024, 'crosswalk'], [2025, null]]);
      const old = await rowsOf('pre2025', predecessors);
      for (const y of summary.years.slice(0, 3)) {
        expect(y.counts, String(y.year)).toEqual(sumsOf(old.filter((r) => Number(r.year) === y.year)));
        expect(y.exact).toBe(true);
      }
      const [own] = await rowsOf('2025', [target]);
      expect(summary.years[3]!.counts.poor).toBe(Number(own!.poor));
      // the same numbers as the map's values
      const poor2024 = await app.caller.indicators.values({ structure: '2025', level: 'commune', year: 2024, indicator: 'poor', parentCode: summary.path[0]!.code });
      expect(summary.years[2]!.counts.poor).toBe(poor2024.values[poor2024.codes.indexOf(target)]);

      // a partly-moved predecessor: not exact
      const partial = links.find((l) => l.kind === 'partial')!.to_code;
      const split = await app.caller.indicators.unit({ structure: '2025', code: partial });
      expect(split.years.filter((y) => y.via === 'crosswalk').every((y) => !y.exact)).toBe(true);
    });

    it('sums a 2025 province’s communes for every year; no coordination rows for 2025', async () => {
      const summary = await app.caller.indicators.unit({ structure: '2025', code: '42' });
      expect(summary.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
      expect(summary.coordination).toEqual([]);
      for (const y of summary.years) {
        const rate = await app.caller.indicators.values({ structure: '2025', level: 'province', year: y.year, indicator: 'poor_rate' });
        expect(y.poorRate, String(y.year)).toBeCloseTo(rate.values[rate.codes.indexOf('42')]!, 3);
      }
      const target = await app.database.db.selectFrom('target').select('value').where('structure', '=', '2025').where('unit_code', '=', '42').where('year', '=', 2025).where('indicator', '=', 'poor_rate_reduction').executeTakeFirst();
      expect(summary.years[3]!.targets.poor_rate_reduction).toBe(target ? Number(target.value) : null);
    });

    it('refuses units outside the caller’s data scope (403), unknown units (404) and bad input (400)', async () => {
      expect((await unit({ structure: 'pre2025', code: hoaDong }, planner)).status).toBe(403);
      expect((await unit({ structure: 'pre2025', code: '54' }, planner)).status).toBe(403);
      expect((await unit({ structure: '2025', code: '66' }, planner)).status).toBe(403);
      const own = await unit({ structure: 'pre2025', code: '42' }, planner);
      expect(own.status, own.text).toBe(200);
      expect(own.body.result.data.years.length).toBeGreaterThan(0);
      expect((await unit({ structure: '2025', code: '42' }, planner)).status).toBe(200);
      expect((await unit({ structure: 'pre2025', code: '99999' })).status).toBe(404);
      expect((await unit({ structure: 'pre2025', code: '99999' }, planner)).status).toBe(403);
      for (const bad of [{ structure: 'x', code: '42' }, { structure: 'pre2025', code: '4' }, { structure: 'pre2025', code: '42', year: 2024 }]) {
        expect((await unit(bad)).status, JSON.stringify(bad)).toBe(400);
      }
      expect((await unit({ structure: 'pre2025', code: '42' }, null)).status).toBe(401);
    });
  });
}
