// Households deprived in each of the 12 NĐ 07/2021 indicators, among the households the review
// scores (poor and near-poor). By NĐ 07 Art. 3 a poor household is deprived in at least 3
// indicators and a near-poor one in fewer than 3; the simulated shares respect both on average
// (Σ shares ≥ 3 among the poor, ≤ 2 among the near-poor), so Σ d_k ≥ 3 × poor always holds.
// The shares themselves are invented: the reference holds no deprivation statistics. Poorer
// communes are more deprived in infrastructure (housing, water, latrines, telecoms).
import { DEPRIVATION_KEYS, type DeprivationKey } from '../poverty/counts.ts';
import { POOR_MIN_DEPRIVATIONS } from '../poverty/standard.ts';

/** Share of POOR households deprived in each indicator in a commune of average poverty, 2022. */
const BASE_SHARE: Record<DeprivationKey, number> = {
  d01: 0.42, d02: 0.52, d03: 0.28, d04: 0.12, d05: 0.4, d06: 0.08,
  d07: 0.3, d08: 0.24, d09: 0.22, d10: 0.46, d11: 0.18, d12: 0.26,
};

/** How strongly each share rises with the commune's poverty (per unit of z). */
const SENSITIVITY: Record<DeprivationKey, number> = {
  d01: 0.1, d02: 0.05, d03: 0.2, d04: 0.1, d05: 0.2, d06: 0.15,
  d07: 0.35, d08: 0.25, d09: 0.35, d10: 0.35, d11: 0.3, d12: 0.3,
};

/** Programme support (housing, water, information) lowers deprivation a little every year. */
const YEARLY_DECLINE = 0.96;
const NEAR_POOR_FACTOR = 0.3;
const MAX_SHARE = 0.95;
const MIN_POOR_SUM = POOR_MIN_DEPRIVATIONS + 0.05;
const MAX_NEAR_SUM = 2;

/**
 * `z`: the commune's poverty relative to the country (≈ −2 … 2); `noise(k)`: a standard normal
 * keyed per commune and indicator (and year), from the caller.
 */
export function deprivationCounts(poor: number, nearPoor: number, z: number, year: number, noise: (k: number) => number): Record<DeprivationKey, number> {
  const decline = YEARLY_DECLINE ** (year - 2022);
  const poorShare = new Array<number>(DEPRIVATION_KEYS.length);
  for (let k = 0; k < DEPRIVATION_KEYS.length; k++) {
    const key = DEPRIVATION_KEYS[k];
    poorShare[k] = Math.min(MAX_SHARE, Math.max(0.01, BASE_SHARE[key] * Math.exp(SENSITIVITY[key] * z + 0.2 * noise(k)) * decline));
  }
  // raise the shares that have room until the poor average at least 3 deprivations
  for (let round = 0; round < 8; round++) {
    const sum = poorShare.reduce((a, b) => a + b, 0);
    if (sum >= MIN_POOR_SUM) break;
    const room = poorShare.reduce((s, v) => s + (MAX_SHARE - v), 0);
    const need = MIN_POOR_SUM - sum;
    for (let k = 0; k < poorShare.length; k++) poorShare[k] = Math.min(MAX_SHARE, poorShare[k] + (need * (MAX_SHARE - poorShare[k])) / room);
  }
  const nearShare = poorShare.map((s) => s * NEAR_POOR_FACTOR);
  const nearSum = nearShare.reduce((a, b) => a + b, 0);
  if (nearSum > MAX_NEAR_SUM) for (let k = 0; k < nearShare.length; k++) nearShare[k] *= MAX_NEAR_SUM / nearSum;

  const out = {} as Record<DeprivationKey, number>;
  DEPRIVATION_KEYS.forEach((key, k) => {
    // ceil on the poor part keeps Σ d_k ≥ Σ poor × share ≥ 3 × poor
    out[key] = Math.min(poor + nearPoor, Math.ceil(poor * poorShare[k]) + Math.round(nearPoor * nearShare[k]));
  });
  return out;
}
