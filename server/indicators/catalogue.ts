// indicators.list: the catalogue of core/poverty/indicators.ts with the years each indicator can
// be shown for in a structure (from what poverty_review, target and coordination_status hold).
// 2025 units also show the pre-2025 review years through the crosswalk (review-years.ts), and
// each indicator says which of its years are answered that way (`crosswalkYears`).
import type { Kysely } from 'kysely';
import { INDICATORS, indicatorYears, type AvailableData, type IndicatorCategory, type IndicatorDef } from '../../core/poverty/indicators.ts';
import type { Database, StructureId, UnitLevel } from '../db/schema.ts';
import { reviewYears, type ReviewYears } from './review-years.ts';

export interface IndicatorListItem {
  key: string;
  nameVi: string;
  nameEn: string;
  unit: IndicatorDef['unit'];
  kind: IndicatorDef['kind'];
  direction: IndicatorDef['direction'];
  decimals: number;
  formulaVi: string;
  formulaEn: string;
  categories?: readonly IndicatorCategory[];
  /** Levels values can be asked for. */
  levels: UnitLevel[];
  years: number[];
  /** The years (of `years`) whose values are pre-2025 counts carried over the crosswalk, wholly or for the previous year of a change. */
  crosswalkYears: number[];
}

export function levelsOf(def: IndicatorDef, structure: StructureId): UnitLevel[] {
  if (def.provinceOnly) return ['province'];
  return structure === 'pre2025' ? ['province', 'district', 'commune'] : ['province', 'commune'];
}

export async function availableData(db: Kysely<Database>, structure: StructureId, reviews?: ReviewYears): Promise<AvailableData> {
  const [review, targets, coordination] = await Promise.all([
    reviews ?? reviewYears(db, structure),
    db.selectFrom('target').select(['indicator', 'year']).distinct().where('structure', '=', structure).execute(),
    db.selectFrom('coordination_status').select('year').distinct().where('structure', '=', structure).execute(),
  ]);
  const all = [...review.native, ...review.crosswalk];
  const targetYears: Record<string, number[]> = {};
  for (const t of targets) (targetYears[t.indicator] ??= []).push(Number(t.year));
  return {
    reviewYears: all,
    // a change is shown for years with the structure's own reviews; its previous year may come
    // through the crosswalk (2025 ← 2024)
    previousYears: review.native.filter((y) => all.includes(y - 1)),
    targetYears,
    coordinationYears: coordination.map((c) => Number(c.year)),
  };
}

/** The years of an indicator answered (wholly or for the previous year) through the crosswalk. */
function crosswalkYearsOf(def: IndicatorDef, years: readonly number[], review: ReviewYears): number[] {
  if (def.kind === 'category') return [];
  const carried = (y: number) => review.crosswalk.includes(y);
  return years.filter((y) => carried(y) || ((def.kind === 'change' || def.kind === 'target-gap') && carried(y - 1)));
}

export async function listIndicators(db: Kysely<Database>, structure: StructureId): Promise<IndicatorListItem[]> {
  const review = await reviewYears(db, structure);
  const data = await availableData(db, structure, review);
  return INDICATORS.map((def) => {
    const years = indicatorYears(def, data);
    return {
      key: def.key,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      unit: def.unit,
      kind: def.kind,
      direction: def.direction,
      decimals: def.decimals,
      formulaVi: def.formulaVi,
      formulaEn: def.formulaEn,
      ...(def.categories ? { categories: def.categories } : {}),
      levels: levelsOf(def, structure),
      years,
      crosswalkYears: crosswalkYearsOf(def, years, review),
    };
  });
}
