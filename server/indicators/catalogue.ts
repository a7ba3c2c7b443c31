// indicators.list: the catalogue of core/poverty/indicators.ts with the years each indicator can
// be shown for in a structure (from what poverty_review, target and coordination_status hold).
import type { Kysely } from 'kysely';
import { INDICATORS, indicatorYears, type AvailableData, type IndicatorCategory, type IndicatorDef } from '../../core/poverty/indicators.ts';
import type { Database, StructureId, UnitLevel } from '../db/schema.ts';

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
}

export function levelsOf(def: IndicatorDef, structure: StructureId): UnitLevel[] {
  if (def.provinceOnly) return ['province'];
  return structure === 'pre2025' ? ['province', 'district', 'commune'] : ['province', 'commune'];
}

export async function availableData(db: Kysely<Database>, structure: StructureId): Promise<AvailableData> {
  const [reviews, targets, coordination] = await Promise.all([
    db.selectFrom('poverty_review').select('year').distinct().where('structure', '=', structure).execute(),
    db.selectFrom('target').select(['indicator', 'year']).distinct().where('structure', '=', structure).execute(),
    db.selectFrom('coordination_status').select('year').distinct().where('structure', '=', structure).execute(),
  ]);
  const reviewYears = reviews.map((r) => Number(r.year));
  const targetYears: Record<string, number[]> = {};
  for (const t of targets) (targetYears[t.indicator] ??= []).push(Number(t.year));
  return {
    reviewYears,
    // 2025 units' previous year lies in the other structure (through the crosswalk): not served yet
    previousYears: structure === '2025' ? [] : reviewYears.filter((y) => reviewYears.includes(y - 1)),
    targetYears,
    coordinationYears: coordination.map((c) => Number(c.year)),
  };
}

export async function listIndicators(db: Kysely<Database>, structure: StructureId): Promise<IndicatorListItem[]> {
  const data = await availableData(db, structure);
  return INDICATORS.map((def) => ({
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
    years: indicatorYears(def, data),
  }));
}
