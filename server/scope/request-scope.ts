// ctx.scope: the one helper through which procedures hold answers inside the caller's scope.
// A fresh ScopeGuard per call records whether it was used, so the gate in trpc.ts can refuse a
// 'filtered' procedure that forgot to filter (a bug, caught by the API tests that call every
// procedure as a scoped user). The effective scope itself is computed once per HTTP request.
import { TRPCError } from '@trpc/server';
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import { allows, type EffectiveScope, type Reach, type UnitPlace } from '../../core/scope.ts';
import type { UnitRef } from '../access.ts';
import type { Database } from '../db/schema.ts';
import { unitScopeCondition, type UnitColumns } from './unit-condition.ts';

export const OUTSIDE_SCOPE = 'Ngoài phạm vi được giao / Outside the area assigned to your account';

export const outsideScope = () => new TRPCError({ code: 'FORBIDDEN', message: OUTSIDE_SCOPE });

export class ScopeGuard {
  /** Set when the procedure consulted the scope (or declared its answer national). */
  applied = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly resolve: () => Promise<EffectiveScope>,
  ) {}

  /** The caller's effective scope (country-wide for admins and unscoped accounts). */
  async effective(): Promise<EffectiveScope> {
    this.applied = true;
    return this.resolve();
  }

  /** A WHERE condition on unit columns: for queries that list units or rows keyed by them. */
  async condition(need: Reach, columns?: UnitColumns): Promise<RawBuilder<SqlBool>> {
    return unitScopeCondition(await this.effective(), need, columns);
  }

  /** Keeps the items of a list whose unit the caller may see. */
  async keep<T>(items: T[], need: Reach, placeOf: (item: T) => UnitPlace = (item) => item as UnitPlace): Promise<T[]> {
    const scope = await this.effective();
    return items.filter((item) => allows(scope, placeOf(item), need));
  }

  /** Refuses (403) a unit outside the scope. */
  async require(unit: UnitPlace, need: Reach): Promise<void> {
    if (!allows(await this.effective(), unit, need)) throw outsideScope();
  }

  /**
   * Refuses (403) a unit named by code outside the scope. A code the registry does not know is
   * refused too for scoped accounts (it cannot be placed, so it cannot be shown to be inside);
   * country-wide accounts pass, and the procedure answers NOT_FOUND.
   */
  async requireRef(ref: UnitRef, need: Reach): Promise<void> {
    const scope = await this.effective();
    if (scope.country) return;
    const unit = await this.db
      .selectFrom('unit')
      .select(['structure', 'code', 'level', 'province_code'])
      .where('structure', '=', ref.structure)
      .where('code', '=', ref.code)
      .executeTakeFirst();
    if (!unit || !allows(scope, { structure: unit.structure, code: unit.code, level: unit.level, provinceCode: unit.province_code }, need)) {
      throw outsideScope();
    }
  }

  /**
   * Declares the answer national reference data every signed-in user needs to draw the country
   * map (the province list): the documented exception, stated where it is made.
   */
  national(): void {
    this.applied = true;
  }
}

/** Per HTTP request: the scope is loaded at most once, whatever the batch holds. */
export function scopeLoader(load: () => Promise<EffectiveScope>): () => Promise<EffectiveScope> {
  let loaded: Promise<EffectiveScope> | null = null;
  return () => (loaded ??= load());
}
