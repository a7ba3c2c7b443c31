// indicators.values through its cache (server/indicators/values-cache.ts), on every dialect: a
// repeated call is answered without computing, writers that bump the data version (the demo
// seed, another connection as a CLI would be) make the next call see the new data, identical
// concurrent misses compute once, and callers with different scopes never share an answer.
// Evidence is the cache's own counters, never timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { openDatabase } from '../../server/db/database.ts';
import { bumpDataVersion, readDataVersion, ValuesCache, valuesCacheFor } from '../../server/indicators/values-cache.ts';
import type { IndicatorValues } from '../../server/indicators/values.ts';
import { dialectsUnderTest } from './support/dialects.ts';
import { callProcedure, type HttpSession } from './support/http-session.ts';
import { startSeededApp, type SeededApp } from './support/seeded-app.ts';

const COMMUNES_2023 = { structure: 'pre2025', level: 'commune', year: 2023, indicator: 'poor_rate' } as const;
const TUY_AN_COMMUNE = '22276'; // Xã Hòa Đồng (pre-2025), Phú Yên: outside the Hà Tĩnh planner's scope

for (const dialect of dialectsUnderTest()) {
  describe(`indicators.values cache (${dialect})`, () => {
    let app: SeededApp;
    let planner: HttpSession;
    beforeAll(async () => {
      app = await startSeededApp(dialect);
      await seedDemo(app.database.db);
      planner = await app.signIn('plannerHaTinh');
    });
    afterAll(() => app?.close());

    const cache = () => valuesCacheFor(app.database.db);
    const counters = () => ({ ...cache().stats });
    const poorOf = async () => {
      const row = await app.database.db.selectFrom('poverty_review').select(['poor', 'households']).where('structure', '=', 'pre2025').where('unit_code', '=', TUY_AN_COMMUNE).where('year', '=', 2023).executeTakeFirstOrThrow();
      return { poor: Number(row.poor), households: Number(row.households) };
    };
    const valueOf = (answer: IndicatorValues, code: string) => answer.values[answer.codes.indexOf(code)];

    it('answers a repeated call from the cache, without computing again', async () => {
      const first = counters();
      const a = await app.caller.indicators.values(COMMUNES_2023);
      const b = await app.caller.indicators.values(COMMUNES_2023);
      const after = counters();
      expect(after.computations - first.computations).toBe(1);
      expect(after.hits - first.hits).toBe(1);
      expect(b).toEqual(a);
      expect(a.codes.length).toBeGreaterThan(10_000);
      // another input is another entry
      await app.caller.indicators.values({ ...COMMUNES_2023, year: 2024 });
      expect(counters().computations - after.computations).toBe(1);
    });

    // Over HTTP, before the demo re-seed below: a seed blocks this process's event loop for
    // seconds, after which a kept-alive connection may be reset under the next fetch.
    it('never gives a scoped planner the answer the admin warmed', async () => {
      for (const input of [COMMUNES_2023, { structure: '2025', level: 'commune', year: 2025, indicator: 'poor_rate' }, { ...COMMUNES_2023, level: 'province' }] as const) {
        const national = await callProcedure(app.baseUrl, 'indicators.values', 'query', input, app.adminSession);
        expect(national.status).toBe(200);
        const again = await callProcedure(app.baseUrl, 'indicators.values', 'query', input, app.adminSession);
        expect(again.body).toEqual(national.body); // warmed
        const before = counters();
        const own = await callProcedure(app.baseUrl, 'indicators.values', 'query', input, planner);
        expect(own.status, own.text).toBe(200);
        expect(counters().computations - before.computations, JSON.stringify(input)).toBe(1);
        const codes: string[] = own.body.result.data.codes;
        expect(codes.length).toBeGreaterThan(0);
        expect(codes.length).toBeLessThan(national.body.result.data.codes.length);
        const provinces = await app.database.db.selectFrom('unit').select('province_code').distinct().where('structure', '=', input.structure).where('code', 'in', codes).execute();
        expect(provinces.map((p) => p.province_code), JSON.stringify(input)).toEqual(['42']);
        // and the admin, after the planner, still gets the whole country
        expect((await callProcedure(app.baseUrl, 'indicators.values', 'query', input, app.adminSession)).body).toEqual(national.body);
      }
    });

    it('computes once for identical calls arriving together', async () => {
      await app.database.db.transaction().execute((trx) => bumpDataVersion(trx));
      const before = counters();
      const answers = await Promise.all(Array.from({ length: 6 }, () => app.caller.indicators.values(COMMUNES_2023)));
      expect(counters().computations - before.computations).toBe(1);
      for (const a of answers) expect(a).toBe(answers[0]);
    });

    it('sees a change written with a version bump, and the demo seed bumps it', async () => {
      const { poor, households } = await poorOf();
      const before = await app.caller.indicators.values(COMMUNES_2023);
      expect(valueOf(before, TUY_AN_COMMUNE)).toBeCloseTo((100 * poor) / households, 4);

      // A change without a bump is not seen: this is what the cache holds, and why every writer bumps.
      const raw = () => app.database.db.updateTable('poverty_review').set({ poor: poor + 100 }).where('structure', '=', 'pre2025').where('unit_code', '=', TUY_AN_COMMUNE).where('year', '=', 2023);
      await raw().execute();
      expect(valueOf(await app.caller.indicators.values(COMMUNES_2023), TUY_AN_COMMUNE)).toBe(valueOf(before, TUY_AN_COMMUNE));

      // The same change with a bump in its transaction, from another connection (as a CLI
      // import in another process would): the server's next call computes afresh.
      const other = openDatabase(app.database.settings);
      try {
        const version = await readDataVersion(app.database.db);
        await other.db.transaction().execute(async (trx) => {
          await trx.updateTable('poverty_review').set({ poor: poor + 200 }).where('structure', '=', 'pre2025').where('unit_code', '=', TUY_AN_COMMUNE).where('year', '=', 2023).execute();
          await bumpDataVersion(trx);
        });
        expect(await readDataVersion(app.database.db)).not.toBe(version);
      } finally {
        await other.close();
      }
      const changed = await app.caller.indicators.values(COMMUNES_2023);
      expect(valueOf(changed, TUY_AN_COMMUNE)).toBeCloseTo((100 * (poor + 200)) / households, 4);
      // a repeat is a hit again
      const hits = counters().hits;
      await app.caller.indicators.values(COMMUNES_2023);
      expect(counters().hits).toBe(hits + 1);

      // The real writer: re-running the demo seed replaces its rows (back to the seeded figure) and bumps.
      const seeded = await seedDemo(app.database.db, { force: true });
      expect(seeded.skipped).toBe(false);
      expect(await poorOf()).toEqual({ poor, households });
      const reseeded = await app.caller.indicators.values(COMMUNES_2023);
      expect(valueOf(reseeded, TUY_AN_COMMUNE)).toBe(valueOf(before, TUY_AN_COMMUNE));
    });

  });
}

