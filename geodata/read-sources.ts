// Where each input lives under GEODATA_SOURCES, and readers that turn a missing or malformed
// file into an InputError naming it. Boundary files are gzip'd GeoJSON Text Sequences (one
// Feature per line); the 2025 communes are 7.1 M vertices, so they are streamed line by line
// (node:zlib + readline) instead of being inflated into one huge string.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { MultiPolygon, Polygon } from 'geojson';
import { InputError } from './input-error.ts';

export interface SourcePaths {
  communes2025: string;
  provinces2025: string;
  districtsPre2025: string;
  provincesPre2025: string;
  /** New structure, mid-2026: the list the registry uses for 2025 units. */
  units2026: string;
  /** New structure on the day of the reform, for the differences report. */
  units20250701: string;
  /** Old structure, the crosswalk's own codes: the list the registry uses for pre2025 units. */
  unitsDvhcvn: string;
  /** Old structure, other compiler, for the differences report. */
  units20250301: string;
  /** Old structure in 2021: which communes each 2021 district polygon held. */
  units2021Sql: string;
  splits: string;
  merges: string;
}

export function sourcePaths(root: string): SourcePaths {
  const p = (...parts: string[]) => path.join(root, ...parts);
  return {
    communes2025: p('boundaries-2025', 'communes.geojsonl.gz'),
    provinces2025: p('boundaries-2025', 'provinces.geojsonl.gz'),
    districtsPre2025: p('boundaries-pre2025', 'districts.geojsonl.gz'),
    provincesPre2025: p('boundaries-pre2025', 'provinces.geojsonl.gz'),
    units2026: p('units', 'units-2026-07-25.json'),
    units20250701: p('units', 'units-2025-07-01.json'),
    unitsDvhcvn: p('units', 'dvhcvn-2025-03-01.json'),
    units20250301: p('units', 'units-2025-03-01.json'),
    units2021Sql: p('units', 'units-2021-11-01.sql'),
    splits: p('crosswalk-2025', 'splits.json'),
    merges: p('crosswalk-2025', 'merges.json'),
  };
}

function requireFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(file, 'input file not found (check GEODATA_SOURCES)');
  }
  if (!stat.isFile()) throw new InputError(file, 'is not a file');
}

export function readTextInput(file: string): string {
  requireFile(file);
  return fs.readFileSync(file, 'utf8');
}

/** 1-based line of a character offset, for JSON syntax errors that only give a position. */
function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseJsonText(text: string, file: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? `line ${lineOffset + lineOf(text, Number(position[1]))}: ` : '';
    throw new InputError(file, `${where}malformed JSON (${message})`);
  }
}

export function readJsonInput(file: string): unknown {
  return parseJsonText(readTextInput(file), file);
}

export interface BoundaryFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown> & { code: string };
  geometry: Polygon | MultiPolygon;
}

function checkRing(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring with fewer than 4 positions';
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2) return 'a position that is not [lon, lat]';
    const [x, y] = position as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      return 'a coordinate that is not a finite number';
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) return `a coordinate outside lon/lat range (${x}, ${y})`;
  }
  return null;
}

function checkPolygon(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon without rings';
  for (const ring of rings) {
    const problem = checkRing(ring);
    if (problem) return problem;
  }
  return null;
}

/** Why this parsed line is not a polygon feature with a code, or null when it is one. */
export function featureProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'not a GeoJSON object';
  const f = value as Record<string, unknown>;
  if (f.type !== 'Feature') return `type is ${JSON.stringify(f.type)}, expected "Feature"`;
  const props = f.properties as Record<string, unknown> | null | undefined;
  if (!props || typeof props !== 'object') return 'feature has no properties';
  if (typeof props.code !== 'string' || props.code.length === 0) return 'feature has no "code" property';
  const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (!geometry) return 'feature has no geometry';
  if (geometry.type === 'Polygon') return checkPolygon(geometry.coordinates);
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) return 'an empty MultiPolygon';
    for (const polygon of polygons) {
      const problem = checkPolygon(polygon);
      if (problem) return problem;
    }
    return null;
  }
  return `geometry type ${JSON.stringify(geometry.type)}, expected Polygon or MultiPolygon`;
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const read = fs.readSync(fd, head, 0, 2, 0);
    return read === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Streams the features of a GeoJSON Text Sequence file (gzip'd or plain). Each feature is
 * checked; a malformed one stops the pipeline with the file, the line and the feature's code.
 */
export async function* readBoundaryFeatures(file: string): AsyncGenerator<BoundaryFeature> {
  requireFile(file);
  const raw = fs.createReadStream(file);
  const input = isGzip(file) ? raw.pipe(zlib.createGunzip()) : raw;
  let streamError: Error | null = null;
  input.on('error', (error: Error) => {
    streamError = error;
  });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      // RFC 8142 text sequences may start each record with an ASCII record separator.
      const text = line.replace(/^\u001e/, '').trim();
      if (text.length === 0) continue;
      const value = parseJsonText(text, file, lineNumber - 1);
      const problem = featureProblem(value);
      if (problem) {
        const code = (value as { properties?: { code?: unknown } } | null)?.properties?.code;
        const which = typeof code === 'string' ? ` (feature ${code})` : '';
        throw new InputError(file, `line ${lineNumber}${which}: ${problem}`);
      }
      yield value as BoundaryFeature;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, `cannot read (${(error as Error).message})`);
  }
  if (streamError) throw new InputError(file, `cannot read (${(streamError as Error).message})`);
}

export async function readAllBoundaryFeatures(file: string): Promise<BoundaryFeature[]> {
  const features: BoundaryFeature[] = [];
  for await (const feature of readBoundaryFeatures(file)) features.push(feature);
  return features;
}
