// The one place the exports hold rows to the caller's scope, the way indicators.values does: a
// parentCode must be within navigation reach (403 otherwise, before any row is read), and every
// row is kept only when its unit `u` is within data reach (ctx.scope.condition, in SQL).
import { TRPCError } from '@trpc/server';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { StructureId } from '../db/schema.ts';
import type { ExportContext } from './export-table.ts';

/** Columns of the row's unit, joined as `u`. */
const ROW_UNIT = { structure: 'u.structure', code: 'u.code', level: 'u.level', provinceCode: 'u.province_code' };

/**
 * A condition on `u`: the structure, below `parentCode` when given (the unit itself too, for the
 * few island districts that are their own review leaf), and inside the caller's data scope.
 */
export async function rowUnitCondition(ctx: ExportContext, structure: StructureId, parentCode: string | undefined): Promise<RawBuilder<SqlBool>> {
  const parts: RawBuilder<unknown>[] = [sql`${sql.ref('u.structure')} = ${structure}`];
  if (parentCode !== undefined) {
    await ctx.scope.requireRef({ structure, code: parentCode }, 'navigate');
    const parent = await ctx.db.selectFrom('unit').select('code').where('structure', '=', structure).where('code', '=', parentCode).executeTakeFirst();
    if (!parent) throw new TRPCError({ code: 'NOT_FOUND', message: `Không tìm thấy / not found: ${structure}/${parentCode}` });
    // codes are unique across levels within a structure (2, 3 and 5 digits), so one `or` serves
    // a province or a district parent
    parts.push(sql`(${sql.ref('u.province_code')} = ${parentCode} or ${sql.ref('u.parent_code')} = ${parentCode} or ${sql.ref('u.code')} = ${parentCode})`);
  }
  parts.push(await ctx.scope.condition('data', ROW_UNIT));
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
