// Reading one cell of a row into a typed value, collecting a Vietnamese message per problem, so
// every kind reports all of a row's errors at once instead of stopping at the first.
import { parseCellDate } from '../dates.ts';
import { parseCellNumber, type Cell } from '../numbers.ts';
import type { FieldError, RowCells } from '../types.ts';
import { headerText } from '../headers.ts';

export class RowReader {
  readonly errors: FieldError[] = [];
  constructor(private readonly cells: RowCells) {}

  has(field: string): boolean {
    const cell = this.cells[field];
    return cell !== undefined && cell !== null && headerText(cell) !== '';
  }

  text(field: string, required = false): string | null {
    if (!this.has(field)) {
      if (required) this.fail(field, 'missing_value', 'Thiếu giá trị bắt buộc');
      return null;
    }
    return headerText(this.cells[field] as Cell);
  }

  /** A household count: a non-negative integer. */
  count(field: string, required = false): number | null {
    const value = this.number(field, required);
    if (value === null) return null;
    if (value < 0) return this.fail(field, 'negative_count', `Số hộ không được âm (${value})`);
    if (!Number.isInteger(value)) return this.fail(field, 'non_integer_count', `Số hộ phải là số nguyên (${value})`);
    return value;
  }

  number(field: string, required = false, percent = false): number | null {
    return this.numberWithDecimals(field, required, percent)?.value ?? null;
  }

  numberWithDecimals(field: string, required = false, percent = false): { value: number; decimals: number } | null {
    const parsed = parseCellNumber(this.cells[field] ?? null, percent);
    if (parsed.ok) return parsed;
    if (parsed.reason === 'invalid') return this.fail(field, 'unparseable_number', `Không đọc được số «${shown(this.cells[field])}» (viết như 1.234 hoặc 12,5)`);
    if (required) this.fail(field, 'missing_value', 'Thiếu giá trị bắt buộc');
    return null;
  }

  date(field: string, required = false): string | null {
    const parsed = parseCellDate(this.cells[field] ?? null);
    if (parsed.ok) return parsed.value;
    if (parsed.reason === 'invalid') return this.fail(field, 'unparseable_date', `Không đọc được ngày «${shown(this.cells[field])}» (viết dd/mm/yyyy)`);
    if (required) this.fail(field, 'missing_value', 'Thiếu giá trị bắt buộc');
    return null;
  }

  /** A review or plan year of the programme period (2021-2025) and the years around it. */
  year(contextYear: number | null): number | null {
    const value = this.has('year') ? this.number('year') : contextYear;
    if (value === null) {
      if (!this.has('year')) this.fail('year', 'missing_value', 'Thiếu năm (cột «Năm» hoặc chọn năm cho cả tệp)');
      return null;
    }
    if (!Number.isInteger(value) || value < 2015 || value > 2035) return this.fail('year', 'out_of_range', `Năm không hợp lệ (${value})`);
    return value;
  }

  fail(field: string | null, code: FieldError['code'], message: string): null {
    this.errors.push({ field, code, message });
    return null;
  }
}

const shown = (cell: Cell | undefined) => (cell === undefined || cell === null ? '' : headerText(cell)).slice(0, 40);
