// The scope as a SQL condition on unit columns, so lists are filtered in the query (and `limit`
// counts only what the user may see) rather than after it.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { EffectiveScope, Reach, StructureId } from '../../core/scope.ts';

/** Column names of the unit being filtered; defaults fit `selectFrom('unit')`. */
export interface UnitColumns {
  structure: string;
  code: string;
  level: string;
  provinceCode: string;
}

export const UNIT_TABLE_COLUMNS: UnitColumns = { structure: 'structure', code: 'code', level: 'level', provinceCode: 'province_code' };

const STRUCTURES: StructureId[] = ['pre2025', '2025'];

export function unitScopeCondition(scope: EffectiveScope, need: Reach, columns: UnitColumns = UNIT_TABLE_COLUMNS): RawBuilder<SqlBool> {
  if (scope.country) return sql<SqlBool>`1 = 1`;
  const structure = sql.ref(columns.structure);
  const code = sql.ref(columns.code);
  const level = sql.ref(columns.level);
  const province = sql.ref(columns.provinceCode);
  // bound parameters: a few hundred codes at most (a province's communes)
  const list = (values: ReadonlySet<string>) => sql.join([...values]);

  const parts: RawBuilder<unknown>[] = [];
  for (const s of STRUCTURES) {
    if (scope.provinces[s].size > 0) parts.push(sql`(${structure} = ${s} and ${province} in (${list(scope.provinces[s])}))`);
    if (scope.communes[s].size > 0) {
      parts.push(sql`(${structure} = ${s} and ${level} = 'commune' and ${code} in (${list(scope.communes[s])}))`);
    }
    if (need === 'navigate' && scope.containers[s].size > 0) {
      parts.push(sql`(${structure} = ${s} and ${level} <> 'commune' and ${code} in (${list(scope.containers[s])}))`);
    }
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
