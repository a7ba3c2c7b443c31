// imports.preview (and the first half of apply and of the CLI): read the file, match columns and
// units, validate every row, and say what an apply would write. Writes nothing.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { IMPORT_KIND_DEFS } from '../../core/imports/kinds/index.ts';
import type { ImportKind, RowError, StructureId } from '../../core/imports/types.ts';
import { UnitIndex, type IndexedUnit } from '../../core/imports/unit-match.ts';
import { validateFile, type AmbiguousRow, type FileValidation } from '../../core/imports/validate-file.ts';
import { allows, type EffectiveScope } from '../../core/scope.ts';
import { foldVietnamese } from '../../core/text.ts';
import type { Database } from '../db/schema.ts';
import { readDataVersion } from '../indicators/values-cache.ts';
import { readImportFile, UnreadableFile } from './read-file.ts';

export interface ImportInput {
  kind: ImportKind;
  fileName: string;
  contentBase64: string;
  structure?: StructureId;
  year?: number;
  mapping?: Record<string, number | null>;
  choices?: Record<string, string>;
}

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  structure: StructureId;
  year: number | null;
  sheet: string | null;
  columns: FileValidation['columns'];
  fields: FileValidation['fields'];
  rowCount: number;
  accepted: number;
  /** `code` is one of core/imports/types.ts ErrorCode; typed as string so clients need not track the list. */
  errors: (Omit<RowError, 'code'> & { code: string })[];
  ambiguous: AmbiguousRow[];
  /** The first 20 accepted records, normalised, with their row and unit. */
  sample: Record<string, unknown>[];
  fingerprint: string;
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Identifies the file and every option that changes what would be written. */
export function importFingerprint(input: ImportInput): string {
  const sorted = (o: Record<string, unknown> | undefined) => Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const content = createHash('sha256').update(input.contentBase64).digest('hex');
  const options = [input.kind, input.structure ?? null, input.year ?? null, sorted(input.mapping), sorted(input.choices), content];
  return createHash('sha256').update(JSON.stringify(options)).digest('hex');
}

export interface Previewed {
  report: ImportReport;
  validation: FileValidation;
}

export class ImportRefused extends Error {}

export async function previewImport(db: Kysely<Database>, input: ImportInput, scope: EffectiveScope): Promise<Previewed> {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > MAX_FILE_BYTES) throw new ImportRefused(`Tệp lớn hơn 10 MB (${(content.length / 1048576).toFixed(1)} MB)`);
  if (content.length === 0) throw new ImportRefused('Tệp rỗng');
  const kind = IMPORT_KIND_DEFS[input.kind];
  let sheet;
  try {
    sheet = await readImportFile(content, input.fileName, kind.sheetNames);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new ImportRefused(error.message);
    throw error;
  }
  const index = await unitIndexFor(db);
  const teams = input.kind === 'visit' ? await teamsByName(db) : undefined;
  const inScope = (u: IndexedUnit) => allows(scope, { structure: u.structure, code: u.code, level: u.level, provinceCode: u.provinceCode }, 'data');
  const validation = validateFile(sheet.rows, kind, index, inScope, { structure: input.structure, year: input.year, mapping: input.mapping, choices: input.choices }, { teams });
  const report: ImportReport = {
    kind: input.kind,
    fileName: input.fileName,
    structure: validation.structure,
    year: validation.year,
    sheet: sheet.sheet,
    columns: validation.columns,
    fields: validation.fields,
    rowCount: validation.rowCount,
    accepted: validation.accepted.length,
    errors: validation.errors,
    ambiguous: validation.ambiguous,
    sample: validation.accepted.slice(0, 20).map((a) => ({ row: a.row, unitCode: a.unit.code, unitName: a.unit.fullName, ...(a.record as object) })),
    fingerprint: importFingerprint(input),
  };
  return { report, validation };
}

// The registry changes only when the seed runs, which bumps the data version: one index per version.
const indexes = new WeakMap<Kysely<Database>, { version: string; index: Promise<UnitIndex> }>();

export async function unitIndexFor(db: Kysely<Database>): Promise<UnitIndex> {
  const version = await readDataVersion(db);
  const cached = indexes.get(db);
  if (cached && cached.version === version) return cached.index;
  const index = loadUnitIndex(db);
  indexes.set(db, { version, index });
  index.catch(() => indexes.delete(db));
  return index;
}

async function loadUnitIndex(db: Kysely<Database>): Promise<UnitIndex> {
  const rows = await db.selectFrom('unit').select(['structure', 'code', 'level', 'name', 'full_name', 'parent_code', 'province_code']).execute();
  const byKey = new Map(rows.map((r) => [`${r.structure}|${r.code}`, r]));
  const parents = new Set(rows.filter((r) => r.parent_code !== null).map((r) => `${r.structure}|${r.parent_code}`));
  return new UnitIndex(
    rows.map((r) => {
      const ancestors: string[] = [];
      for (let p = r.parent_code, guard = 0; p !== null && guard < 4; guard++) {
        const parent = byKey.get(`${r.structure}|${p}`);
        if (!parent) break;
        ancestors.push(parent.full_name);
        p = parent.parent_code;
      }
      return { structure: r.structure, code: r.code, level: r.level, name: r.name, fullName: r.full_name, provinceCode: r.province_code, hasChildren: parents.has(`${r.structure}|${r.code}`), ancestors };
    }),
  );
}

async function teamsByName(db: Kysely<Database>): Promise<Map<string, number>> {
  const teams = await db.selectFrom('team').select(['id', 'name']).execute();
  return new Map(teams.map((t) => [foldVietnamese(t.name), t.id]));
}
