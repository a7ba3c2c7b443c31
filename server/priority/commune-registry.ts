// The communes a ranking can list, with their place and the QĐ 353 flags that are priority
// factors. Pre-2025 communes take "huyện nghèo" from their district. 2025 communes have no
// district and the registry carries no QĐ 353 flags for them (the decision lists old units), so
// they inherit each flag from any old commune or island district that went into them
// (unit_link): a 2025 commune holding a former poor district's commune is still where that
// support was aimed.
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';
import { versionMemo } from './version-memo.ts';

export interface RegistryCommune {
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
  provinceName: string;
  districtCode: string | null;
  districtName: string | null;
  poorDistrict: 0 | 1;
  coastal: 0 | 1;
}

/** Cached per data version (a registry seed bumps it): two joins over 10,000 rows otherwise run per ranking. */
export const loadCommunes = versionMemo((db, structure) => queryCommunes(db, structure as StructureId)) as (
  db: Kysely<Database>,
  structure: StructureId,
) => Promise<RegistryCommune[]>;

async function queryCommunes(db: Kysely<Database>, structure: StructureId): Promise<RegistryCommune[]> {
  const rows = await db
    .selectFrom('unit as u')
    .innerJoin('unit as p', (j) => j.onRef('p.structure', '=', 'u.structure').onRef('p.code', '=', 'u.province_code'))
    .leftJoin('unit as d', (j) => j.onRef('d.structure', '=', 'u.structure').onRef('d.code', '=', 'u.parent_code').on('d.level', '=', 'district'))
    .select([
      'u.code', 'u.name', 'u.full_name', 'u.province_code', 'p.full_name as province_name', 'd.code as district_code', 'd.full_name as district_name',
      'd.poor_district', 'u.coastal_extremely_difficult',
    ])
    .where('u.structure', '=', structure)
    .where('u.level', '=', 'commune')
    .orderBy('u.code')
    .execute();
  const inherited = structure === '2025' ? await inheritedFlags(db) : new Map<string, { poor: number; coastal: number }>();
  return rows.map((r) => {
    const carried = inherited.get(r.code);
    return {
      code: r.code,
      name: r.name,
      fullName: r.full_name,
      provinceCode: r.province_code,
      provinceName: r.province_name,
      districtCode: r.district_code ?? null,
      districtName: r.district_name ?? null,
      poorDistrict: Number(r.poor_district) === 1 || carried?.poor === 1 ? 1 : 0,
      coastal: Number(r.coastal_extremely_difficult) === 1 || carried?.coastal === 1 ? 1 : 0,
    };
  });
}

/** 2025 commune → the flags of the old units that went into it. */
async function inheritedFlags(db: Kysely<Database>): Promise<Map<string, { poor: number; coastal: number }>> {
  const fromCommunes = await db
    .selectFrom('unit_link as l')
    .innerJoin('unit as o', (j) => j.on('o.structure', '=', 'pre2025').onRef('o.code', '=', 'l.from_code'))
    .leftJoin('unit as d', (j) => j.on('d.structure', '=', 'pre2025').onRef('d.code', '=', 'o.parent_code').on('d.level', '=', 'district'))
    .select(['l.to_code', 'd.poor_district', 'o.coastal_extremely_difficult as coastal'])
    .where('l.from_structure', '=', 'pre2025')
    .where('l.to_structure', '=', '2025')
    .where('l.level', '=', 'commune')
    .execute();
  // island districts without communes (Lý Sơn, Cồn Cỏ, …) link as districts to their đặc khu
  const fromDistricts = await db
    .selectFrom('unit_link as l')
    .innerJoin('unit as d', (j) => j.on('d.structure', '=', 'pre2025').onRef('d.code', '=', 'l.from_code'))
    .select(['l.to_code', 'd.poor_district', 'd.coastal_extremely_difficult as coastal'])
    .where('l.from_structure', '=', 'pre2025')
    .where('l.to_structure', '=', '2025')
    .where('l.level', '=', 'district')
    .execute();
  const flags = new Map<string, { poor: number; coastal: number }>();
  for (const row of [...fromCommunes, ...fromDistricts]) {
    const f = flags.get(row.to_code) ?? { poor: 0, coastal: 0 };
    if (Number(row.poor_district) === 1) f.poor = 1;
    if (Number(row.coastal) === 1) f.coastal = 1;
    flags.set(row.to_code, f);
  }
  return flags;
}
