// A whole file against a kind: every row, every problem, in one pass, so the user fixes the
// spreadsheet once. Row numbers are the sheet's own (the header row is 1 when it comes first),
// columns are named by their header text, messages are Vietnamese with a stable code.
import { foldVietnamese } from '../text.ts';
import { headerText, matchColumns, UNIT_FIELDS, YEAR_FIELD } from './headers.ts';
import type { Cell } from './numbers.ts';
import { parseCellNumber } from './numbers.ts';
import type { Candidate, IndexedUnit, UnitIndex } from './unit-match.ts';
import type { FieldDef, ImportKindDef, KindContext, RowCells, RowError, StructureId } from './types.ts';

export interface ValidateOptions {
  structure?: StructureId;
  year?: number;
  mapping?: Record<string, number | null>;
  /** Sheet row number → chosen unit code, for names that matched several units. */
  choices?: Record<string, string>;
}

export interface AcceptedRow<R = unknown> {
  row: number;
  unit: IndexedUnit;
  record: R;
}

export interface AmbiguousRow {
  row: number;
  name: string;
  parentName: string | null;
  candidates: Candidate[];
}

export interface FileValidation<R = unknown> {
  structure: StructureId;
  year: number | null;
  columns: { index: number; header: string; field: string | null }[];
  fields: { key: string; labelVi: string; labelEn: string; required: boolean; column: number | null }[];
  /** Data rows read (blank and total rows left out). */
  rowCount: number;
  accepted: AcceptedRow<R>[];
  errors: RowError[];
  ambiguous: AmbiguousRow[];
}

/** The structure a review year belongs to: the reform took effect on 1 July 2025. */
export const structureOfYear = (year: number): StructureId => (year <= 2024 ? 'pre2025' : '2025');

// "Tổng cộng", "Toàn tỉnh" rows sum the sheet; they are not units.
const TOTAL_ROW = new Set(['tong cong', 'tong so', 'cong', 'tong', 'toan tinh', 'toan huyen', 'total']);
const COLUMN_NUMBER = /^\(\s*\d+\s*\)$/;

