// Reads what the generator needs from the unit registry in the database: units of both
// structures (with label points, region and QĐ 353 flags) and the crosswalk.
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';
import type { SimLink, SimUnit } from '../../core/simulate/types.ts';

export async function loadUnits(db: Kysely<Database>, structure: StructureId): Promise<SimUnit[]> {
  const rows = await db
    .selectFrom('unit')
    .select(['code', 'level', 'name', 'type', 'parent_code', 'province_code', 'region', 'label_lon', 'label_lat', 'poor_district', 'coastal_extremely_difficult'])
    .where('structure', '=', structure)
    .orderBy('code')
    .execute();
  return rows.map((u) => ({
    code: u.code,
    level: u.level,
    name: u.name,
    type: u.type,
    parentCode: u.parent_code,
    provinceCode: u.province_code,
    region: u.region,
    lon: u.label_lon,
    lat: u.label_lat,
    poorDistrict: Number(u.poor_district) === 1,
    coastal: Number(u.coastal_extremely_difficult) === 1,
  }));
}

export async function loadLinks(db: Kysely<Database>): Promise<SimLink[]> {
  const rows = await db
    .selectFrom('unit_link')
    .select(['from_code', 'to_code', 'level', 'kind', 'share'])
    .where('from_structure', '=', 'pre2025')
    .where('to_structure', '=', '2025')
    .orderBy('from_code')
    .orderBy('to_code')
    .execute();
  return rows.map((l) => ({ fromCode: l.from_code, toCode: l.to_code, level: l.level, kind: l.kind, share: l.share }));
}
