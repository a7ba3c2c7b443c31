// Simulated reviews 2022-2024 in the pre-2025 structure: each year, households, then poor, then
// near-poor are raked to that year's targets (logit/log shifts) and rounded top-down so every
// targeted node's communes sum to its target exactly. Between years the unraked logits drift by
// district and commune noise; the raking supplies the real national/regional decline.
import { allocateIntegers } from './allocate.ts';
import { calibrate, type CalibrationResult } from './calibrate.ts';
import type { BaseModel } from './model.ts';
import { DYNAMICS, NEAR_CAP as NEAR_CAP_PARAM, POOR_CAP as POOR_CAP_PARAM } from './params.ts';
import { memoNormal, Rng } from './prng.ts';
import type { TargetValue, YearTargets } from './real-targets.ts';
import type { UnitTree } from './unit-tree.ts';

export interface YearCounts {
  year: number;
  households: Int32Array;
  poor: Int32Array;
  nearPoor: Int32Array;
  /** The raking shifts, for the generator's second pass. */
  shifts: { households: CalibrationResult; poor: CalibrationResult; nearPoor: CalibrationResult };
}

// local copies: these run millions of times inside the raking
const POOR_CAP = POOR_CAP_PARAM;
const NEAR_CAP = NEAR_CAP_PARAM;

export const expit = (x: number): number => 1 / (1 + Math.exp(-x));
export const values = (m: ReadonlyMap<string, TargetValue>): Map<string, number> => new Map([...m].map(([k, v]) => [k, v.value]));

/** Rakes one year: households, poor, near-poor, each to its targets, then integers. */
export function rakeYear(
  tree: UnitTree,
  label: string,
  logSize: ArrayLike<number>,
  eta: ArrayLike<number>,
  zeta: ArrayLike<number>,
  targets: { households: Map<string, number>; poor: Map<string, number>; nearPoor: Map<string, number> },
): Omit<YearCounts, 'year'> {
  const hShift = calibrate(tree, targets.households, (i, s) => Math.exp(logSize[i] + s), `${label} households`);
  const households = allocateIntegers(tree, Array.from(logSize, (x, i) => Math.exp(x + hShift.leafShift[i])), targets.households, `${label} households`);

  const pShift = calibrate(tree, targets.poor, (i, s) => households[i] * POOR_CAP * expit(eta[i] + s), `${label} poor`);
  const poor = allocateIntegers(tree, Array.from(eta, (x, i) => households[i] * POOR_CAP * expit(x + pShift.leafShift[i])), targets.poor, `${label} poor`);

  const room = (i: number) => Math.max(0, NEAR_CAP * households[i] - poor[i]);
  const nShift = calibrate(tree, targets.nearPoor, (i, s) => room(i) * expit(zeta[i] + s), `${label} near-poor`);
  const nearPoor = allocateIntegers(tree, Array.from(zeta, (x, i) => room(i) * expit(x + nShift.leafShift[i])), targets.nearPoor, `${label} near-poor`);

  for (const leaf of tree.leaves) {
    const i = leaf.index;
    if (poor[i] < 0 || nearPoor[i] < 0 || poor[i] + nearPoor[i] > households[i]) {
      throw new Error(`${label}: ${leaf.unit.code} has ${poor[i]} poor + ${nearPoor[i]} near-poor of ${households[i]} households`);
    }
  }
  return { households, poor, nearPoor, shifts: { households: hShift, poor: pShift, nearPoor: nShift } };
}

export function simulatePre2025(tree: UnitTree, model: BaseModel, years: readonly number[], targets: ReadonlyMap<number, YearTargets>, seed: number): YearCounts[] {
  const n = tree.leaves.length;
  const logSize = Float64Array.from(model.logSize);
  const eta = Float64Array.from(model.eta);
  const zeta = Float64Array.from(model.zeta);
  const out: YearCounts[] = [];
  years.forEach((year, k) => {
    if (k > 0) {
      const districtTrend = memoNormal(seed, 'trend', year);
      const districtNearTrend = memoNormal(seed, 'near-trend', year);
      for (let i = 0; i < n; i++) {
        const leaf = tree.leaves[i];
        const code = leaf.unit.code;
        const district = leaf.district?.code ?? code;
        const own = new Rng(seed, 'year', code, year);
        logSize[i] += Math.log1p(model.growth[i]) + DYNAMICS.householdSd * own.normal();
        eta[i] += DYNAMICS.districtSd * districtTrend(district) + DYNAMICS.communeSd * own.normal();
        zeta[i] += DYNAMICS.districtSd * districtNearTrend(district) + DYNAMICS.communeSd * own.normal();
      }
    }
    const t = targets.get(year);
    if (!t) throw new Error(`no targets for ${year}`);
    const counts = rakeYear(tree, `${year}`, logSize, eta, zeta, { households: values(t.households), poor: values(t.poor), nearPoor: values(t.nearPoor) });
    out.push({ year, ...counts });
  });
  return out;
}
