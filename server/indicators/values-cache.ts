// indicators.values answers kept in memory, valid for one data version.
//
// A national commune call costs 25-125 ms of CPU (bench/README.md) while the data behind it
// changes only on import, seed or restore. The data version lives in the database (app_meta key
// 'data_version'), not in this process, so a CLI seed or restore running beside the server
// invalidates the server's answers too: every request reads it with one primary-key select.
//
// Every writer of poverty_review / target / coordination_status / unit / unit_link calls
// bumpDataVersion(trx) in its own transaction. The version is a fresh random token, never a
// counter: a restore brings back an old app_meta, and a counter could then repeat a value the
// server has answers cached for; restore bumps again after it (server/db/backup/backup.ts).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { IndicatorValues, ValuesQuery } from './values.ts';

export const DATA_VERSION_KEY = 'data_version';

/** Marks the data changed; call inside the writing transaction so both commit together. */
export async function bumpDataVersion(trx: Kysely<Database>): Promise<string> {
  const value = randomUUID();
  const now = new Date().toISOString();
  await trx
    .insertInto('app_meta')
    .values({ key: DATA_VERSION_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
  return value;
}

/** '' until the first bump (a database no writer has touched yet). */
export async function readDataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', DATA_VERSION_KEY).executeTakeFirst();
  return row?.value ?? '';
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Calls of the compute function: misses minus those that joined one already running. */
  computations: number;
}

/**
 * LRU of answer promises for the current data version. Promises, not answers: concurrent
 * identical misses (50 browsers opening the same map after an import) share one computation.
 * Bounded by entries and by the codes held, as one pre-2025 commune answer is ~10,000 codes.
 */
export class ValuesCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, computations: 0 };
  private version: string | null = null;
  private readonly entries = new Map<string, { answer: Promise<IndicatorValues>; codes: number }>();
  private codes = 0;

  constructor(
    readonly maxEntries = 256,
    readonly maxCodes = 1_000_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async get(version: string, key: string, compute: () => Promise<IndicatorValues>): Promise<IndicatorValues> {
    // Older answers can never be asked for again (versions are never reused): free them now.
    if (version !== this.version) this.clear(version);
    const fullKey = `${version}\u0000${key}`;
    const hit = this.entries.get(fullKey);
    if (hit) {
      this.stats.hits++;
      this.entries.delete(fullKey); // re-insert: Map order is the recency order
      this.entries.set(fullKey, hit);
      return hit.answer;
    }
    this.stats.misses++;
    this.stats.computations++;
    const entry = { answer: compute(), codes: 0 };
    this.entries.set(fullKey, entry);
    try {
      const answer = await entry.answer;
      if (this.entries.get(fullKey) === entry) {
        entry.codes = answer.codes.length;
        this.codes += entry.codes;
        this.evict();
      }
      return answer;
    } catch (error) {
      // a failure is not an answer: the next call tries again
      if (this.entries.get(fullKey) === entry) this.entries.delete(fullKey);
      throw error;
    }
  }

  clear(version: string | null = null): void {
    this.entries.clear();
    this.codes = 0;
    this.version = version;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.codes <= this.maxCodes) break;
      this.entries.delete(key);
      this.codes -= entry.codes;
    }
  }
}

// One cache per database handle: the API tests open several databases in one process, and the
// same data version token on two of them ('' before any bump) must not share answers.
const caches = new WeakMap<Kysely<Database>, ValuesCache>();

export function valuesCacheFor(db: Kysely<Database>): ValuesCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ValuesCache()));
  return cache;
}

type Compute = (db: Kysely<Database>, q: ValuesQuery) => Promise<IndicatorValues>;

/**
 * `compute(db, q)` through the cache. The caller's scope identity is the scope condition itself,
 * compiled (SQL text and bound codes): callers whose filters are identical get the same answer
 * whoever they are, and different filters never share one. Country-wide callers all compile to
 * `1 = 1`. The condition was built (ctx.scope used) before this call, so the gate's check that
 * a filtered procedure applied the scope holds on hits too.
 */
export async function cachedIndicatorValues(compute: Compute, db: Kysely<Database>, q: ValuesQuery): Promise<IndicatorValues> {
  const scope = q.scope.compile(db);
  const key = JSON.stringify([q.structure, q.level, q.year, q.def.key, q.parent?.level ?? null, q.parent?.code ?? null, scope.sql, scope.parameters]);
  // read before computing: an answer stored under a version is never older than that version
  const version = await readDataVersion(db);
  return valuesCacheFor(db).get(version, key, () => compute(db, q));
}
