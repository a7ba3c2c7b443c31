// Targets (chỉ tiêu) → target: a unit's planned reduction of the poor or near-poor household
// rate for a year, in percentage points (DOMAIN.md: "Targets are in percentage points of the
// household rate, per year").
import { foldVietnamese } from '../../text.ts';
import type { FieldDef, ImportKindDef } from '../types.ts';
import { RowReader } from './cells.ts';

export interface TargetRecord {
  year: number;
  indicator: string;
  value: number;
  source: string | null;
}

/** Indicator keys of core/poverty/indicators.ts TARGET_INDICATORS, and how planners name them. */
const INDICATOR_NAMES: Record<string, readonly string[]> = {
  poor_rate_reduction: ['giảm tỷ lệ hộ nghèo', 'tỷ lệ hộ nghèo', 'hộ nghèo', 'giảm nghèo', 'poor rate reduction', 'poor_rate_reduction'],
  near_poor_rate_reduction: ['giảm tỷ lệ hộ cận nghèo', 'tỷ lệ hộ cận nghèo', 'hộ cận nghèo', 'near poor rate reduction', 'near_poor_rate_reduction'],
};
const INDICATOR_BY_NAME = new Map(Object.entries(INDICATOR_NAMES).flatMap(([key, names]) => names.map((n) => [foldVietnamese(n), key] as const)));

export const TARGET_FIELDS: readonly FieldDef[] = [
  { key: 'indicator', labelVi: 'Chỉ tiêu', labelEn: 'Indicator', required: false, aliases: ['tên chỉ tiêu', 'loại chỉ tiêu', 'indicator'] },
  { key: 'value', labelVi: 'Mức giảm (điểm %)', labelEn: 'Reduction (percentage points)', required: true, aliases: ['giá trị', 'mục tiêu', 'mức giảm', 'chỉ tiêu giảm', 'kế hoạch giảm', 'value', 'target'] },
  { key: 'source', labelVi: 'Nguồn', labelEn: 'Source', required: false, aliases: ['căn cứ', 'văn bản', 'source'] },
];

export const targetKind: ImportKindDef<TargetRecord> = {
  kind: 'target',
  sheetNames: ['chi tieu', 'muc tieu', 'ke hoach', 'target', 'targets'],
  fields: TARGET_FIELDS,
  validate(cells, context) {
    const r = new RowReader(cells);
    const year = r.year(context.year);
    const name = r.text('indicator');
    // without an indicator column the file is one of poor-rate reduction targets, the usual case
    const indicator = name === null ? 'poor_rate_reduction' : (INDICATOR_BY_NAME.get(foldVietnamese(name)) ?? null);
    if (name !== null && indicator === null) r.fail('indicator', 'unknown_value', `Chỉ tiêu «${name}» không có (dùng «Giảm tỷ lệ hộ nghèo» hoặc «Giảm tỷ lệ hộ cận nghèo»)`);
    const value = r.number('value', true, true);
    if (value !== null && (value < -100 || value > 100)) r.fail('value', 'out_of_range', `Mức giảm phải trong khoảng -100 đến 100 điểm % (${value})`);
    if (r.errors.length > 0 || year === null || indicator === null || value === null) return { ok: false, errors: r.errors };
    return { ok: true, record: { year, indicator, value, source: r.text('source') } };
  },
  duplicateKey: (record, unitCode) => `${unitCode}|${record.year}|${record.indicator}`,
};
