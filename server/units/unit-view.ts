// How units leave the server: a small summary, plus the path of parents up to the province
// ("Xã Hòa Đồng" → [Huyện Tây Hòa, Tỉnh Phú Yên]) so a name is never shown without its place.
import type { Kysely, Selectable } from 'kysely';
import type { Database, StructureId, UnitLevel, UnitTable } from '../db/schema.ts';

export type LonLat = [number, number];

export interface UnitSummary {
  structure: StructureId;
  code: string;
  level: UnitLevel;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  labelPoint: LonLat | null;
}

export interface PathStep {
  code: string;
  level: UnitLevel;
  fullName: string;
}

export interface UnitWithPath extends UnitSummary {
  /** Parents, nearest first, ending with the province; empty for a province. */
  path: PathStep[];
}

export const SUMMARY_COLUMNS = [
  'structure',
  'code',
  'level',
  'name',
  'full_name',
  'type',
  'parent_code',
  'province_code',
  'label_lon',
  'label_lat',
] as const;

type SummaryRow = Pick<Selectable<UnitTable>, (typeof SUMMARY_COLUMNS)[number]>;

export function toSummary(row: SummaryRow): UnitSummary {
  return {
    structure: row.structure,
    code: row.code,
    level: row.level,
    name: row.name,
    fullName: row.full_name,
    type: row.type,
    parentCode: row.parent_code,
    provinceCode: row.province_code,
    labelPoint: row.label_lon !== null && row.label_lat !== null ? [row.label_lon, row.label_lat] : null,
  };
}

const key = (structure: string, code: string) => `${structure}/${code}`;

/** Adds each unit's path; one query per level of depth (at most two), whatever the list length. */
export async function withPaths(db: Kysely<Database>, units: UnitSummary[]): Promise<UnitWithPath[]> {
  const known = new Map<string, { parentCode: string | null; step: PathStep }>();
  let wanted = parentKeys(units.map((u) => ({ structure: u.structure, parentCode: u.parentCode })), known);

  // Depth is 2 (pre-2025 commune → district → province); the bound only guards against a
  // malformed registry with a parent cycle.
  for (let depth = 0; depth < 4 && wanted.length > 0; depth++) {
    const rows = await db
      .selectFrom('unit')
      .select(['structure', 'code', 'level', 'full_name', 'parent_code'])
      .where((eb) =>
        eb.or(
          groupByStructure(wanted).map(([structure, codes]) =>
            eb.and([eb('structure', '=', structure), eb('code', 'in', codes)]),
          ),
        ),
      )
      .execute();
    for (const r of rows) {
      known.set(key(r.structure, r.code), {
        parentCode: r.parent_code,
        step: { code: r.code, level: r.level, fullName: r.full_name },
      });
    }
    wanted = parentKeys(rows.map((r) => ({ structure: r.structure, parentCode: r.parent_code })), known);
  }

  return units.map((unit) => {
    const path: PathStep[] = [];
    let parent = unit.parentCode;
    while (parent !== null && path.length < 4) {
      const entry = known.get(key(unit.structure, parent));
      if (!entry) break;
      path.push(entry.step);
      parent = entry.parentCode;
    }
    return { ...unit, path };
  });
}

function parentKeys(
  items: { structure: StructureId; parentCode: string | null }[],
  known: Map<string, unknown>,
): { structure: StructureId; code: string }[] {
  const out = new Map<string, { structure: StructureId; code: string }>();
  for (const { structure, parentCode } of items) {
    if (parentCode !== null && !known.has(key(structure, parentCode))) {
      out.set(key(structure, parentCode), { structure, code: parentCode });
    }
  }
  return [...out.values()];
}

function groupByStructure(keys: { structure: StructureId; code: string }[]): [StructureId, string[]][] {
  const groups = new Map<StructureId, string[]>();
  for (const k of keys) groups.set(k.structure, [...(groups.get(k.structure) ?? []), k.code]);
  return [...groups.entries()];
}
