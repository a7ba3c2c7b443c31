// priority.*: rank communes for planners (core/priority) and keep the sets they pick.
// - rank: every role, the caller's data scope (percentiles still compare with the whole country
//   unless compareWith = 'selection': only a rank among all communes means "among the neediest");
// - sets.list / get / compare: every role, only sets whose communes are all inside the scope;
// - sets.save / sendToPlanning / remove: planners and admins; remove only by its author or an admin.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ADMIN_ONLY, EVERY_ROLE, FILTERED, type Role } from '../access.ts';
import { rankPriority, type RankRequest } from '../priority/rank.ts';
import { compareSets, getSet, insertSet, listSets, memberCodes, membersFrom } from '../priority/sets.ts';
import { outsideScope, type ScopeGuard } from '../scope/request-scope.ts';
import type { Kysely } from 'kysely';
import type { Database, StructureId } from '../db/schema.ts';
import { access, router } from '../trpc.ts';
import { rankInput, saveSetInput, vietnamToday, type RankInput } from './priority-input.ts';

const PLANNERS: readonly Role[] = ['admin', 'planner'];
const setId = z.strictObject({ id: z.number().int().positive() });

const notFound = (id: number) => new TRPCError({ code: 'NOT_FOUND', message: `Không tìm thấy danh sách / no such set: ${id}` });

function rankRequest(input: RankInput, now: Date): RankRequest {
  return {
    structure: input.structure,
    year: input.year,
    weights: input.weights as Record<string, number>,
    filters: input.filters,
    programmeProject: input.programmeProject,
    compareWith: input.compareWith,
    asOf: input.asOf ?? vietnamToday(now),
  };
}

function scopedRank(db: Kysely<Database>, scope: ScopeGuard, request: RankRequest) {
  return rankPriority(db, request, (items, placeOf) => scope.keep(items, 'data', placeOf));
}

/** A set is visible when every one of its communes is inside the caller's data scope. */
async function visibleSet(db: Kysely<Database>, scope: ScopeGuard, id: number, structure: StructureId): Promise<boolean> {
  return allInScope(db, scope, structure, await memberCodes(db, id));
}

async function allInScope(db: Kysely<Database>, scope: ScopeGuard, structure: StructureId, codes: readonly string[]): Promise<boolean> {
  const effective = await scope.effective();
  if (effective.country || codes.length === 0) return true;
  const units = await db.selectFrom('unit').select(['code', 'province_code']).where('structure', '=', structure).where('code', 'in', codes).execute();
  const kept = await scope.keep(units, 'data', (u) => ({ structure, code: u.code, level: 'commune', provinceCode: u.province_code }));
  return kept.length === codes.length;
}

/**
 * Ids of the sets whose communes all lie inside the caller's scope (null: every set, country-wide
 * callers), from one query over every set's members rather than two per set.
 */
async function visibleSetIds(db: Kysely<Database>, scope: ScopeGuard): Promise<Set<number> | null> {
  if ((await scope.effective()).country) return null;
  const members = await db
    .selectFrom('priority_set_member as m')
    .innerJoin('priority_set as s', 's.id', 'm.set_id')
    .leftJoin('unit as u', (j) => j.onRef('u.structure', '=', 's.structure').onRef('u.code', '=', 'm.unit_code'))
    .select(['m.set_id', 's.structure', 'm.unit_code', 'u.province_code'])
    .execute();
  const ids = new Set(members.map((m) => Number(m.set_id)));
  const placed = members.filter((m) => m.province_code !== null);
  const kept = new Set(
    (await scope.keep(placed, 'data', (m) => ({ structure: m.structure, code: m.unit_code, level: 'commune', provinceCode: m.province_code! }))).map((m) => `${m.set_id}/${m.unit_code}`),
  );
  // a set with one commune outside (or unknown to the registry) is not visible
  for (const m of members) if (!kept.has(`${m.set_id}/${m.unit_code}`)) ids.delete(Number(m.set_id));
  return ids;
}

async function readableSet(db: Kysely<Database>, scope: ScopeGuard, id: number) {
  const set = await getSet(db, id);
  if (!set) throw notFound(id);
  if (!(await visibleSet(db, scope, id, set.structure))) throw outsideScope();
  return set;
}

