// units.*: the unit registry of both structures — search, detail, children, point lookup and
// the 2025 crosswalk. Public reference data (PUBLIC_REFERENCE): open sources, no personal data.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { PUBLIC_REFERENCE } from '../access.ts';
import { foldVietnamese } from '../../core/text.ts';
import { BoundariesUnavailable } from '../geo/boundary-source.ts';
import { access, router } from '../trpc.ts';
import { predecessorsOf, successorsOf } from '../units/crosswalk.ts';
import { locateUnit } from '../units/locate.ts';
import { childrenOf, getUnit } from '../units/registry-queries.ts';
import { searchUnits } from '../units/search.ts';
import { SUMMARY_COLUMNS, toSummary, withPaths } from '../units/unit-view.ts';
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';

const structure = z.enum(['2025', 'pre2025']);
const level = z.enum(['province', 'district', 'commune']);
// GSO codes: 2 digits province, 3 district, 5 commune.
const code = z.string().regex(/^\d{2,5}$/, 'mã đơn vị gồm 2-5 chữ số / a unit code is 2-5 digits');
const query = z
  .string()
  .max(100)
  .refine((q) => foldVietnamese(q) !== '', 'cần ít nhất một chữ hoặc số / needs a letter or digit');

const notFound = (what: string) =>
  new TRPCError({ code: 'NOT_FOUND', message: `Không tìm thấy ${what} / ${what} not found` });

export const unitsRouter = router({
  search: access(PUBLIC_REFERENCE)
    .input(
      z.object({
        q: query,
        structure: structure.optional(),
        level: level.optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => searchUnits(ctx.db, input)),

  get: access(PUBLIC_REFERENCE)
    .input(z.object({ structure, code }))
    .query(async ({ ctx, input }) => {
      const unit = await getUnit(ctx.db, input.structure, input.code);
      if (!unit) throw notFound(`${input.structure}/${input.code}`);
      return unit;
    }),

  /** Without a code: the provinces of the structure. */
  children: access(PUBLIC_REFERENCE)
    .input(z.object({ structure, code: code.optional() }))
    .query(async ({ ctx, input }) => {
      const children = await childrenOf(ctx.db, input.structure, input.code);
      if (!children) throw notFound(`${input.structure}/${input.code}`);
      return children;
    }),

  /** See units/locate.ts for pre-2025 communes, which have no polygons. */
  at: access(PUBLIC_REFERENCE)
    .input(
      z
        .object({
          structure,
          level,
          lon: z.number().min(-180).max(180),
          lat: z.number().min(-90).max(90),
        })
        .refine((i) => !(i.structure === '2025' && i.level === 'district'), {
          message: 'từ 01/7/2025 không còn cấp huyện / the 2025 structure has no districts',
          path: ['level'],
        }),
    )
    .query(async ({ ctx, input }) => {
      try {
        return await locateUnit(ctx.db, ctx.boundaries, input.structure, input.level, [input.lon, input.lat]);
      } catch (error) {
        if (!(error instanceof BoundariesUnavailable)) throw error;
        throw new TRPCError({
          code: 'SERVICE_UNAVAILABLE',
          message: `Chưa có ranh giới (chạy npm run geodata) / boundaries not built: ${error.structure} ${error.level}`,
        });
      }
    }),

  /** Pre-2025 unit → the 2025 units it went to. Districts: the union of their communes'. */
  successors: access(PUBLIC_REFERENCE)
    .input(z.object({ code }))
    .query(async ({ ctx, input }) => {
      const unit = await unitWithPath(ctx.db, 'pre2025', input.code);
      return { unit, successors: await successorsOf(ctx.db, unit) };
    }),

  /** 2025 unit → the pre-2025 units it came from. */
  predecessors: access(PUBLIC_REFERENCE)
    .input(z.object({ code }))
    .query(async ({ ctx, input }) => {
      const unit = await unitWithPath(ctx.db, '2025', input.code);
      return { unit, predecessors: await predecessorsOf(ctx.db, unit) };
    }),
});

async function unitWithPath(db: Kysely<Database>, structure: StructureId, unitCode: string) {
  const row = await db
    .selectFrom('unit')
    .select([...SUMMARY_COLUMNS])
    .where('structure', '=', structure)
    .where('code', '=', unitCode)
    .executeTakeFirst();
  if (!row) throw notFound(`${structure}/${unitCode}`);
  const [unit] = await withPaths(db, [toSummary(row)]);
  return unit!;
}
