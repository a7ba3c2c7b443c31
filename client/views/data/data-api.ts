// What the Dữ liệu page exchanges with the server, typed from the router
// (server/routers/imports.ts): any drift is a type error here, not a blank on screen.
import { trpc } from '../../lib/trpc.ts';

export type ImportKind = 'review' | 'target' | 'project' | 'visit';
export type StructureId = '2025' | 'pre2025';
export const IMPORT_KINDS: readonly ImportKind[] = ['review', 'target', 'project', 'visit'];

export interface PreviewInput {
  kind: ImportKind;
  fileName: string;
  contentBase64: string;
  structure?: StructureId;
  year?: number;
  /** field key → 0-based column index in the file; null = not imported. */
  mapping?: Record<string, number | null>;
  /** row number (as a string) → the unit code chosen for an ambiguous name. */
  choices?: Record<string, string>;
}

export const importsApi = trpc.imports;

export type ImportReport = Awaited<ReturnType<typeof trpc.imports.preview.mutate>>;
export type ImportError = ImportReport['errors'][number];
export type Ambiguity = ImportReport['ambiguous'][number];
export type ApplyResult = Awaited<ReturnType<typeof trpc.imports.commit.mutate>>;
export type ImportBatch = Awaited<ReturnType<typeof trpc.imports.list.query>>['items'][number];
export type UndoResult = Awaited<ReturnType<typeof trpc.imports.undo.mutate>>;

/** The server's refusals are already bilingual ("tiếng Việt / English"): shown as they come. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
