// TSPLIB 95 text (symmetric TSP, .tsp): "KEY : value" header lines, then NODE_COORD_SECTION with
// "id x y" per node, then EOF. CVRPLIB files use the same syntax (cvrplib.ts builds on this).
import { type BenchmarkInstance, type DistanceConvention, emptyInstance, FormatError } from './instance.ts';

export interface TsplibText {
  header: Map<string, string>;
  /** Section name → its rows, split on whitespace. */
  sections: Map<string, string[][]>;
}

/** Splits the file into header fields and sections, without interpreting them. */
export function readTsplibText(text: string): TsplibText {
  const header = new Map<string, string>();
  const sections = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line === 'EOF') continue;
    const field = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (field) {
      header.set(field[1], field[2].trim());
      current = null;
      continue;
    }
    if (/^[A-Z_]+_SECTION$/.test(line)) {
      current = [];
      sections.set(line, current);
      continue;
    }
    if (!current) throw new FormatError(`unexpected line outside any section: "${line.slice(0, 60)}"`);
    current.push(line.split(/\s+/));
  }
  return { header, sections };
}

export function conventionOf(edgeWeightType: string | undefined): DistanceConvention {
  switch (edgeWeightType) {
    case 'EUC_2D':
      return 'nint';
    case 'CEIL_2D':
      return 'ceil';
    case 'ATT':
      return 'att';
    default:
      throw new FormatError(`EDGE_WEIGHT_TYPE ${edgeWeightType ?? '(missing)'} is not supported (EUC_2D, CEIL_2D, ATT are)`);
  }
}

export function numberField(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n)) throw new FormatError(`${what} is missing or not a number`);
  return n;
}

/** Reads NODE_COORD_SECTION into the instance: ids and coordinates, checked against DIMENSION. */
export function readCoordinates(parsed: TsplibText, inst: BenchmarkInstance, dimension: number): void {
  const rows = parsed.sections.get('NODE_COORD_SECTION');
  if (!rows) throw new FormatError('NODE_COORD_SECTION is missing');
  if (rows.length !== dimension) throw new FormatError(`NODE_COORD_SECTION has ${rows.length} nodes, DIMENSION says ${dimension}`);
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    if (row.length < 3) throw new FormatError(`node line ${i + 1} needs "id x y"`);
    const id = numberField(row[0], `node id on line ${i + 1}`);
    if (seen.has(id)) throw new FormatError(`node ${id} appears twice`);
    seen.add(id);
    inst.ids.push(id);
    inst.x[i] = numberField(row[1], `x of node ${id}`);
    inst.y[i] = numberField(row[2], `y of node ${id}`);
  });
}

export function parseTsplib(text: string): BenchmarkInstance {
  const parsed = readTsplibText(text);
  const type = parsed.header.get('TYPE');
  if (type !== 'TSP') throw new FormatError(`TYPE is ${type ?? '(missing)'}, expected TSP`);
  const dimension = numberField(parsed.header.get('DIMENSION'), 'DIMENSION');
  if (!Number.isInteger(dimension) || dimension < 1) throw new FormatError('DIMENSION must be a positive integer');
  const inst = emptyInstance(parsed.header.get('NAME') ?? 'unnamed', 'tsp', conventionOf(parsed.header.get('EDGE_WEIGHT_TYPE')), dimension);
  readCoordinates(parsed, inst, dimension);
  return inst;
}
