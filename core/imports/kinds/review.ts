// Poverty review results (kết quả rà soát hộ nghèo, hộ cận nghèo) → poverty_review, one row per
// unit and year. Rates are checked against their counts only to the decimals the file gave:
// "12,3" agrees with 123/1000 = 12.3%, and also with 1234/10000 = 12.34% (rounds to 12,3).
import type { FieldDef, ImportKindDef } from '../types.ts';
import { RowReader } from './cells.ts';

export interface ReviewRecord {
  year: number;
  povertyStandard: 'QD59_2015' | 'ND07_2021';
  households: number | null;
  poor: number | null;
  nearPoor: number | null;
  escaped: number | null;
  newlyPoor: number | null;
  rePoor: number | null;
  /** Households deprived in each NĐ 07/2021 indicator, d01..d12 (null = not given). */
  deprivations: (number | null)[];
  source: string | null;
}

const DEPRIVATIONS = [
  'việc làm', 'người phụ thuộc', 'dinh dưỡng', 'bảo hiểm y tế', 'trình độ giáo dục người lớn', 'tình trạng đi học trẻ em',
  'chất lượng nhà ở', 'diện tích nhà ở', 'nguồn nước', 'nhà tiêu hợp vệ sinh', 'dịch vụ viễn thông', 'phương tiện tiếp cận thông tin',
];

const field = (key: string, labelVi: string, labelEn: string, aliases: string[], required = false): FieldDef => ({ key, labelVi, labelEn, aliases, required });

export const REVIEW_FIELDS: readonly FieldDef[] = [
  field('households', 'Tổng số hộ', 'Households', ['tổng số hộ dân', 'tổng số hộ dân cư', 'số hộ dân', 'tổng hộ', 'total households', 'households'], true),
  field('poor', 'Số hộ nghèo', 'Poor households', ['hộ nghèo', 'tổng số hộ nghèo', 'poor', 'poor households'], true),
  field('poor_rate', 'Tỷ lệ hộ nghèo (%)', 'Poor rate (%)', ['tỷ lệ hộ nghèo', 'tỷ lệ nghèo', 'tỉ lệ hộ nghèo', 'poor rate', 'poverty rate']),
  field('near_poor', 'Số hộ cận nghèo', 'Near-poor households', ['hộ cận nghèo', 'tổng số hộ cận nghèo', 'near poor', 'near-poor households']),
  field('near_poor_rate', 'Tỷ lệ hộ cận nghèo (%)', 'Near-poor rate (%)', ['tỷ lệ cận nghèo', 'tỉ lệ hộ cận nghèo', 'near poor rate']),
  field('escaped', 'Số hộ thoát nghèo', 'Households escaping poverty', ['hộ thoát nghèo', 'escaped']),
  field('newly_poor', 'Số hộ nghèo phát sinh', 'Newly poor households', ['hộ nghèo phát sinh', 'hộ nghèo phát sinh mới', 'newly poor']),
  field('re_poor', 'Số hộ tái nghèo', 'Households falling back into poverty', ['hộ tái nghèo', 're-poor', 're poor']),
  ...DEPRIVATIONS.map((name, i) => {
    const n = String(i + 1).padStart(2, '0');
    return field(`d${n}`, `Thiếu hụt ${name}`, `Deprived: indicator ${i + 1}`, [`hộ thiếu hụt ${name}`, `thiếu ${name}`, `d${n}`]);
  }),
  field('source', 'Nguồn', 'Source', ['nguồn số liệu', 'căn cứ', 'source']),
];

export const reviewKind: ImportKindDef<ReviewRecord> = {
  kind: 'review',
  leavesOnly: true,
  sheetNames: ['ra soat', 'ket qua ra soat', 'ho ngheo', 'review', 'poverty review'],
  fields: REVIEW_FIELDS,
  validate(cells, context) {
    const r = new RowReader(cells);
    const year = r.year(context.year);
    const households = r.count('households', true);
    const poor = r.count('poor', true);
    const nearPoor = r.count('near_poor');
    const record = {
      escaped: r.count('escaped'),
      newlyPoor: r.count('newly_poor'),
      rePoor: r.count('re_poor'),
      deprivations: Array.from({ length: 12 }, (_, i) => r.count(`d${String(i + 1).padStart(2, '0')}`)),
      source: r.text('source'),
    };
    if (households !== null && poor !== null && poor + (nearPoor ?? 0) > households) {
      const sum = poor + (nearPoor ?? 0);
      r.fail(nearPoor === null ? 'poor' : 'near_poor', 'counts_exceed_households', `Hộ nghèo + cận nghèo (${sum}) lớn hơn tổng số hộ (${households})`);
    }
    checkRate(r, 'poor_rate', poor, households, 'hộ nghèo');
    checkRate(r, 'near_poor_rate', nearPoor, households, 'hộ cận nghèo');
    for (const [key, value] of record.deprivations.entries()) {
      if (value !== null && households !== null && value > households) {
        r.fail(`d${String(key + 1).padStart(2, '0')}`, 'counts_exceed_households', `Số hộ thiếu hụt (${value}) lớn hơn tổng số hộ (${households})`);
      }
    }
    if (r.errors.length > 0 || year === null) return { ok: false, errors: r.errors };
    // NĐ 07/2021 applies from the 2022 review; 2021 was still measured under QĐ 59/2015.
    return { ok: true, record: { year, povertyStandard: year <= 2021 ? 'QD59_2015' : 'ND07_2021', households, poor, nearPoor, ...record } };
  },
  duplicateKey: (record, unitCode) => `${unitCode}|${record.year}`,
};

function checkRate(r: RowReader, field: string, count: number | null, households: number | null, what: string): void {
  const rate = r.numberWithDecimals(field, false, true);
  if (rate === null) return;
  if (rate.value < 0 || rate.value > 100) {
    r.fail(field, 'out_of_range', `Tỷ lệ phải từ 0 đến 100 (${rate.value})`);
    return;
  }
  if (count === null || households === null || households === 0) return;
  const computed = (count / households) * 100;
  // the file's rate was rounded to its decimals; allow that half-step (and float noise)
  const tolerance = 0.5 * 10 ** -Math.min(rate.decimals, 6) + 1e-9;
  if (Math.abs(computed - rate.value) > tolerance) {
    r.fail(field, 'rate_contradicts_counts', `Tỷ lệ ${what} ${formatVi(rate.value)}% không khớp với số hộ (${count}/${households} = ${formatVi(Math.round(computed * 100) / 100)}%)`);
  }
}

const formatVi = (n: number) => String(n).replace('.', ',');
