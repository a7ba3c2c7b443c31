// The 2025 reform crosswalk (unit_link): which 2025 units an old unit went to (successors) and
// which old units a 2025 unit came from (predecessors), each tagged full or partial.
// Links exist for communes and provinces; an old district, which has no 2025 counterpart, is
// answered through its communes.
import type { Kysely } from 'kysely';
import type { Database, LinkKind, UnitRow } from '../db/schema.ts';
import { SUMMARY_COLUMNS, toSummary, withPaths, type UnitWithPath } from './unit-view.ts';

export interface CrosswalkEntry {
  unit: UnitWithPath;
  /** full: the whole old unit went into the new one; partial: only part of it did. */
  kind: LinkKind;
  /** For an old district: how many of its communes went (wholly or partly) into this unit. */
  viaCommunes: number | null;
}

export async function successorsOf(db: Kysely<Database>, from: Pick<UnitRow, 'code' | 'level'>): Promise<CrosswalkEntry[]> {
  const links =
    from.level === 'district'
      ? await districtLinks(db, from.code)
      : (await db
          .selectFrom('unit_link')
          .select(['to_code', 'kind'])
          .where('from_structure', '=', 'pre2025')
          .where('from_code', '=', from.code)
          .where('to_structure', '=', '2025')
          .execute()).map((l) => ({ code: l.to_code, kind: l.kind, viaCommunes: null }));
  return entries(db, '2025', links);
}

export async function predecessorsOf(db: Kysely<Database>, to: Pick<UnitRow, 'code'>): Promise<CrosswalkEntry[]> {
  const links = await db
    .selectFrom('unit_link')
    .select(['from_code', 'kind'])
    .where('to_structure', '=', '2025')
    .where('to_code', '=', to.code)
    .where('from_structure', '=', 'pre2025')
    .execute();
  return entries(db, 'pre2025', links.map((l) => ({ code: l.from_code, kind: l.kind, viaCommunes: null })));
}

/** Number of successors (pre2025 unit) or predecessors (2025 unit), for units.get. */
export async function crosswalkCount(db: Kysely<Database>, unit: Pick<UnitRow, 'structure' | 'code' | 'level'>): Promise<number> {
  if (unit.level === 'district') return (await districtLinks(db, unit.code)).length;
  const [ours, theirs] = unit.structure === '2025' ? (['to', 'from'] as const) : (['from', 'to'] as const);
  const rows = await db
    .selectFrom('unit_link')
    .select(`${theirs}_code`)
    .where(`${ours}_structure`, '=', unit.structure)
    .where(`${ours}_code`, '=', unit.code)
    .execute();
  return rows.length;
}

interface Link {
  code: string;
  kind: LinkKind;
  viaCommunes: number | null;
}

/**
 * A district's successors are the union of its communes' successors. The district went *fully*
 * into a new commune only when all of its communes went wholly into that one commune; otherwise
 * each successor holds part of it. Island districts without communes (Cồn Cỏ, Lý Sơn, …) have
 * their own district-level link to the new đặc khu.
 */
async function districtLinks(db: Kysely<Database>, districtCode: string): Promise<Link[]> {
  const direct = await db
    .selectFrom('unit_link')
    .select(['to_code', 'kind'])
    .where('from_structure', '=', 'pre2025')
    .where('from_code', '=', districtCode)
    .where('to_structure', '=', '2025')
    .execute();
  const viaCommunes = await db
    .selectFrom('unit_link')
    .innerJoin('unit', (join) =>
      join.onRef('unit.structure', '=', 'unit_link.from_structure').onRef('unit.code', '=', 'unit_link.from_code'),
    )
    .select(['unit_link.to_code', 'unit_link.kind', 'unit_link.from_code'])
    .where('unit.structure', '=', 'pre2025')
    .where('unit.parent_code', '=', districtCode)
    .where('unit_link.to_structure', '=', '2025')
    .execute();

  const byTarget = new Map<string, Set<string>>();
  for (const r of viaCommunes) byTarget.set(r.to_code, (byTarget.get(r.to_code) ?? new Set()).add(r.from_code));
  const whole = direct.length === 0 && byTarget.size === 1 && viaCommunes.every((r) => r.kind === 'full');
  const links: Link[] = direct.map((l) => ({ code: l.to_code, kind: l.kind, viaCommunes: null }));
  for (const [code, communes] of byTarget) {
    if (links.some((l) => l.code === code)) continue;
    links.push({ code, kind: whole ? 'full' : 'partial', viaCommunes: communes.size });
  }
  return links;
}

async function entries(db: Kysely<Database>, structure: '2025' | 'pre2025', links: Link[]): Promise<CrosswalkEntry[]> {
  if (links.length === 0) return [];
  const rows = await db
    .selectFrom('unit')
    .select([...SUMMARY_COLUMNS])
    .where('structure', '=', structure)
    .where('code', 'in', links.map((l) => l.code))
    .orderBy('code')
    .execute();
  const units = new Map((await withPaths(db, rows.map(toSummary))).map((u) => [u.code, u]));
  // A link to a code the registry lacks (a known source disagreement) is left out rather than
  // shown half-empty; the seed reports such links.
  return links
    .filter((l) => units.has(l.code))
    .map((l) => ({ unit: units.get(l.code)!, kind: l.kind, viaCommunes: l.viaCommunes }))
    .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}
