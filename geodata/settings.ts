// Where the pipeline reads and writes. ../shared is read only through these settings, each with
// its documented default (README "Settings"), so a deployment can point them elsewhere.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fromEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return path.resolve(repoRoot, value && value.length > 0 ? value : fallback);
}

/** Root of the shared inputs (geodata/, reference/). */
export const sharedDir = (): string => fromEnv('SHARED_DIR', '../shared');
/** Boundary sources, unit lists and crosswalk. */
export const geodataSources = (): string => fromEnv('GEODATA_SOURCES', path.join(sharedDir(), 'geodata'));
/** Reference tables (regions, QĐ 353 lists, poverty figures). */
export const referenceDir = (): string => fromEnv('REFERENCE_DIR', path.join(sharedDir(), 'reference'));
/** Generated geodata: .fgb files, registry.json, validation report. Never committed. */
export const geodataOut = (): string => fromEnv('GEODATA_OUT', 'geodata/build');
