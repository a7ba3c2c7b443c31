// Reads geodata/build/registry.json, the unit registry written by the geodata pipeline, and
// checks it against the contract (geodata/registry-types.ts) before anything touches the
// database: a pipeline change that renames a field must fail the seed loudly, not seed nulls.
// Only the parts the database needs are checked; listDifferences and sources stay in the file.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RegistryDistrictLink, RegistryLink, RegistryUnit } from '../../../geodata/registry-types.ts';
import { geodataOut } from '../../../geodata/settings.ts';

export type { RegistryDistrictLink, RegistryLink, RegistryUnit };

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const registryUnit = z.object({
  structure: z.enum(['2025', 'pre2025']),
  code: z.string().regex(/^\d{2,5}$/),
  level: z.enum(['province', 'district', 'commune']),
  name: z.string().min(1),
  fullName: z.string().min(1),
  nameEn: z.string().nullable(),
  type: z.string(),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  centroid: lonLat.nullable(),
  labelPoint: lonLat.nullable(),
  areaKm2: z.number().nullable(),
  geometry: z.enum(['source', 'rebuilt', 'approximate', 'none']),
  geometryNote: z.string().nullable(),
}) satisfies z.ZodType<RegistryUnit>;

const registryLink = z.object({
  fromStructure: z.literal('pre2025'),
  fromCode: z.string(),
  toStructure: z.literal('2025'),
  toCode: z.string(),
  level: z.enum(['province', 'commune']),
  kind: z.enum(['full', 'partial']),
}) satisfies z.ZodType<RegistryLink>;

/** Old island districts without communes (Cồn Cỏ, Lý Sơn, …) → the new đặc khu. */
const registryDistrictLink = registryLink.extend({ level: z.literal('district') }) satisfies z.ZodType<RegistryDistrictLink>;

const registryFile = z.object({
  generatedAt: z.string(),
  units: z.array(registryUnit).min(1),
  links: z.array(registryLink),
  districtLinks: z.array(registryDistrictLink).default([]),
  /** 'units' = names and links only (the pipeline's first pass); 'complete' = points and areas. */
  stage: z.enum(['units', 'complete']).optional(),
});

/** The part of geodata's Registry the seed uses. */
export type SeedableRegistry = z.infer<typeof registryFile>;

export const defaultRegistryPath = (): string => path.join(geodataOut(), 'registry.json');

export function readRegistry(file: string): { registry: SeedableRegistry; text: string } {
  const text = readRegistryText(file);
  return { registry: parseRegistry(text, file), text };
}

export function readRegistryText(file: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: run \`npm run geodata\` first (or set GEODATA_OUT)`);
  }
  return fs.readFileSync(file, 'utf8');
}

export function parseRegistry(text: string, file: string): SeedableRegistry {
  const parsed = registryFile.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file} does not match the registry contract:\n${issues.join('\n')}`);
  }
  return parsed.data;
}
