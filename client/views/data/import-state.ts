// Pure helpers of the import flow: the file as base64, the column mapping and the choices for
// ambiguous names as the user edits them, and when "Ghi vào cơ sở dữ liệu" may be offered. No
// Svelte and no network here, so each rule is unit-tested (test/unit/data-import-state.test.ts).
import type { Ambiguity, ImportReport, PreviewInput } from './data-api.ts';

/** The server's limit on an uploaded file (checked here too, to answer before a 13 MB upload). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx'] as const;

export type FileProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be sent, or null. .xls (binary Excel) is refused: the server reads .xlsx only. */
export function fileProblem(name: string, size: number): FileProblem | null {
  const lower = name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext))) return 'type';
  if (size > MAX_FILE_BYTES) return 'size';
  if (size === 0) return 'empty';
  return null;
}

/**
 * Bytes → base64. btoa takes a "binary string"; building it in 32 KB chunks keeps
 * String.fromCharCode's argument list under engines' limits for a 10 MB file.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export type Mapping = Record<string, number | null>;

/** The mapping the server applied (its guess from the headers, or what we sent). */
export function mappingFromReport(report: ImportReport): Mapping {
  return Object.fromEntries(report.fields.map((f) => [f.key, f.column]));
}

/** The field a column feeds, or null. */
export function fieldOfColumn(mapping: Mapping, column: number): string | null {
  return Object.keys(mapping).find((key) => mapping[key] === column) ?? null;
}

/**
 * Column `column` now feeds `field` (null: nothing). A column feeds one field and a field reads
 * one column, so whatever field held the column before lets it go, and `field` leaves its old column.
 */
export function assignColumn(mapping: Mapping, column: number, field: string | null): Mapping {
  const next: Mapping = { ...mapping };
  for (const key of Object.keys(next)) if (next[key] === column) next[key] = null;
  if (field !== null) next[field] = column;
  return next;
}

/** Required fields no column feeds: the preview will report every row for them. */
export function missingRequired(report: ImportReport): string[] {
  return report.fields.filter((f) => f.required && f.column === null).map((f) => f.key);
}

export type Choices = Record<string, string>;

/**
 * The ambiguous rows to show: the report's, plus those answered earlier that the server no
 * longer lists (it may drop a row once chosen), so a choice can still be seen and changed.
 */
export function visibleAmbiguities(current: readonly Ambiguity[], seen: readonly Ambiguity[], choices: Choices): Ambiguity[] {
  const rows = new Set(current.map((a) => a.row));
  const kept = seen.filter((a) => !rows.has(a.row) && choices[String(a.row)] !== undefined);
  return [...current, ...kept].sort((a, b) => a.row - b.row);
}

/** Ambiguous rows of the report with no valid choice among their candidates. */
export function unresolvedCount(report: ImportReport, choices: Choices): number {
  return report.ambiguous.filter((a) => !a.candidates.some((c) => c.code === choices[String(a.row)])).length;
}

/** "Ghi vào cơ sở dữ liệu" only for a clean preview with something to write. */
export function canApply(report: ImportReport | null, choices: Choices): boolean {
  return report !== null && report.errors.length === 0 && unresolvedCount(report, choices) === 0 && report.accepted > 0;
}

export interface PreviewForm {
  kind: PreviewInput['kind'];
  fileName: string;
  contentBase64: string;
  /** '' = let the server tell from the file. */
  structure: '' | '2025' | 'pre2025';
  /** As typed; '' or not a year = none. */
  year: string;
  mapping: Mapping | null;
  choices: Choices;
}

/** The procedure input, without the optional parts the user left alone. */
export function previewInput(form: PreviewForm): PreviewInput {
  const input: PreviewInput = { kind: form.kind, fileName: form.fileName, contentBase64: form.contentBase64 };
  if (form.structure !== '') input.structure = form.structure;
  const year = Number(form.year.trim());
  if (form.year.trim() !== '' && Number.isInteger(year) && year >= 2000 && year <= 2100) input.year = year;
  if (form.mapping !== null) input.mapping = { ...form.mapping };
  if (Object.keys(form.choices).length > 0) input.choices = { ...form.choices };
  return input;
}

/** One page of a long list (the error table shows every error, a page at a time). */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(clamped * size, (clamped + 1) * size), page: clamped, pages };
}
