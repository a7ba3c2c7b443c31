// Loads the crosswalk facts core/scope.ts needs for one account's scope: all province links (63
// rows) and the commune links touching the provinces that scope covers.
import type { Kysely } from 'kysely';
import { COUNTRY_SCOPE, coveredProvinces, effectiveScope, type AccountScope, type EffectiveScope } from '../../core/scope.ts';
import type { Database } from '../db/schema.ts';

export async function loadEffectiveScope(db: Kysely<Database>, scope: AccountScope): Promise<EffectiveScope> {
  if (scope === null) return COUNTRY_SCOPE;
  const provinceLinks = (
    await db
      .selectFrom('unit_link')
      .select(['from_code', 'to_code', 'kind'])
      .where('level', '=', 'province')
      .where('from_structure', '=', 'pre2025')
      .where('to_structure', '=', '2025')
      .execute()
  ).map((l) => ({ from: l.from_code, to: l.to_code, kind: l.kind }));

  const covered = coveredProvinces(scope, provinceLinks);
  const old = [...covered.pre2025];
  const current = [...covered['2025']];
  if (old.length === 0 && current.length === 0) return effectiveScope(scope, { provinceLinks, communeLinks: [] });

  const rows = await db
    .selectFrom('unit_link as l')
    .innerJoin('unit as f', (join) => join.on('f.structure', '=', 'pre2025').onRef('f.code', '=', 'l.from_code'))
    .innerJoin('unit as t', (join) => join.on('t.structure', '=', '2025').onRef('t.code', '=', 'l.to_code'))
    .select(['l.from_code', 'f.parent_code as from_district', 'f.province_code as from_province', 'l.to_code', 't.province_code as to_province'])
    .where('l.level', '=', 'commune')
    .where('l.from_structure', '=', 'pre2025')
    .where('l.to_structure', '=', '2025')
    .where((eb) =>
      eb.or([
        ...(old.length > 0 ? [eb('f.province_code', 'in', old)] : []),
        ...(current.length > 0 ? [eb('t.province_code', 'in', current)] : []),
      ]),
    )
    .execute();
  const communeLinks = rows.map((r) => ({
    from: { code: r.from_code, districtCode: r.from_district, provinceCode: r.from_province },
    to: { code: r.to_code, provinceCode: r.to_province },
  }));
  return effectiveScope(scope, { provinceLinks, communeLinks });
}
