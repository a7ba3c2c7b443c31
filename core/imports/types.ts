// Shapes shared by the import kinds, the file validation and the server's report.
import type { Cell } from './numbers.ts';

export type ImportKind = 'review' | 'target' | 'project' | 'visit';
export const IMPORT_KINDS: readonly ImportKind[] = ['review', 'target', 'project', 'visit'];
export type StructureId = '2025' | 'pre2025';

/** A column the importer understands. `aliases` are matched after foldVietnamese. */
export interface FieldDef {
  key: string;
  labelVi: string;
  labelEn: string;
  aliases: readonly string[];
  required: boolean;
}

/** What a kind says is wrong with one cell (or the row, field null); validate-file adds row and column. */
export interface FieldError {
  field: string | null;
  code: ErrorCode;
  message: string;
}

export type ErrorCode =
  | 'missing_value'
  | 'unparseable_number'
  | 'unparseable_date'
  | 'negative_count'
  | 'non_integer_count'
  | 'counts_exceed_households'
  | 'rate_contradicts_counts'
  | 'out_of_range'
  | 'unknown_value'
  | 'unknown_unit'
  | 'wrong_structure'
  | 'wrong_level'
  | 'ambiguous_unit'
  | 'structure_year_mismatch'
  | 'duplicate_row'
  | 'outside_scope'
  | 'missing_column'
  | 'empty_file';

export interface RowError {
  /** As the spreadsheet shows it: the header row is 1 when it is the first row. */
  row: number;
  /** The header text of the column, null for the whole row or file. */
  column: string | null;
  code: ErrorCode;
  message: string;
}

/** The cells of one row, by field key (only mapped fields present). */
export type RowCells = Record<string, Cell>;

/** Facts a kind needs beyond the row: the year given for the whole file. */
export interface KindContext {
  year: number | null;
  /** Team names (folded) → id, for visits. */
  teams?: ReadonlyMap<string, number>;
}

export type KindResult<R> = { ok: true; record: R } | { ok: false; errors: FieldError[] };

/** One file per kind in core/imports/kinds/, each of this shape. */
export interface ImportKindDef<R extends { year?: number | null } = any> {
  kind: ImportKind;
  /** Review rows are leaves (communes): parents' figures are sums, never stored. */
  leavesOnly?: boolean;
  /** Sheet names that mark this kind's sheet in a workbook (folded). */
  sheetNames: readonly string[];
  /** Fields besides the unit fields every kind shares. */
  fields: readonly FieldDef[];
  validate(cells: RowCells, context: KindContext): KindResult<R>;
  /** Rows with the same key are duplicates (after the unit is matched). */
  duplicateKey(record: R, unitCode: string): string;
}