export function validateFile<R extends { year?: number | null }>(
  rows: readonly Cell[][],
  kind: ImportKindDef<R>,
  index: UnitIndex,
  inScope: (unit: IndexedUnit) => boolean,
  options: ValidateOptions = {},
  context: Omit<KindContext, 'year'> = {},
): FileValidation<R> {
  const allFields: FieldDef[] = [...UNIT_FIELDS, ...(kind.fields.some((f) => f.key === 'year') || kind.kind === 'project' || kind.kind === 'visit' ? [] : [YEAR_FIELD]), ...kind.fields];
  const match = matchColumns(rows, allFields, options.mapping ?? {});
  const { headers, columns: fieldColumn } = match;
  const fieldOfColumn = new Map(Object.entries(fieldColumn).filter(([, c]) => c !== null).map(([f, c]) => [c as number, f]));
  const columnName = (field: string | null) => {
    if (field === null) return null;
    const c = fieldColumn[field];
    return c === null || c === undefined ? (field === 'year' && options.year !== undefined ? null : (allFields.find((f) => f.key === field)?.labelVi ?? field)) : headers[c] || `Cột ${c + 1}`;
  };
  const errors: RowError[] = [];
  const ambiguous: AmbiguousRow[] = [];
  const accepted: AcceptedRow<R>[] = [];
  const headerRowNumber = match.headerRow + 1;

  if (rows.length <= match.headerRow + 1) errors.push({ row: headerRowNumber, column: null, code: 'empty_file', message: 'Tệp không có dòng số liệu nào dưới dòng tiêu đề' });
  if (fieldColumn.unit_code === null && fieldColumn.unit_name === null) {
    errors.push({ row: headerRowNumber, column: null, code: 'missing_column', message: 'Thiếu cột mã đơn vị («Mã xã») hoặc tên đơn vị («Tên xã»)' });
  }
  for (const field of kind.fields) {
    if (field.required && fieldColumn[field.key] === null) {
      errors.push({ row: headerRowNumber, column: field.labelVi, code: 'missing_column', message: `Thiếu cột «${field.labelVi}»` });
    }
  }

  const dataRows: { row: number; cells: RowCells }[] = [];
  for (let r = match.headerRow + 1; r < rows.length; r++) {
    const line = rows[r] ?? [];
    const filled = line.filter((c) => c !== null && headerText(c) !== '');
    if (filled.length === 0 || filled.every((c) => COLUMN_NUMBER.test(headerText(c)))) continue;
    const cells: RowCells = {};
    for (const [column, field] of fieldOfColumn) cells[field] = line[column] ?? null;
    const name = cells.unit_name == null ? '' : foldVietnamese(headerText(cells.unit_name));
    if ((cells.unit_code == null || headerText(cells.unit_code) === '') && TOTAL_ROW.has(name)) continue;
    dataRows.push({ row: r + 1, cells });
  }

  const structure = options.structure ?? (options.year !== undefined ? structureOfYear(options.year) : inferStructure(dataRows, index));
  const seen = new Map<string, number>();
  const kindContext: KindContext = { ...context, year: options.year ?? null };

  for (const { row, cells } of dataRows) {
    const rowErrors: RowError[] = [];
    const add = (field: string | null, code: RowError['code'], message: string) => rowErrors.push({ row, column: columnName(field), code, message });
    const code = cellText(cells.unit_code);
    const name = cellText(cells.unit_name);
    const parentName = cellText(cells.parent_name);
    const chosen = options.choices?.[String(row)];
    const found = chosen !== undefined ? index.match({ code: chosen, name: null, parentName: null }, structure) : index.match({ code, name, parentName }, structure);
    const unitField = code !== null || chosen !== undefined ? 'unit_code' : 'unit_name';
    const written = chosen ?? code ?? name ?? '';
    let unit: IndexedUnit | null = null;
    if (found.kind === 'match') unit = found.unit;
    else if (found.kind === 'ambiguous') ambiguous.push({ row, name: name ?? '', parentName, candidates: found.candidates });
    else if (found.kind === 'wrong-structure') {
      add(unitField, 'wrong_structure', `«${written}» là ${found.unit.fullName} của cơ cấu ${structureName(found.unit.structure)}, không thuộc cơ cấu ${structureName(structure)} của tệp này`);
    } else if (written === '') add(unitField, 'missing_value', 'Thiếu mã hoặc tên đơn vị');
    else add(unitField, 'unknown_unit', `Không tìm thấy đơn vị «${written}»${parentName ? ` thuộc «${parentName}»` : ''} trong danh mục ${structureName(structure)}`);
    if (unit && kind.leavesOnly && unit.hasChildren) {
      add(unitField, 'wrong_level', `${unit.fullName} có đơn vị cấp dưới: kết quả rà soát nhập theo xã (số của huyện, tỉnh là tổng các xã)`);
    }
    if (unit && !inScope(unit)) add(unitField, 'outside_scope', `${unit.fullName} nằm ngoài phạm vi được giao cho tài khoản của bạn`);

    const result = kind.validate(cells, kindContext);
    if (!result.ok) for (const e of result.errors) add(e.field, e.code, e.message);
    else if (typeof result.record.year === 'number' && structureOfYear(result.record.year) !== structure) {
      add('year', 'structure_year_mismatch', `Năm ${result.record.year} thuộc cơ cấu ${structureName(structureOfYear(result.record.year))}, tệp đang nhập theo cơ cấu ${structureName(structure)} (từ 1/7/2025 mới dùng cơ cấu 2025)`);
    }
    if (result.ok && unit) {
      const key = kind.duplicateKey(result.record, unit.code);
      const first = seen.get(key);
      if (first !== undefined) add(unitField, 'duplicate_row', `Trùng với dòng ${first} (cùng đơn vị ${unit.fullName}${typeof result.record.year === 'number' ? `, năm ${result.record.year}` : ''})`);
      else seen.set(key, row);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (result.ok && unit) accepted.push({ row, unit, record: result.record });
  }

  const years = new Set(accepted.map((a) => a.record.year).filter((y): y is number => typeof y === 'number'));
  return {
    structure,
    year: options.year ?? (years.size === 1 ? [...years][0]! : null),
    columns: headers.map((header, index) => ({ index, header, field: fieldOfColumn.get(index) ?? null })),
    fields: allFields.map((f) => ({ key: f.key, labelVi: f.labelVi, labelEn: f.labelEn, required: f.required, column: fieldColumn[f.key] ?? null })),
    rowCount: dataRows.length,
    accepted,
    errors,
    ambiguous,
  };
}

const structureName = (s: StructureId) => (s === '2025' ? '2025 (sau 1/7/2025)' : 'trước 1/7/2025');

function cellText(cell: Cell | undefined): string | null {
  if (cell === undefined || cell === null) return null;
  const text = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : headerText(cell);
  return text === '' ? null : text;
}

/** No structure or year given: the row years decide, else the structure more codes belong to. */
function inferStructure(rows: { cells: RowCells }[], index: UnitIndex): StructureId {
  for (const { cells } of rows) {
    const year = parseCellNumber(cells.year ?? null);
    if (year.ok && Number.isInteger(year.value) && year.value > 2000) return structureOfYear(year.value);
  }
  let score = 0;
  for (const { cells } of rows.slice(0, 200)) {
    const code = cellText(cells.unit_code);
    if (code === null) continue;
    if (index.match({ code, name: null, parentName: null }, '2025').kind === 'match') score++;
    if (index.match({ code, name: null, parentName: null }, 'pre2025').kind === 'match') score--;
  }
  return score < 0 ? 'pre2025' : '2025';
}
