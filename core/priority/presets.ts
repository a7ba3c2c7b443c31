// Starting points a planner picks from, then adjusts. Weights are relative (only their ratios
// matter): 3 means "three times as important as a factor weighted 1".
import { POVERTY_DIMENSIONS } from '../poverty/standard.ts';
import type { Threshold } from './filters.ts';

export interface PriorityPreset {
  key: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  weights: Record<string, number>;
  thresholds: Threshold[];
}

const dimensions = (weight: number) => Object.fromEntries(POVERTY_DIMENSIONS.map((d) => [`deprivation_dim${d.no}`, weight]));

export const PRESETS: readonly PriorityPreset[] = [
  {
    key: 'highest_need',
    nameVi: 'Nhu cầu cao nhất',
    nameEn: 'Highest need',
    descriptionVi: 'Tỷ lệ và số hộ nghèo cao, thiếu hụt nhiều, thuộc địa bàn đặc biệt khó khăn',
    descriptionEn: 'High poverty rate and count, many deprivations, in a disadvantaged area',
    weights: { poor_rate: 3, near_poor_rate: 1, poor: 2, ...dimensions(0.5), poor_district: 1, coastal: 1 },
    thresholds: [],
  },
  {
    key: 'behind_target',
    nameVi: 'Chậm so với chỉ tiêu',
    nameEn: 'Behind target',
    descriptionVi: 'Giảm nghèo chậm hơn chỉ tiêu được giao, ưu tiên nơi còn nhiều hộ nghèo',
    descriptionEn: 'Poverty falling slower than the target, where many poor households remain',
    weights: { target_shortfall: 4, poor_rate: 2, poor: 1 },
    thresholds: [],
  },
  {
    key: 'not_visited_12',
    nameVi: 'Chưa giám sát 12 tháng',
    nameEn: 'Not visited for 12 months',
    descriptionVi: 'Xã chưa có đoàn giám sát trong 12 tháng qua, ưu tiên nơi nghèo hơn',
    descriptionEn: 'Communes no supervision team visited in the last 12 months, poorer first',
    weights: { months_since_visit: 3, poor_rate: 2, poor: 1 },
    thresholds: [{ factor: 'months_since_visit', min: 12 }],
  },
  {
    key: 'no_project',
    nameVi: 'Chưa có dự án',
    nameEn: 'No project yet',
    descriptionVi: 'Xã nghèo chưa có dự án của dự án thành phần đã chọn',
    descriptionEn: 'Poor communes without a project of the chosen programme project',
    weights: { no_project: 3, poor_rate: 2, poor: 1 },
    thresholds: [],
  },
];

export const DEFAULT_PRESET = PRESETS[0]!;

export function presetByKey(key: string): PriorityPreset | undefined {
  return PRESETS.find((p) => p.key === key);
}
