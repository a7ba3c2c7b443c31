// Real national, regional and provincial figures, stored as published (observation rows,
// simulated = 0). They are not units of the registry, so the nation is unit_code 'VN' and a
// region 'VN-<key>' (core/poverty/regions.ts). Values are kept exactly as printed — including
// the ones the raking had to reconcile (real-targets.ts) — because they are what the source says.
import { realSource } from './sources.ts';
import { nodeKeyOf } from './real-targets.ts';
import type { RealFigure } from './reference-figures.ts';
import type { ObservationOut } from './types.ts';

/** Observation indicator keys (table observation, column indicator). Rates in %. */
export const OBSERVATION_INDICATORS = {
  households: 'households',
  poor: 'poor',
  poorRate: 'poor_rate',
  nearPoor: 'near_poor',
  nearPoorRate: 'near_poor_rate',
  combined: 'poor_near_poor',
  combinedRate: 'poor_near_poor_rate',
} as const;

export function observationRows(figures: readonly RealFigure[]): ObservationOut[] {
  const out = new Map<string, ObservationOut>();
  for (const f of figures) {
    const unitCode = nodeKeyOf(f.scope);
    if (unitCode === null) continue;
    const add = (indicator: string, value: number | undefined) => {
      if (value === undefined) return;
      const key = `${f.structure}/${unitCode}/${f.year}/${indicator}`;
      // the first figure for a unit, year and indicator wins (the tables list the main source first)
      if (!out.has(key)) out.set(key, { structure: f.structure, unitCode, year: f.year, indicator, value, source: realSource(f.file, f.source) });
    };
    const I = OBSERVATION_INDICATORS;
    add(I.households, f.households);
    add(I.poor, f.poor);
    add(I.poorRate, f.poorRate?.value);
    add(I.nearPoor, f.nearPoor);
    add(I.nearPoorRate, f.nearPoorRate?.value);
    add(I.combined, f.combined);
    add(I.combinedRate, f.combinedRate?.value);
  }
  return [...out.values()];
}
