// The demo data seed: registry units (database) + reference tables → simulated poverty reviews
// (2022-2024 pre-2025 communes, 2025 communes), the real figures as observations, targets, the
// real BC 150 coordination layer, and simulated programme activity (projects, supervision teams
// and their past visits), written in one transaction. Idempotent (replaces only its
// own rows) and skipped when nothing it depends on changed since the last run.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { allFigures, NATIONAL_REGIONAL_FILE, PROVINCE_FILE } from '../../core/simulate/reference-figures.ts';
import { DEFAULT_SEED, generateDemo, type DemoOutput } from '../../core/simulate/generate.ts';
import { generateActivity, type ActivityOutput } from '../../core/simulate/programme-activity.ts';
import type { Database } from '../db/schema.ts';
import { BC150_FILE, coordinationRows } from './coordination.ts';
import { PROVINCES_FILE, readReferenceInput } from './reference-input.ts';
import { loadLinks, loadUnits } from './units.ts';
import { baseDemoTeams, linkDemoSupervisors } from './write-activity.ts';
import { writeDemoRows, type WriteCounts } from './write-rows.ts';

/** Bump when the generator's output changes for the same inputs, so a seeded database is redone. */
export const DEMO_VERSION = '3'; // 2: target.simulated (migration 0006); 3: projects, teams, visits
const META_KEY = 'demo_seed';

export interface DemoSeedOptions {
  seed?: number;
  referenceDir?: string;
  /** Re-seed even when seed, registry and reference tables are unchanged. */
  force?: boolean;
}

export interface DemoSeedReport {
  skipped: boolean;
  seed: number;
  output: DemoOutput | null;
  /** Simulated projects, teams, members and visits. */
  activity: ActivityOutput | null;
  written: WriteCounts | null;
  coordinationNotes: string[];
  /** Province names by `${structure}/${code}`, for the summary. */
  provinceNames: Map<string, string>;
  /** generate includes activity, the part spent on projects, teams and visits. */
  ms: { generate: number; activity: number; write: number; total: number };
  /** Demo accounts made team members on a skipped run (see linkDemoSupervisors). */
  linkedAccounts: string[];
}

export async function seedDemo(db: Kysely<Database>, options: DemoSeedOptions = {}): Promise<DemoSeedReport> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const reference = readReferenceInput(options.referenceDir);
  const registry = await db.selectFrom('app_meta').select('value').where('key', '=', 'registry_seed').executeTakeFirst();
  if (!registry) throw new Error('the unit registry is not seeded: run `npm run seed` first');
  const fingerprint = createHash('sha256')
    .update([DEMO_VERSION, String(seed), registry.value, ...Object.values(reference.texts)].join('\u0000'))
    .digest('hex');
  if (!options.force) {
    const done = await db.selectFrom('app_meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
    if (done?.value === fingerprint) {
      // the demo accounts may have appeared since (npm start creates them after seeding)
      const linkedAccounts = await linkDemoSupervisors(db);
      await baseDemoTeams(db);
      return {
        skipped: true, seed, output: null, activity: null, written: null, coordinationNotes: [], provinceNames: new Map(),
        ms: { generate: 0, activity: 0, write: 0, total: performance.now() - started }, linkedAccounts,
      };
    }
  }

  const [pre2025, units2025, links] = await Promise.all([loadUnits(db, 'pre2025'), loadUnits(db, '2025'), loadLinks(db)]);
  checkLabelPoints(pre2025.filter((u) => u.level === 'commune'));
  const t0 = performance.now();
  const output = generateDemo({
    seed,
    pre2025,
    units2025,
    links,
    figures: allFigures(reference.records[NATIONAL_REGIONAL_FILE], reference.records[PROVINCE_FILE]),
  });
  const coordination = coordinationRows(reference.records[BC150_FILE], reference.records[PROVINCES_FILE]);
  const tActivity = performance.now();
  const activity = generateActivity({ seed, pre2025, units2025, links, reviews: output.reviews });
  const t1 = performance.now();
  const written = await writeDemoRows(
    db,
    { reviews: output.reviews, observations: output.observations, targets: output.targets, coordination: coordination.rows, activity },
    { key: META_KEY, value: fingerprint },
  );
  const t2 = performance.now();
  const provinceNames = new Map(
    [...pre2025.map((u) => ['pre2025', u] as const), ...units2025.map((u) => ['2025', u] as const)].filter(([, u]) => u.level === 'province').map(([s, u]) => [`${s}/${u.code}`, u.name]),
  );
  return {
    skipped: false, seed, output, activity, written, coordinationNotes: coordination.notes, provinceNames,
    ms: { generate: t1 - t0, activity: t1 - tActivity, write: t2 - t1, total: t2 - started }, linkedAccounts: written.activity?.linkedAccounts ?? [],
  };
}

/** A registry from geodata's first pass has no label points: the spatial model would be empty. */
function checkLabelPoints(communes: readonly { lon: number | null }[]): void {
  const missing = communes.filter((c) => c.lon === null).length;
  if (communes.length === 0 || missing > communes.length * 0.01) {
    throw new Error(`${missing} of ${communes.length} pre-2025 communes have no label point: finish \`npm run geodata\` and \`npm run seed\` first`);
  }
}
