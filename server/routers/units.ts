// units.*: the unit registry of both structures — search, detail, children, point lookup and
// the 2025 crosswalk. Every signed-in role reads it, inside its scope (core/scope.ts):
// - search lists only units within reach; a container (the 2025 province that received a scoped
//   pre-2025 province's communes) is findable for navigation;
// - get / successors / predecessors / children of a unit outside the scope: 403;
// - at: a point inside a unit outside the scope: 403;
// - the province list (children without a code) is the one national answer every signed-in user
//   gets: the country map needs every province outline and name to draw Vietnam at all
//   (ctx.scope.national()). The /geo boundary files are likewise readable by any session.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { EVERY_ROLE, FILTERED, unitInput } from '../access.ts';
import { foldVietnamese } from '../../core/text.ts';
import { BoundariesUnavailable } from '../geo/boundary-source.ts';
import type { ScopeGuard } from '../scope/request-scope.ts';
import { access, router } from '../trpc.ts';
import { predecessorsOf, successorsOf, type CrosswalkEntry } from '../units/crosswalk.ts';
import { locateUnit, type LocateResult } from '../units/locate.ts';
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
  search: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(
      z.strictObject({
        q: query,
        structure: structure.optional(),
        level: level.optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) => searchUnits(ctx.db, input, await ctx.scope.condition('navigate'))),

  get: access({ roles: EVERY_ROLE, scope: unitInput('navigate') })
    .input(z.strictObject({ structure, code }))
    .query(async ({ ctx, input }) => {
      const unit = await getUnit(ctx.db, input.structure, input.code);
      if (!unit) throw notFound(`${input.structure}/${input.code}`);
      return unit;
    }),

  /** Without a code: the provinces of the structure (national, see the top of this file). */
  children: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(z.strictObject({ structure, code: code.optional() }))
    .query(async ({ ctx, input }) => {
      if (input.code === undefined) ctx.scope.national();
      else await ctx.scope.requireRef({ structure: input.structure, code: input.code }, 'navigate');
      const children = await childrenOf(ctx.db, input.structure, input.code);
      if (!children) throw notFound(`${input.structure}/${input.code}`);
      return input.code === undefined ? children : ctx.scope.keep(children, 'navigate');
    }),

  /** See units/locate.ts for pre-2025 communes, which have no polygons. */
  at: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(
      z
        .strictObject({
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
        const found = await locateUnit(ctx.db, ctx.boundaries, input.structure, input.level, [input.lon, input.lat]);
        return await withinScope(found, ctx.scope);
      } catch (error) {
        if (!(error instanceof BoundariesUnavailable)) throw error;
        throw new TRPCError({
          code: 'SERVICE_UNAVAILABLE',
          message: `Chưa có ranh giới (chạy npm run geodata) / boundaries not built: ${error.structure} ${error.level}`,
        });
      }
    }),

  /** Pre-2025 unit → the 2025 units it went to. Districts: the union of their communes'. */
  successors: access({ roles: EVERY_ROLE, scope: unitInput('navigate', (i: { code: string }) => ({ structure: 'pre2025', code: i.code })) })
    .input(z.strictObject({ code }))
    .query(async ({ ctx, input }) => {
      const unit = await unitWithPath(ctx.db, 'pre2025', input.code);
      return { unit, successors: await visibleEntries(await successorsOf(ctx.db, unit), ctx.scope) };
    }),

  /** 2025 unit → the pre-2025 units it came from. */
  predecessors: access({ roles: EVERY_ROLE, scope: unitInput('navigate', (i: { code: string }) => ({ structure: '2025', code: i.code })) })
    .input(z.strictObject({ code }))
    .query(async ({ ctx, input }) => {
      const unit = await unitWithPath(ctx.db, '2025', input.code);
      return { unit, predecessors: await visibleEntries(await predecessorsOf(ctx.db, unit), ctx.scope) };
    }),
});

/** A scoped user sees a point's unit only inside the scope; old-commune candidates are filtered. */
async function withinScope(found: LocateResult, scope: ScopeGuard): Promise<LocateResult> {
  await scope.effective();
  if (found.unit) await scope.require(found.unit, 'navigate');
  if (found.via) await scope.require(found.via, 'navigate');
  return { ...found, candidates: await scope.keep(found.candidates, 'navigate') };
}

/** The crosswalk may lead across a scope's edge (a commune moved to another province). */
function visibleEntries(entries: CrosswalkEntry[], scope: ScopeGuard): Promise<CrosswalkEntry[]> {
  return scope.keep(entries, 'navigate', (e) => e.unit);
}

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
