// indicators.*: what a choropleth can show and its values.
// - list: the catalogue (core/poverty/indicators.ts) with the years available in a structure; no
//   unit data, the same for everyone (scope 'none');
// - values: one indicator for every unit of a level (optionally below parentCode), compact as
//   aligned `codes` / `values`. Scoped users get only units they may see data of (the scope as a
//   SQL condition on the answered unit); a parentCode outside the scope is refused (403).
//   Parents are computed from summed counts, never averaged rates (server/indicators/values.ts).
//   2025 units' pre-reform years come from pre-2025 rows through the crosswalk (`via`, `partial`);
// - unit: the click panel's summary of one unit (every year's counts, rates, targets; provinces'
//   coordination status); a unit outside the caller's data scope is refused (403).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { INDICATORS, indicatorByKey } from '../../core/poverty/indicators.ts';
import { EVERY_ROLE, FILTERED, NO_SCOPE, unitInput } from '../access.ts';
import { levelsOf, listIndicators } from '../indicators/catalogue.ts';
import { cachedIndicatorValues } from '../indicators/values-cache.ts';
import { unitSummary } from '../indicators/unit-summary.ts';
import { ANSWERED_UNIT_COLUMNS, indicatorValues } from '../indicators/values.ts';
import { access, router } from '../trpc.ts';

const structure = z.enum(['2025', 'pre2025']);
const level = z.enum(['province', 'district', 'commune']);
const code = z.string().regex(/^\d{2,5}$/, 'mã đơn vị gồm 2-5 chữ số / a unit code is 2-5 digits');
const indicator = z.enum(INDICATORS.map((d) => d.key) as [string, ...string[]]);
const LEVEL_RANK = { province: 0, district: 1, commune: 2 } as const;

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

export const indicatorsRouter = router({
  list: access({ roles: EVERY_ROLE, scope: NO_SCOPE })
    .input(z.strictObject({ structure }))
    .query(({ ctx, input }) => listIndicators(ctx.db, input.structure)),

  values: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(
      z
        .strictObject({ structure, level, year: z.number().int().min(2000).max(2100), indicator, parentCode: code.optional() })
        .refine((i) => !(i.structure === '2025' && i.level === 'district'), {
          message: 'từ 01/7/2025 không còn cấp huyện / the 2025 structure has no districts',
          path: ['level'],
        }),
    )
    .query(async ({ ctx, input }) => {
      const def = indicatorByKey(input.indicator)!;
      if (!levelsOf(def, input.structure).includes(input.level)) {
        throw badRequest(`${def.key}: chỉ có ở cấp / only at level ${levelsOf(def, input.structure).join(', ')}`);
      }
      let parent: { code: string; level: 'province' | 'district' | 'commune' } | null = null;
      if (input.parentCode !== undefined) {
        await ctx.scope.requireRef({ structure: input.structure, code: input.parentCode }, 'navigate');
        const row = await ctx.db
          .selectFrom('unit')
          .select(['code', 'level'])
          .where('structure', '=', input.structure)
          .where('code', '=', input.parentCode)
          .executeTakeFirst();
        if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `Không tìm thấy / not found: ${input.structure}/${input.parentCode}` });
        if (LEVEL_RANK[row.level] >= LEVEL_RANK[input.level]) {
          throw badRequest(`parentCode: ${row.code} (${row.level}) không ở trên cấp / is not above level ${input.level}`);
        }
        parent = row;
      }
      return cachedIndicatorValues(indicatorValues, ctx.db, {
        structure: input.structure,
        level: input.level,
        year: input.year,
        def,
        parent,
        scope: await ctx.scope.condition('data', ANSWERED_UNIT_COLUMNS),
      });
    }),

  unit: access({ roles: EVERY_ROLE, scope: unitInput('data') })
    .input(z.strictObject({ structure, code }))
    .query(async ({ ctx, input }) => {
      const summary = await unitSummary(ctx.db, input.structure, input.code);
      if (!summary) throw new TRPCError({ code: 'NOT_FOUND', message: `Không tìm thấy / not found: ${input.structure}/${input.code}` });
      return summary;
    }),
});
