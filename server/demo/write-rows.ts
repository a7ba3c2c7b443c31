// Writes the demo data in ONE transaction, replacing only rows the demo seed wrote before:
// rows without an import batch whose source starts with the demo's simulated or real prefix
// (core/simulate/sources.ts). Rows imported by users (import_id set, or any other source) are
// never deleted, and where one occupies a demo row's key the demo row is skipped, not forced in.
// The simulated projects, teams and visits are written in the same transaction by
// write-activity.ts, which has its own rules for recognising its rows.
import type { Insertable, Kysely, Transaction } from 'kysely';
import { REAL_SOURCE_PREFIX, SIMULATED_SOURCE_PREFIX } from '../../core/simulate/sources.ts';
import type { ActivityOutput } from '../../core/simulate/programme-activity.ts';
import type { ObservationOut, SimReviewRow, TargetOut } from '../../core/simulate/types.ts';
import type { CoordinationStatusTable, Database, ObservationTable, PovertyReviewTable, TargetTable } from '../db/schema.ts';
import { refreshPlannerStatistics } from '../db/analyze.ts';
import { bumpDataVersion } from '../indicators/values-cache.ts';
import { bulkInsert } from './bulk-insert.ts';
import { writeActivity, type ActivityCounts } from './write-activity.ts';

export interface WriteCounts {
  deleted: Record<DemoTable, number>;
  inserted: Record<DemoTable, number>;
  /** Demo rows not written because a user's row holds the same key. */
  skipped: Record<DemoTable, number>;
  /** Projects, teams, members and visits (write-activity.ts), when the seed had them. */
  activity: ActivityCounts | null;
}

export type DemoTable = 'poverty_review' | 'observation' | 'target' | 'coordination_status';

export interface DemoRows {
  reviews: readonly SimReviewRow[];
  observations: readonly ObservationOut[];
  targets: readonly TargetOut[];
  coordination: readonly Insertable<CoordinationStatusTable>[];
  /** Simulated projects, teams and visits (core/simulate/programme-activity.ts). */
  activity?: ActivityOutput;
}

const demoSource = (prefixes: readonly string[]) => prefixes.map((p) => `${p}%`);

/** `stamp`: an app_meta entry written in the same transaction (the seed's fingerprint). */
export async function writeDemoRows(db: Kysely<Database>, rows: DemoRows, stamp?: { key: string; value: string }): Promise<WriteCounts> {
  const counts: WriteCounts = {
    deleted: { poverty_review: 0, observation: 0, target: 0, coordination_status: 0 },
    inserted: { poverty_review: 0, observation: 0, target: 0, coordination_status: 0 },
    skipped: { poverty_review: 0, observation: 0, target: 0, coordination_status: 0 },
    activity: null,
  };
  const [simulated, real] = demoSource([SIMULATED_SOURCE_PREFIX, REAL_SOURCE_PREFIX]);
  await db.transaction().execute(async (trx) => {
    for (const table of ['poverty_review', 'observation', 'target'] as const) {
      const result = await trx
        .deleteFrom(table)
        .where('import_id', 'is', null)
        .where((eb) => eb.or([eb('source', 'like', simulated), eb('source', 'like', real)]))
        .executeTakeFirst();
      counts.deleted[table] = Number(result.numDeletedRows);
    }
    // coordination_status has no import batch: only rows from the BC 150 reference are the demo's
    const result = await trx.deleteFrom('coordination_status').where('source', 'like', real).executeTakeFirst();
    counts.deleted.coordination_status = Number(result.numDeletedRows);

    await insert(trx, 'poverty_review', rows.reviews.map(toReviewRow), ['structure', 'unit_code', 'year'], counts);
    await insert(trx, 'observation', rows.observations.map(toObservationRow), ['structure', 'unit_code', 'year', 'indicator'], counts);
    await insert(trx, 'target', rows.targets.map(toTargetRow), ['structure', 'unit_code', 'year', 'indicator'], counts);
    await insert(trx, 'coordination_status', [...rows.coordination], ['structure', 'province_code', 'year'], counts);
    if (rows.activity) counts.activity = await writeActivity(trx, rows.activity);
    // cached indicators.values answers (server/indicators/values-cache.ts) end with this commit
    await bumpDataVersion(trx);
    if (stamp) {
      const now = new Date().toISOString();
      await trx
        .insertInto('app_meta')
        .values({ key: stamp.key, value: stamp.value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: stamp.value, updated_at: now }))
        .execute();
    }
  });
  await refreshPlannerStatistics(db, ['poverty_review', 'observation', 'target', 'coordination_status', ...(rows.activity ? (['project', 'team', 'team_member', 'visit'] as const) : [])]);
  return counts;
}

async function insert<T extends DemoTable>(
  trx: Transaction<Database>,
  table: T,
  values: Insertable<Database[T]>[],
  key: readonly (keyof Database[T] & string)[],
  counts: WriteCounts,
): Promise<void> {
  const written = await bulkInsert(trx, table, values, key);
  counts.inserted[table] += written.inserted;
  counts.skipped[table] += written.skipped;
}

function toReviewRow(r: SimReviewRow): Insertable<PovertyReviewTable> {
  return {
    structure: r.structure, unit_code: r.unitCode, year: r.year, poverty_standard: r.povertyStandard,
    households: r.households, poor: r.poor, near_poor: r.near_poor,
    escaped: r.escaped, newly_poor: r.newly_poor, re_poor: r.re_poor,
    d01: r.d01, d02: r.d02, d03: r.d03, d04: r.d04, d05: r.d05, d06: r.d06,
    d07: r.d07, d08: r.d08, d09: r.d09, d10: r.d10, d11: r.d11, d12: r.d12,
    source: r.source, simulated: 1, import_id: null,
  };
}

function toObservationRow(o: ObservationOut): Insertable<ObservationTable> {
  return { structure: o.structure, unit_code: o.unitCode, year: o.year, indicator: o.indicator, value: o.value, source: o.source, simulated: 0, import_id: null };
}

function toTargetRow(t: TargetOut): Insertable<TargetTable> {
  return { structure: t.structure, unit_code: t.unitCode, year: t.year, indicator: t.indicator, value: t.value, source: t.source, simulated: t.simulated ? 1 : 0, import_id: null };
}