describe('ValuesCache bounds', () => {
  const answer = (n: number) => ({ codes: Array.from({ length: n }, (_, i) => String(i)), values: [] }) as unknown as IndicatorValues;

  it('evicts the least recently used entry beyond its entry and code bounds', async () => {
    const lru = new ValuesCache(2, 100);
    await lru.get('v', 'a', async () => answer(10));
    await lru.get('v', 'b', async () => answer(10));
    await lru.get('v', 'a', async () => answer(10)); // a is now the most recent
    await lru.get('v', 'c', async () => answer(10)); // b goes
    expect(lru.size).toBe(2);
    expect(lru.stats).toEqual({ hits: 1, misses: 3, computations: 3 });
    await lru.get('v', 'a', async () => answer(10));
    expect(lru.stats.hits).toBe(2);
    await lru.get('v', 'big', async () => answer(95)); // over 100 codes: older ones go
    expect(lru.size).toBe(1);
  });

  it('forgets a failure and answers of an older version', async () => {
    const lru = new ValuesCache();
    await expect(lru.get('v', 'a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(lru.size).toBe(0);
    await lru.get('v', 'a', async () => answer(1));
    await lru.get('w', 'a', async () => answer(1));
    expect(lru.stats.computations).toBe(3);
    expect(lru.size).toBe(1);
  });
});
