// What the three benchmark formats have in common once read: numbered points in the plane, a
// depot, demands, time windows, and the distance convention of the family the file comes from.
// The parsers (tsplib.ts, cvrplib.ts, solomon.ts) are pure functions of the file text.

export type DistanceConvention =
  /** TSPLIB EUC_2D and CVRPLIB A/B/P/E/M/F/X: every edge nint(√(dx²+dy²)), nint(x) = ⌊x + 0.5⌋. */
  | 'nint'
  /** TSPLIB CEIL_2D. */
  | 'ceil'
  /** TSPLIB ATT pseudo-Euclidean. */
  | 'att'
  /** Unrounded Euclidean (Solomon, Gehring-Homberger, CMT). */
  | 'real';

export type InstanceKind = 'tsp' | 'cvrp' | 'vrptw';

export interface BenchmarkInstance {
  name: string;
  kind: InstanceKind;
  convention: DistanceConvention;
  /** The file's own node numbers (TSPLIB/CVRPLIB from 1, Solomon from 0), in file order. */
  ids: number[];
  x: Float64Array;
  y: Float64Array;
  /** Index (into ids) of the depot; TSP: the first node. */
  depot: number;
  demand: Float64Array;
  capacity: number;
  /** Fleet size when the file fixes it (Solomon's NUMBER), else null (unlimited). */
  vehicles: number | null;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  /** CMT-style route length limit (travel + service), or Infinity. */
  maxRouteLength: number;
}

export class FormatError extends Error {
  override name = 'FormatError';
}

export function edgeLength(convention: DistanceConvention, dx: number, dy: number): number {
  const r = Math.sqrt(dx * dx + dy * dy);
  switch (convention) {
    case 'nint':
      return Math.floor(r + 0.5);
    case 'ceil':
      return Math.ceil(r);
    case 'att': {
      const rij = Math.sqrt((dx * dx + dy * dy) / 10);
      const tij = Math.floor(rij + 0.5);
      return tij < rij ? tij + 1 : tij;
    }
    case 'real':
      return r;
  }
}

export function emptyInstance(name: string, kind: InstanceKind, convention: DistanceConvention, n: number): BenchmarkInstance {
  return {
    name, kind, convention,
    ids: [], x: new Float64Array(n), y: new Float64Array(n), depot: 0,
    demand: new Float64Array(n), capacity: Infinity, vehicles: null,
    ready: new Float64Array(n), due: new Float64Array(n).fill(Infinity), service: new Float64Array(n),
    maxRouteLength: Infinity,
  };
}
