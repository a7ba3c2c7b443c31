// Coverage factors: which communes already have a project of a programme project, and when a
// supervision team last visited each. Rows are kept on the structure they were recorded in
// (a 2023 project on an old commune, a 2025 visit on a new one), so each is carried across the
// 2025 crosswalk (unit_link) to the structure being ranked: a project in old Xã Hòa Đồng counts
// for the new commune it went into, a visit to a new commune for every old commune inside it.
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';
import { versionMemo } from './version-memo.ts';

type Keyed = { structure: StructureId; unit_code: string };

/** Codes of `structure` communes reached by rows of either structure. */
async function carried<T extends Keyed>(db: Kysely<Database>, structure: StructureId, rows: readonly T[]): Promise<Map<string, T[]>> {
  const byCode = new Map<string, T[]>();
  const add = (code: string, row: T) => (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(row);
  const other = rows.filter((r) => r.structure !== structure);
  for (const row of rows) if (row.structure === structure) add(row.unit_code, row);
  if (other.length === 0) return byCode;
  const across = await crosswalkInto(db, structure);
  for (const row of other) for (const code of across.get(row.unit_code) ?? []) add(code, row);
  return byCode;
}

/** Commune code of the other structure → the codes of `structure` it links to (unit_link). */
const crosswalkInto = versionMemo(async (db, structure) => {
  const links = await db
    .selectFrom('unit_link')
    .select(['from_code', 'to_code'])
    .where('from_structure', '=', 'pre2025')
    .where('to_structure', '=', '2025')
    .where('level', '=', 'commune')
    .execute();
  const across = new Map<string, string[]>();
  for (const l of links) {
    const [from, to] = structure === '2025' ? [l.from_code, l.to_code] : [l.to_code, l.from_code];
    (across.get(from) ?? across.set(from, []).get(from)!).push(to);
  }
  return across;
});

export interface ProjectCoverage {
  /** Communes with at least one project of the programme project by the ranking year. */
  covered: Set<string>;
  simulated: boolean;
}

/**
 * Projects of `programmeProject` ('DA1'…'DA7'; null = any) started by the end of `year` (or
 * without a start date): the programme runs 2021-2025, so "no project" means none so far.
 */
export async function projectCoverage(db: Kysely<Database>, structure: StructureId, year: number, programmeProject: string | null): Promise<ProjectCoverage> {
  let query = db
    .selectFrom('project')
    .select(['structure', 'unit_code', 'simulated'])
    .where((eb) => eb.or([eb('start_date', 'is', null), eb('start_date', '<=', `${year}-12-31`)]));
  if (programmeProject !== null) query = query.where('programme_project', '=', programmeProject);
  const rows = (await query.execute()) as (Keyed & { simulated: number })[];
  const byCode = await carried(db, structure, rows);
  return { covered: new Set(byCode.keys()), simulated: rows.some((r) => Number(r.simulated) === 1) };
}

export interface VisitCoverage {
  /** The latest done visit's date per commune, on or before `asOf`. */
  lastVisit: Map<string, string>;
  /** Units (of either structure) with a done visit: 0 means the factor has nothing to rest on. */
  visitedUnits: number;
}

export async function visitCoverage(db: Kysely<Database>, structure: StructureId, asOf: string): Promise<VisitCoverage> {
  const rows = (await db
    .selectFrom('visit')
    .select(['structure', 'unit_code', (eb) => eb.fn.max('actual_date').as('last')])
    .where('status', '=', 'done')
    .where('actual_date', 'is not', null)
    .where('actual_date', '<=', asOf)
    .groupBy(['structure', 'unit_code'])
    .execute()) as (Keyed & { last: string })[];
  const byCode = await carried(db, structure, rows);
  const lastVisit = new Map<string, string>();
  for (const [code, reached] of byCode) lastVisit.set(code, reached.map((r) => r.last).sort().at(-1)!);
  return { lastVisit, visitedUnits: rows.length };
}
