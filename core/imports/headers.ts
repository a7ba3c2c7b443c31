// Which column holds which field: headers as planners write them, in Vietnamese with or without
// diacritics (any tone placement, NFC or NFD) or in English, matched on foldVietnamese keys.
// Reports often put a title block above the header row, so the header is the row (of the first
// ten) that names the most fields.
import { foldVietnamese } from '../text.ts';
import type { Cell } from './numbers.ts';
import type { FieldDef } from './types.ts';

/** Unit identification, shared by every kind: by code, or by name within a named parent. */
export const UNIT_FIELDS: readonly FieldDef[] = [
  {
    key: 'unit_code', labelVi: 'Mã xã', labelEn: 'Unit code', required: false,
    aliases: ['mã đơn vị', 'mã đvhc', 'mã đơn vị hành chính', 'mã xã phường', 'mã xã/phường', 'mã', 'code', 'unit code', 'commune code'],
  },
  {
    key: 'unit_name', labelVi: 'Tên xã', labelEn: 'Unit name', required: false,
    aliases: ['tên đơn vị', 'đơn vị', 'xã', 'xã phường', 'xã/phường/thị trấn', 'tên xã phường', 'địa bàn', 'name', 'unit', 'unit name', 'commune'],
  },
  {
    key: 'parent_name', labelVi: 'Huyện/Tỉnh', labelEn: 'Parent unit', required: false,
    aliases: ['huyện', 'tên huyện', 'quận huyện', 'quận/huyện', 'tỉnh', 'tên tỉnh', 'tỉnh/thành phố', 'đơn vị cấp trên', 'thuộc', 'district', 'province', 'parent'],
  },
];

export const YEAR_FIELD: FieldDef = { key: 'year', labelVi: 'Năm', labelEn: 'Year', required: false, aliases: ['năm rà soát', 'năm kế hoạch', 'year'] };

export interface ColumnMatch {
  /** Row index (0-based) of the header. */
  headerRow: number;
  headers: string[];
  /** field key → column index, or null when no column holds it. */
  columns: Record<string, number | null>;
}

const keysOf = (field: FieldDef) => [field.key, field.labelVi, field.labelEn, ...field.aliases].map(foldVietnamese);

export function headerText(cell: Cell): string {
  if (cell === null) return '';
  return (cell instanceof Date ? cell.toISOString() : String(cell)).replace(/\s+/g, ' ').trim();
}

/** Columns by field. `overrides` (field → column index, null = none) win over the headers. */
export function matchColumns(rows: readonly Cell[][], fields: readonly FieldDef[], overrides: Record<string, number | null> = {}): ColumnMatch {
  const lookup = new Map<string, string>();
  // Earlier fields win a shared alias ("mã" is the unit code, not a project code).
  for (const field of fields) for (const key of keysOf(field)) if (!lookup.has(key)) lookup.set(key, field.key);

  let best = { row: 0, score: -1, columns: {} as Record<string, number | null> };
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const columns: Record<string, number | null> = {};
    (rows[r] ?? []).forEach((cell, index) => {
      const text = headerText(cell);
      // "Vốn trung ương (triệu đồng)", "Số hộ nghèo (hộ)": the unit in brackets is optional
      const field = lookup.get(foldVietnamese(text)) ?? lookup.get(foldVietnamese(text.replace(/\s*\([^)]*\)\s*$/, '')));
      if (field !== undefined && columns[field] === undefined) columns[field] = index;
    });
    const score = Object.keys(columns).length;
    if (score > best.score) best = { row: r, score, columns };
  }
  const headers = (rows[best.row] ?? []).map(headerText);
  const columns: Record<string, number | null> = {};
  for (const field of fields) {
    const override = overrides[field.key];
    columns[field.key] = override === undefined ? (best.columns[field.key] ?? null) : override !== null && override < headers.length ? override : null;
  }
  return { headerRow: best.row, headers, columns };
}
