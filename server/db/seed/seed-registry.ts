// Loads the unit registry (units, crosswalk links, regions, QĐ 353 flags) into the database in
// one transaction. Idempotent: registry tables are replaced wholesale, user data is never
// touched (no data table has a foreign key to `unit`, see schema.ts).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StructureTable } from '../schema.ts';
import { readReferenceFacts, referenceFingerprintInputs } from './reference-flags.ts';
import { parseRegistry, readRegistryText } from './registry-file.ts';
import { buildUnitRows } from './unit-rows.ts';
import { refreshPlannerStatistics } from '../analyze.ts';
import { bumpDataVersion } from '../../indicators/values-cache.ts';

/** Bump when buildUnitRows changes, so an unchanged registry is still re-seeded. */
const SEED_VERSION = '1';
const META_KEY = 'registry_seed';

export const STRUCTURES: StructureTable[] = [
  { id: '2025', name: 'Từ 01/7/2025: tỉnh, xã (2 cấp) / from 1 July 2025', effective_from: '2025-07-01', effective_to: null },
  { id: 'pre2025', name: 'Trước 01/7/2025: tỉnh, huyện, xã (3 cấp) / until 30 June 2025', effective_from: null, effective_to: '2025-06-30' },
];

export interface SeedOptions {
  registryFile: string;
  referenceDir?: string;
  /** Re-seed even when the registry and reference files are unchanged since the last seed. */
  force?: boolean;
}

export interface SeedReport {
  skipped: boolean;
  units: number;
  links: number;
  flagged: { poorDistricts: number; coastalExtremelyDifficult: number };
  warnings: string[];
  generatedAt: string;
  /** The registry's stage: 'units' lacks label points and areas (geodata's first pass). */
  stage: string | null;
  ms: number;
}

export async function seedRegistry(db: Kysely<Database>, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  // Fingerprint the raw text first: an unchanged registry is skipped without parsing 7 MB.
  const text = readRegistryText(options.registryFile);
  const fingerprint = createHash('sha256')
    .update(SEED_VERSION)
    .update(text)
    .update(referenceFingerprintInputs(options.referenceDir).join('\u0000'))
    .digest('hex');

  if (!options.force) {
    const seeded = await db.selectFrom('app_meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
    if (seeded?.value === fingerprint) {
      return {
        skipped: true,
        units: 0,
        links: 0,
        flagged: { poorDistricts: 0, coastalExtremelyDifficult: 0 },
        warnings: [],
        generatedAt: generatedAtOf(text),
        stage: null,
        ms: performance.now() - started,
      };
    }
  }

  const registry = parseRegistry(text, options.registryFile);
  const rows = buildUnitRows(registry.units, [...registry.links, ...registry.districtLinks], readReferenceFacts(options.referenceDir));
  const now = new Date().toISOString();

  await db.transaction().execute(async (trx) => {
    for (const structure of STRUCTURES) {
      await trx
        .insertInto('structure')
        .values(structure)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: structure.name, effective_from: structure.effective_from, effective_to: structure.effective_to }))
        .execute();
    }
    await trx.deleteFrom('unit_link').execute();
    await trx.deleteFrom('unit').execute();
    for (const chunk of chunks(rows.units, rowsPerStatement(rows.units[0]))) {
      await trx.insertInto('unit').values(chunk).execute();
    }
    for (const chunk of chunks(rows.links, rowsPerStatement(rows.links[0]))) {
      await trx.insertInto('unit_link').values(chunk).execute();
    }
    // units and links feed indicators.values (grouping, scope): cached answers end with this commit
    await bumpDataVersion(trx);
    await trx
      .insertInto('app_meta')
      .values({ key: META_KEY, value: fingerprint, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: fingerprint, updated_at: now }))
      .execute();
  });
  await refreshPlannerStatistics(db, ['unit', 'unit_link']);

  return {
    skipped: false,
    units: rows.units.length,
    links: rows.links.length,
    flagged: rows.flagged,
    warnings: rows.warnings,
    generatedAt: registry.generatedAt,
    stage: registry.stage ?? null,
    ms: performance.now() - started,
  };
}

// Multi-row INSERTs keep the seed fast; stay well under SQLite's 32,766 and PostgreSQL's 65,535
// bound parameters per statement.
const MAX_PARAMETERS = 30_000;

function rowsPerStatement(sample: object | undefined): number {
  const columns = sample ? Object.keys(sample).length : 1;
  return Math.max(1, Math.floor(MAX_PARAMETERS / columns));
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The registry's generatedAt without parsing the whole file (it is written first). */
function generatedAtOf(text: string): string {
  return /"generatedAt"\s*:\s*"([^"]*)"/.exec(text.slice(0, 500))?.[1] ?? 'unknown';
}
