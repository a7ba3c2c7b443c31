// Programme data keyed by (structure, unit code) (migration 0002).
import type { Generated } from 'kysely';
import type { Flag, StructureId } from './registry.ts';

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  file_name: string | null;
  row_count: number;
  status: 'pending' | 'applied' | 'failed' | 'reverted';
  report: string | null;
  user_id: number | null;
  created_at: string;
}

/** One row per unit and review year (kết quả rà soát hộ nghèo, hộ cận nghèo). */
export interface PovertyReviewTable {
  structure: StructureId;
  unit_code: string;
  year: number;
  /** 'QD59_2015' (2021 review) or 'ND07_2021' (2022-2025): never one colour scale for both. */
  poverty_standard: string;
  households: number | null;
  poor: number | null;
  near_poor: number | null;
  /** Hộ thoát nghèo. */
  escaped: number | null;
  /** Hộ nghèo phát sinh mới. */
  newly_poor: number | null;
  /** Hộ tái nghèo. */
  re_poor: number | null;
  // Households deprived in each NĐ 07/2021 indicator, numbered as in its annex:
  // 1 việc làm, 2 người phụ thuộc, 3 dinh dưỡng, 4 bảo hiểm y tế, 5 trình độ giáo dục người lớn,
  // 6 tình trạng đi học trẻ em, 7 chất lượng nhà ở, 8 diện tích nhà ở, 9 nguồn nước,
  // 10 nhà tiêu hợp vệ sinh, 11 dịch vụ viễn thông, 12 phương tiện tiếp cận thông tin.
  d01: number | null;
  d02: number | null;
  d03: number | null;
  d04: number | null;
  d05: number | null;
  d06: number | null;
  d07: number | null;
  d08: number | null;
  d09: number | null;
  d10: number | null;
  d11: number | null;
  d12: number | null;
  source: string | null;
  /** Demo data (mô phỏng): must be labelled wherever shown or exported. */
  simulated: Flag;
  import_id: number | null;
}

/** A unit's target for a year, e.g. poor-rate reduction in percentage points. */
export interface TargetTable {
  id: Generated<number>;
  structure: StructureId;
  unit_code: string;
  year: number;
  indicator: string;
  value: number;
  source: string | null;
  /** Invented for the demo (mô phỏng), migration 0006: target-gap maps say so when one fed them. */
  simulated: Generated<Flag>;
  import_id: number | null;
}

/** Any other imported numeric indicator per unit and year. */
export interface ObservationTable {
  id: Generated<number>;
  structure: StructureId;
  unit_code: string;
  year: number;
  indicator: string;
  value: number | null;
  source: string | null;
  simulated: Flag;
  import_id: number | null;
}

/** A project or sub-project of QĐ 90/QĐ-TTg carried out in a unit. Money in million VND. */
export interface ProjectTable {
  id: Generated<number>;
  /** 'DA1'..'DA7'. */
  programme_project: string;
  /** 'TDA1'..'TDA3' or null. */
  sub_project: string | null;
  structure: StructureId;
  unit_code: string;
  title: string;
  budget_central: number | null;
  budget_local: number | null;
  budget_other: number | null;
  households: number | null;
  start_date: string | null;
  end_date: string | null;
  status: string;
  /** 0..100. */
  progress_pct: number | null;
  disbursed: number | null;
  source: string | null;
  simulated: Flag;
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

/** Province layer: coordination programme with the Fatherland Front (BC 150/BC-LĐTBXH 2023). */
export interface CoordinationStatusTable {
  structure: StructureId;
  province_code: string;
  year: number;
  signed: Flag | null;
  signed_document: string | null;
  signed_date: string | null;
  reported: Flag | null;
  report_document: string | null;
  report_date: string | null;
  source: string | null;
}
