// Reads the reference tables the demo needs (via referenceDir(), REFERENCE_DIR) as text, so
// the fingerprint and the parsing see exactly the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../../geodata/settings.ts';
import { parseCsv } from '../db/seed/csv.ts';
import { NATIONAL_REGIONAL_FILE, PROVINCE_FILE } from '../../core/simulate/reference-figures.ts';
import { BC150_FILE } from './coordination.ts';

export const PROVINCES_FILE = 'provinces_gso_codes_regions.csv';
const FILES = [NATIONAL_REGIONAL_FILE, PROVINCE_FILE, BC150_FILE, PROVINCES_FILE] as const;

export interface ReferenceInput {
  dir: string;
  texts: Record<(typeof FILES)[number], string>;
  records: Record<(typeof FILES)[number], Record<string, string>[]>;
}

export function readReferenceInput(dir: string = referenceDir()): ReferenceInput {
  const texts = Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')])) as ReferenceInput['texts'];
  const records = Object.fromEntries(FILES.map((f) => [f, parseCsv(texts[f])])) as ReferenceInput['records'];
  return { dir, texts, records };
}
