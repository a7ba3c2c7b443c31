// The working cell of target derivation: what is known about one tree node in one year, each
// value tagged real (published, or exact arithmetic on published counts) or derived (needs an
// assumption, said in `how`). Shared by real-targets.ts and its household / split steps.
import { REGIONS, regionCode } from '../poverty/regions.ts';
import type { PrintedRate } from './reference-figures.ts';

export type Provenance = 'real' | 'derived';

export interface TargetValue {
  value: number;
  provenance: Provenance;
  how: string;
}

export interface YearTargets {
  year: number;
  households: Map<string, TargetValue>;
  poor: Map<string, TargetValue>;
  nearPoor: Map<string, TargetValue>;
  /** Citations of the real figures behind each node's targets. */
  citations: Map<string, string[]>;
}

export interface Cell {
  P?: TargetValue;
  N?: TargetValue;
  C?: TargetValue;
  H?: TargetValue;
  pr?: PrintedRate;
  nr?: PrintedRate;
  cr?: PrintedRate;
  citations: string[];
}

export const REGION_KEYS = REGIONS.map((r) => regionCode(r.key));
export const real = (value: number, how: string): TargetValue => ({ value, provenance: 'real', how });
export const derived = (value: number, how: string): TargetValue => ({ value, provenance: 'derived', how });
export const both = (a: TargetValue, b: TargetValue): Provenance => (a.provenance === 'real' && b.provenance === 'real' ? 'real' : 'derived');

/** Fills the third of poor / near-poor / combined from the other two. */
export function complete(c: Cell): void {
  if (c.P && c.N && !c.C) c.C = { value: c.P.value + c.N.value, provenance: both(c.P, c.N), how: 'nghèo + cận nghèo' };
  if (c.P && c.C && !c.N) c.N = { value: c.C.value - c.P.value, provenance: both(c.P, c.C), how: '(nghèo + cận nghèo) − nghèo' };
  if (c.N && c.C && !c.P) c.P = { value: c.C.value - c.N.value, provenance: both(c.N, c.C), how: '(nghèo + cận nghèo) − cận nghèo' };
}