export const priorityRouter = router({
  rank: access({ roles: EVERY_ROLE, scope: FILTERED })
    .input(rankInput)
    .query(({ ctx, input }) => scopedRank(ctx.db, ctx.scope, rankRequest(input, ctx.clock()))),

  sets: router({
    list: access({ roles: EVERY_ROLE, scope: FILTERED })
      .input(z.void())
      .query(async ({ ctx }) => {
        // consulted even when no set exists yet: an empty list is an answer inside the scope too
        await ctx.scope.effective();
        const sets = await listSets(ctx.db);
        const visible = await visibleSetIds(ctx.db, ctx.scope);
        return sets.filter((set) => visible === null || visible.has(set.id)).map(({ createdBy, ...set }) => ({ ...set, mine: createdBy === ctx.user!.id }));
      }),

    get: access({ roles: EVERY_ROLE, scope: FILTERED })
      .input(setId)
      .query(async ({ ctx, input }) => {
        const { createdBy, ...set } = await readableSet(ctx.db, ctx.scope, input.id);
        return { ...set, mine: createdBy === ctx.user!.id };
      }),

    compare: access({ roles: EVERY_ROLE, scope: FILTERED })
      .input(z.strictObject({ a: z.number().int().positive(), b: z.number().int().positive() }))
      .query(async ({ ctx, input }) => {
        const [a, b] = [await readableSet(ctx.db, ctx.scope, input.a), await readableSet(ctx.db, ctx.scope, input.b)];
        if (a.structure !== b.structure) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: 'Hai danh sách thuộc hai hệ đơn vị khác nhau (mã xã không so được) / the sets use different structures' });
        }
        return { a: { id: a.id, name: a.name, year: a.year, author: a.author, createdAt: a.createdAt }, b: { id: b.id, name: b.name, year: b.year, author: b.author, createdAt: b.createdAt }, ...compareSets(a, b) };
      }),

    save: access({ roles: PLANNERS, scope: FILTERED })
      .input(saveSetInput)
      .mutation(async ({ ctx, input }) => {
        if (!(await allInScope(ctx.db, ctx.scope, input.structure, [...new Set(input.codes)]))) throw outsideScope();
        const now = ctx.clock();
        const request = rankRequest(input, now);
        // the members are re-ranked here, not taken from the client: the reasons saved are the server's
        const ranking = await scopedRank(ctx.db, ctx.scope, request);
        const { members, unknown } = membersFrom(ranking, [...new Set(input.codes)]);
        if (unknown.length > 0) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Các xã không có trong bảng xếp hạng (ngoài phạm vi hoặc bộ lọc): ${unknown.slice(0, 20).join(', ')} / not in the ranking`,
          });
        }
        const { name, note, preset } = input;
        const { structure, year, ...settings } = request;
        const id = await ctx.audited((trx, audit) =>
          insertSet(trx, audit, { name, note: note || null, structure, year, settings: { ...settings, preset, simulated: ranking.simulated, sources: ranking.sources }, members, userId: ctx.user!.id, now: now.toISOString() }),
        );
        return { id, members: members.length };
      }),

    sendToPlanning: access({ roles: PLANNERS, scope: FILTERED })
      .input(setId)
      .mutation(async ({ ctx, input }) => {
        const set = await readableSet(ctx.db, ctx.scope, input.id);
        if (set.sentToPlanningAt) return { sentToPlanningAt: set.sentToPlanningAt };
        const at = ctx.clock().toISOString();
        await ctx.audited(async (trx, audit) => {
          await trx.updateTable('priority_set').set({ sent_to_planning_at: at, sent_to_planning_by: ctx.user!.id }).where('id', '=', input.id).execute();
          await audit({ table: 'priority_set', key: { id: input.id }, before: { sent_to_planning_at: null }, after: { sent_to_planning_at: at, sent_to_planning_by: ctx.user!.id } });
        });
        return { sentToPlanningAt: at };
      }),

    remove: access({ roles: PLANNERS, scope: FILTERED })
      .input(setId)
      .mutation(async ({ ctx, input }) => {
        const set = await readableSet(ctx.db, ctx.scope, input.id);
        if (set.createdBy !== ctx.user!.id && !ADMIN_ONLY.includes(ctx.user!.role)) {
          throw new TRPCError({ code: 'FORBIDDEN', message: 'Chỉ người lập danh sách hoặc quản trị được xóa / only its author or an admin may delete a set' });
        }
        await ctx.audited(async (trx, audit) => {
          await trx.deleteFrom('priority_set_member').where('set_id', '=', input.id).execute();
          await trx.deleteFrom('priority_set').where('id', '=', input.id).execute();
          await audit({ table: 'priority_set', key: { id: input.id }, before: { name: set.name, members: set.membersList.map((m) => m.code) }, after: null });
        });
        return { removed: input.id };
      }),
  }),
});
