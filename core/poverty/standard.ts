// The multidimensional poverty standard 2022-2025 (chuẩn nghèo đa chiều, NĐ 07/2021/NĐ-CP,
// 27/01/2021): 6 dimensions of 2 indicators each. Names as in reference/
// poverty_standard_ND07_dimensions_indicators.csv (Phụ lục of NĐ 07; the deprivation thresholds
// themselves were not retrieved, so none are encoded here).
import type { DeprivationKey } from './counts.ts';

/** Which standard a review year was measured under; never one colour scale for both. */
export type PovertyStandardId = 'QD59_2015' | 'ND07_2021';

export const POVERTY_STANDARDS: Record<PovertyStandardId, { nameVi: string; nameEn: string; years: readonly [number, number] }> = {
  // The 2021 review (QĐ 125/QĐ-LĐTBXH, 22/02/2022) still used the 2016-2020 standard.
  QD59_2015: { nameVi: 'Chuẩn nghèo 2016-2020 (QĐ 59/2015/QĐ-TTg)', nameEn: 'Poverty standard 2016-2020 (Decision 59/2015)', years: [2016, 2021] },
  ND07_2021: { nameVi: 'Chuẩn nghèo đa chiều 2022-2025 (NĐ 07/2021/NĐ-CP)', nameEn: 'Multidimensional poverty standard 2022-2025 (Decree 07/2021)', years: [2022, 2025] },
};

/** The standard a review year's results are measured under, or null outside 2016-2025. */
export function standardForYear(year: number): PovertyStandardId | null {
  for (const [id, s] of Object.entries(POVERTY_STANDARDS) as [PovertyStandardId, (typeof POVERTY_STANDARDS)[PovertyStandardId]][]) {
    if (year >= s.years[0] && year <= s.years[1]) return id;
  }
  return null;
}

/** NĐ 07 Art. 3: poor = income at or below the line AND deprived in at least this many indicators. */
export const POOR_MIN_DEPRIVATIONS = 3;

export interface DeprivationIndicator {
  key: DeprivationKey;
  /** Number in NĐ 07's annex, 1..12. */
  no: number;
  /** Dimension number, 1..6. */
  dimension: number;
  nameVi: string;
  nameEn: string;
}

export interface PovertyDimension {
  no: number;
  key: 'employment' | 'health' | 'education' | 'housing' | 'water-sanitation' | 'information';
  nameVi: string;
  nameEn: string;
  indicators: readonly [DeprivationKey, DeprivationKey];
}

export const DEPRIVATION_INDICATORS: readonly DeprivationIndicator[] = [
  { key: 'd01', no: 1, dimension: 1, nameVi: 'Việc làm', nameEn: 'Employment' },
  { key: 'd02', no: 2, dimension: 1, nameVi: 'Người phụ thuộc trong hộ gia đình', nameEn: 'Dependants in the household' },
  { key: 'd03', no: 3, dimension: 2, nameVi: 'Dinh dưỡng', nameEn: 'Nutrition' },
  { key: 'd04', no: 4, dimension: 2, nameVi: 'Bảo hiểm y tế', nameEn: 'Health insurance' },
  { key: 'd05', no: 5, dimension: 3, nameVi: 'Trình độ giáo dục của người lớn', nameEn: 'Adult education' },
  { key: 'd06', no: 6, dimension: 3, nameVi: 'Tình trạng đi học của trẻ em', nameEn: 'School attendance of children' },
  { key: 'd07', no: 7, dimension: 4, nameVi: 'Chất lượng nhà ở', nameEn: 'Housing quality' },
  { key: 'd08', no: 8, dimension: 4, nameVi: 'Diện tích nhà ở bình quân đầu người', nameEn: 'Living area per person' },
  { key: 'd09', no: 9, dimension: 5, nameVi: 'Nguồn nước sinh hoạt', nameEn: 'Domestic water source' },
  { key: 'd10', no: 10, dimension: 5, nameVi: 'Nhà tiêu hợp vệ sinh', nameEn: 'Hygienic latrine' },
  { key: 'd11', no: 11, dimension: 6, nameVi: 'Sử dụng dịch vụ viễn thông', nameEn: 'Use of telecommunication services' },
  { key: 'd12', no: 12, dimension: 6, nameVi: 'Phương tiện phục vụ tiếp cận thông tin', nameEn: 'Means of access to information' },
];

export const POVERTY_DIMENSIONS: readonly PovertyDimension[] = [
  { no: 1, key: 'employment', nameVi: 'Việc làm', nameEn: 'Employment', indicators: ['d01', 'd02'] },
  { no: 2, key: 'health', nameVi: 'Y tế', nameEn: 'Health', indicators: ['d03', 'd04'] },
  { no: 3, key: 'education', nameVi: 'Giáo dục', nameEn: 'Education', indicators: ['d05', 'd06'] },
  { no: 4, key: 'housing', nameVi: 'Nhà ở', nameEn: 'Housing', indicators: ['d07', 'd08'] },
  { no: 5, key: 'water-sanitation', nameVi: 'Nước sinh hoạt và vệ sinh', nameEn: 'Water and sanitation', indicators: ['d09', 'd10'] },
  { no: 6, key: 'information', nameVi: 'Thông tin', nameEn: 'Information', indicators: ['d11', 'd12'] },
];
