// Which review years a structure answers, and how. A 2025 unit's year is answered from its own
// 2025 review rows when there are any for that year ("native"); otherwise, when pre-2025 rows
// exist for it (2022-2024: every review before the 1 July 2025 reform), from those rows carried
// over the crosswalk (values-crosswalk.ts). Pre-2025 units are only ever answered natively.
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';

export interface ReviewYears {
  /** Years with review rows of the structure itself, ascending. */
  native: number[];
  /** Years answered through the crosswalk (2025 only): pre-2025 rows, no 2025 rows. */
  crosswalk: number[];
}

export async function reviewYears(db: Kysely<Database>, structure: StructureId): Promise<ReviewYears> {
  // (structure, year) is the poverty_review_year_idx prefix: an index-only scan
  const rows = await db
    .selectFrom('poverty_review')
    .select(['structure', 'year'])
    .distinct()
    .where('structure', 'in', structure === '2025' ? ['2025', 'pre2025'] : ['pre2025'])
    .execute();
  const years = (s: StructureId) => [...new Set(rows.filter((r) => r.structure === s).map((r) => Number(r.year)))].sort((a, b) => a - b);
  const native = years(structure);
  return { native, crosswalk: structure === '2025' ? years('pre2025').filter((y) => !native.includes(y)) : [] };
}

/** How one year of a structure is answered: 'native', 'crosswalk', or null (no data). */
export function yearSource(years: ReviewYears, year: number): 'native' | 'crosswalk' | null {
  return years.native.includes(year) ? 'native' : years.crosswalk.includes(year) ? 'crosswalk' : null;
}
