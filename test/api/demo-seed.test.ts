// The demo data seed against a real database (SQLite always, PostgreSQL when DATABASE_URL is
// set): simulated communes sum to the real totals in SQL, one transaction, idempotent, skips
// when nothing changed, never touches user rows, fast.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_CODE } from '../../core/poverty/regions.ts';
import { regionCode, regionByName } from '../../core/poverty/regions.ts';
import { SIMULATED_SOURCE_PREFIX } from '../../core/simulate/sources.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { defaultRegistryPath } from '../../server/db/seed/registry-file.ts';
import { seedRegistry } from '../../server/db/seed/seed-registry.ts';
import { seedDemo, type DemoSeedReport } from '../../server/demo/seed-demo.ts';
import { formatDemoReport } from '../../server/demo/summary.ts';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from './support/dialects.ts';
import { requireGeodataBuild } from './support/seeded-app.ts';

for (const dialect of dialectsUnderTest()) {
  describe(`demo data seed (${dialect})`, () => {
    let database: TestDatabase;
    let report: DemoSeedReport;
    beforeAll(async () => {
      requireGeodataBuild();
      database = await createTestDatabase(dialect);
      await migrateToLatest(database);
      await seedRegistry(database.db, { registryFile: defaultRegistryPath(), force: true });
      report = await seedDemo(database.db);
    });
    afterAll(() => database?.dispose());

    it('writes simulated reviews, real observations, targets and the BC 150 layer', async () => {
      expect(report.skipped).toBe(false);
      const count = async (table: 'poverty_review' | 'observation' | 'target' | 'coordination_status') =>
        Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(await count('poverty_review')).toBe(report.output!.reviews.length);
      expect(report.output!.reviews.length).toBeGreaterThan(30_000);
      expect(await count('observation')).toBe(report.output!.observations.length);
      expect(await count('target')).toBe(report.output!.targets.length);
      expect(await count('coordination_status')).toBe(63);
      const flags = await database.db.selectFrom('poverty_review').select(['simulated', 'source']).distinct().execute();
      expect(flags.every((r) => Number(r.simulated) === 1 && r.source!.startsWith(SIMULATED_SOURCE_PREFIX))).toBe(true);
      const years = await database.db.selectFrom('poverty_review').select(['structure', 'year']).distinct().orderBy('structure').orderBy('year').execute();
      expect(years.map((y) => `${y.structure}/${y.year}`)).toEqual(['2025/2025', 'pre2025/2022', 'pre2025/2023', 'pre2025/2024']);
      const haGiang = await database.db.selectFrom('coordination_status').selectAll().where('province_code', '=', '02').executeTakeFirstOrThrow();
      expect(haGiang).toMatchObject({ structure: 'pre2025', year: 2023, signed: 1, signed_document: '07/CTr-SLĐTBXH-MTTQ', signed_date: '2023-04-11', reported: 1, report_date: '2023-06-29' });
      const status = async (code: string) => database.db.selectFrom('coordination_status').selectAll().where('province_code', '=', code).executeTakeFirstOrThrow();
      // as published, oddities included: Quảng Bình's two documents, Lai Châu "not reported" with a report number
      expect((await status('44')).signed_date).toBe('2022-07-22');
      expect((await status('44')).signed_document).toContain('245/KHPH-UBMT-SLĐTBXH');
      expect(await status('12')).toMatchObject({ reported: 0, report_document: '1317/BC-SLĐTBXH' });
      expect(await status('79')).toMatchObject({ signed: 1, signed_document: null, reported: 1 }); // TP Hồ Chí Minh
      expect(await status('48')).toMatchObject({ signed: 0, reported: 1 }); // Đà Nẵng
      const printed = formatDemoReport(report);
      expect(printed).toContain('every total met exactly');
      console.info(printed.split('\n').slice(0, 7).join('\n'));
    });

    it('makes parents the sums of their communes, equal to every real total (summed in SQL)', async () => {
      const sums = await database.db
        .selectFrom('poverty_review as r')
        .innerJoin('unit as u', (j) => j.onRef('u.structure', '=', 'r.structure').onRef('u.code', '=', 'r.unit_code'))
        .select(['r.structure', 'r.year', 'u.region', 'u.province_code'])
        .select((eb) => [eb.fn.sum<number>('r.households').as('households'), eb.fn.sum<number>('r.poor').as('poor'), eb.fn.sum<number>('r.near_poor').as('near_poor')])
        .groupBy(['r.structure', 'r.year', 'u.region', 'u.province_code'])
        .execute();
      const totals = new Map<string, { households: number; poor: number; nearPoor: number }>();
      const add = (key: string, s: (typeof sums)[number]) => {
        const t = totals.get(key) ?? { households: 0, poor: 0, nearPoor: 0 };
        t.households += Number(s.households);
        t.poor += Number(s.poor);
        t.nearPoor += Number(s.near_poor);
        totals.set(key, t);
      };
      for (const s of sums) {
        add(`${s.structure}/${s.year}/${NATIONAL_CODE}`, s);
        add(`${s.structure}/${s.year}/${s.province_code}`, s);
        const region = regionByName(s.region);
        if (region) add(`${s.structure}/${s.year}/${regionCode(region.key)}`, s);
      }
      for (const c of report.output!.checks) {
        expect(totals.get(`${c.structure}/${c.year}/${c.node}`)![c.variable], `${c.structure} ${c.year} ${c.node} ${c.variable}`).toBe(c.target);
      }
      // published figures, spelled out
      expect(totals.get('pre2025/2022/VN-TDMNPB')!.poor).toBe(455_271);
      expect(totals.get('pre2025/2023/VN')).toMatchObject({ poor: 815_101, nearPoor: 771_235 });
      expect(totals.get('pre2025/2023/02')!.poor).toBe(59_496); // Hà Giang
      const combined2024 = totals.get('pre2025/2024/VN')!;
      expect(combined2024.poor + combined2024.nearPoor).toBe(1_258_997);
      expect(totals.get('2025/2025/20')).toEqual({ households: 199_765, poor: 4_643, nearPoor: 13_578 }); // Lạng Sơn
      // a parent's rate is its summed counts over its summed households, e.g. Tây Nguyên 2022 (8.39 %)
      const tn = totals.get('pre2025/2022/VN-TN')!;
      expect(((100 * tn.poor) / tn.households).toFixed(2)).toBe('8.39');
    });

    it('is skipped when nothing changed, and re-seeds idempotently without touching user rows', async () => {
      expect((await seedDemo(database.db)).skipped).toBe(true);
      const commune = report.output!.reviews.find((r) => r.structure === 'pre2025' && r.year === 2023)!;
      await database.db.deleteFrom('poverty_review').where('structure', '=', 'pre2025').where('unit_code', '=', commune.unitCode).where('year', '=', 2023).execute();
      const userRow = { ...Object.fromEntries(Object.keys(commune).filter((k) => /^d\d\d$/.test(k)).map((k) => [k, null])), structure: 'pre2025' as const, unit_code: commune.unitCode, year: 2023, poverty_standard: 'ND07_2021', households: 1234, poor: 12, near_poor: 34, escaped: null, newly_poor: null, re_poor: null, source: 'Phòng LĐ-TB&XH huyện (nhập từ tệp)', simulated: 0 as const, import_id: 7 };
      await database.db.insertInto('poverty_review').values(userRow).execute();
      await database.db.insertInto('target').values({ structure: 'pre2025', unit_code: '42', year: 2023, indicator: 'poor_rate_reduction_user', value: 0.7, source: 'nhập tay', import_id: 8 }).execute();

      const again = await seedDemo(database.db, { force: true });
      expect(again.skipped).toBe(false);
      expect(again.written!.skipped.poverty_review).toBe(1);
      expect(again.written!.deleted.poverty_review).toBe(report.output!.reviews.length - 1);
      const kept = await database.db.selectFrom('poverty_review').selectAll().where('unit_code', '=', commune.unitCode).where('year', '=', 2023).where('structure', '=', 'pre2025').execute();
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ households: 1234, poor: 12, import_id: 7 });
      expect(await database.db.selectFrom('target').select('value').where('indicator', '=', 'poor_rate_reduction_user').execute()).toEqual([{ value: 0.7 }]);
      const total = await database.db.selectFrom('poverty_review').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(total.n)).toBe(report.output!.reviews.length);
      const duplicates = await sql<{ n: number }>`select count(*) as n from (select structure, unit_code, year from poverty_review group by structure, unit_code, year having count(*) > 1) d`.execute(database.db);
      expect(Number(duplicates.rows[0].n)).toBe(0);
    });

    // How long it takes is logged, not asserted: speed is a benchmark's job (`time npm run
    // seed:demo -- --force`, bench/README.md), and a shared CI machine would make a budget flaky.
    it('re-seeds with force and reports its timings', async () => {
      const timed = await seedDemo(database.db, { force: true });
      console.info(`demo seed on ${dialect}: ${timed.output!.reviews.length} reviews, generate ${timed.ms.generate.toFixed(0)} ms, write ${timed.ms.write.toFixed(0)} ms, total ${timed.ms.total.toFixed(0)} ms`);
      expect(timed.skipped).toBe(false);
      expect(timed.ms.total).toBeGreaterThan(0);
    });
  });
}
