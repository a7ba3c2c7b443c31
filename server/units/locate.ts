// units.at: which unit is at a point (a click on the map, a phone's GPS position).
//
// Pre-2025 communes have no polygons (no openly licensed set exists). For them the answer is
// honest rather than invented: `unit` is null and `candidates` lists the old communes that went
// into the 2025 commune containing the point, narrowed to those of the old district containing
// the point when that district's polygon is known. `via` is that 2025 commune.
import type { Kysely } from 'kysely';
import type { Database, StructureId, UnitLevel } from '../db/schema.ts';
import type { BoundarySource, LonLat } from '../geo/boundary-source.ts';
import { predecessorsOf } from './crosswalk.ts';
import { SUMMARY_COLUMNS, toSummary, withPaths, type UnitWithPath } from './unit-view.ts';

export interface LocateResult {
  /** The unit whose polygon contains the point, or null (at sea, outside Vietnam, no polygons). */
  unit: UnitWithPath | null;
  /** Pre-2025 communes only: the old communes the point may lie in. */
  candidates: UnitWithPath[];
  /** Pre-2025 communes only: the 2025 commune the candidates were found through. */
  via: UnitWithPath | null;
  /** Bilingual explanation when `unit` is null. */
  note: string | null;
}

const NOTHING_HERE = 'Không có đơn vị hành chính nào chứa điểm này / No administrative unit contains this point';
const OLD_COMMUNES_HAVE_NO_POLYGONS =
  'Xã trước 01/7/2025 không có ranh giới; đây là các xã cũ có thể chứa điểm này, suy ra qua xã mới / ' +
  'Pre-2025 communes have no boundaries; these are the old communes that may contain the point, found through the 2025 commune';

export async function locateUnit(
  db: Kysely<Database>,
  boundaries: BoundarySource,
  structure: StructureId,
  level: UnitLevel,
  point: LonLat,
): Promise<LocateResult> {
  if (structure === 'pre2025' && level === 'commune') return locateOldCommune(db, boundaries, point);
  const unit = await firstUnit(db, structure, await boundaries.containing(structure, level, point));
  return { unit, candidates: [], via: null, note: unit ? null : NOTHING_HERE };
}

async function locateOldCommune(db: Kysely<Database>, boundaries: BoundarySource, point: LonLat): Promise<LocateResult> {
  const via = await firstUnit(db, '2025', await boundaries.containing('2025', 'commune', point));
  if (!via) return { unit: null, candidates: [], via: null, note: NOTHING_HERE };

  let candidates = (await predecessorsOf(db, via)).map((p) => p.unit).filter((u) => u.level === 'commune');
  const districts = await boundaries.containing('pre2025', 'district', point).catch(() => [] as string[]);
  const inDistrict = candidates.filter((c) => c.parentCode !== null && districts.includes(c.parentCode));
  // Old district outlines and new commune outlines come from different maps; if they disagree
  // near a border, keep all candidates rather than none.
  if (inDistrict.length > 0) candidates = inDistrict;
  return { unit: null, candidates, via, note: OLD_COMMUNES_HAVE_NO_POLYGONS };
}

async function firstUnit(db: Kysely<Database>, structure: StructureId, codes: string[]): Promise<UnitWithPath | null> {
  if (codes.length === 0) return null;
  const row = await db
    .selectFrom('unit')
    .select([...SUMMARY_COLUMNS])
    .where('structure', '=', structure)
    .where('code', 'in', codes)
    .orderBy('code')
    .executeTakeFirst();
  if (!row) return null;
  const [unit] = await withPaths(db, [toSummary(row)]);
  return unit ?? null;
}
