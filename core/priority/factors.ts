// The factors a commune's priority score is made of (xếp hạng xã ưu tiên). Each is a measure
// where a higher value means more need (rates, counts, shortfall against the target, months
// since the last supervision visit) or a yes/no flag that means more need when set.
//
// Deprivation enters by dimension (NĐ 07/2021: 6 dimensions of 2 indicators each), not by the
// 12 indicators: 12 weights to set is more than a planner will tune, and the dimension is the
// level the programme's sub-projects are organised by.
import { POVERTY_DIMENSIONS } from '../poverty/standard.ts';

export type FactorKind = 'measure' | 'flag';
export type FactorGroup = 'need' | 'deprivation' | 'target' | 'flag' | 'coverage';

export interface FactorDef {
  key: string;
  nameVi: string;
  nameEn: string;
  kind: FactorKind;
  group: FactorGroup;
  /** What the raw value is counted in, as the table writes it. */
  unit: string;
  decimals: number;
}

const measure = (key: string, group: FactorGroup, nameVi: string, nameEn: string, unit: string, decimals: number): FactorDef => ({
  key, nameVi, nameEn, kind: 'measure', group, unit, decimals,
});
const flag = (key: string, group: FactorGroup, nameVi: string, nameEn: string): FactorDef => ({
  key, nameVi, nameEn, kind: 'flag', group, unit: '', decimals: 0,
});

export const FACTORS: readonly FactorDef[] = [
  measure('poor_rate', 'need', 'Tỷ lệ hộ nghèo', 'Poor-household rate', '%', 2),
  measure('near_poor_rate', 'need', 'Tỷ lệ hộ cận nghèo', 'Near-poor-household rate', '%', 2),
  measure('poor', 'need', 'Số hộ nghèo', 'Poor households', 'hộ', 0),
  ...POVERTY_DIMENSIONS.map((d) =>
    measure(`deprivation_dim${d.no}`, 'deprivation', `Thiếu hụt chiều ${d.nameVi.toLowerCase()}`, `Deprivation: ${d.nameEn.toLowerCase()}`, '%', 1),
  ),
  // targeted reduction − achieved reduction, in points: > 0 = behind the target
  measure('target_shortfall', 'target', 'Chậm so với chỉ tiêu giảm nghèo', 'Behind the poverty-reduction target', 'điểm %', 2),
  flag('poor_district', 'flag', 'Thuộc huyện nghèo (QĐ 353)', 'In a poor district (Decision 353)'),
  flag('coastal', 'flag', 'Xã bãi ngang ven biển, hải đảo (QĐ 353)', 'Coastal or island extremely difficult commune (Decision 353)'),
  flag('no_project', 'coverage', 'Chưa có dự án của chương trình', 'No project of the programme yet'),
  measure('months_since_visit', 'coverage', 'Số tháng từ lần giám sát gần nhất', 'Months since the last supervision visit', 'tháng', 0),
];

export type FactorKey = (typeof FACTORS)[number]['key'];

const BY_KEY = new Map(FACTORS.map((f) => [f.key, f]));

export function factorByKey(key: string): FactorDef | undefined {
  return BY_KEY.get(key);
}

export const FACTOR_KEYS: readonly string[] = FACTORS.map((f) => f.key);
