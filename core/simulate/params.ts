// The generator's assumptions in one place, each with the reason for its value. None of these
// is a real statistic: they shape simulated data that the raking then forces onto the real
// totals (reference/). Change them here, never inline.
import type { RegionKey } from '../poverty/regions.ts';

/** Simulated review years in the pre-2025 structure; 2025 is produced in the 2025 structure. */
export const PRE2025_YEARS = [2022, 2023, 2024] as const;
export const YEAR_2025 = 2025;

/**
 * Household growth per year by region. Vietnam's households grew about 1.5 %/year between the
 * 2009 and 2019 censuses, faster in the Central Highlands and the Southeast (migration), slower
 * in the Mekong Delta (out-migration). Also used to carry a province's household total from
 * the year a real figure gives it to the other years.
 */
export const HOUSEHOLD_GROWTH: Record<RegionKey, number> = {
  TDMNPB: 0.013, DBSH: 0.011, BTB_DHMT: 0.01, TN: 0.018, DNB: 0.02, DBSCL: 0.006,
};
export const DEFAULT_GROWTH = 0.012;

/**
 * Median households of a rural commune (xã) by region, before raking: mountain communes are
 * small, delta and Southeast communes large (typical GSO commune populations / 3.5-4 persons).
 */
export const XA_MEDIAN_HOUSEHOLDS: Record<RegionKey, number> = {
  TDMNPB: 1000, DBSH: 2400, BTB_DHMT: 1700, TN: 1900, DNB: 3000, DBSCL: 2600,
};
/** Wards (phường) are denser and larger than rural communes; towns (thị trấn) in between. */
export const SIZE_BY_TYPE: Record<string, number> = { 'Phường': 1.9, 'Thị trấn': 1.4, 'Xã': 1, 'Huyện': 0.6, 'Đặc khu': 1 };
export const SIZE_LOG_SD = 0.45;

/** Poor rate p = POOR_CAP · logistic(η): no unit is simulated above 78 % poor. */
export const POOR_CAP = 0.78;
/** Near-poor rate q = (NEAR_CAP − p) · logistic(ζ): poor + near-poor stays below 90 %. */
export const NEAR_CAP = 0.9;

/**
 * Effects on the logit of the poor rate. Urban units are far less poor (the 2022 review: Đông
 * Nam Bộ 0.21 %, Trung du miền núi phía Bắc 14.23 %); poor districts (huyện nghèo) were 31.72 %
 * poor in 2023 against 2.93 % nationally (QĐ 134/QĐ-BLĐTBXH). The generator's second pass tunes
 * the poor-district effect to that aggregate, but the raking of regions absorbs part of any
 * change, so the starting value is set where the flagged districts end near it (31.4 % in 2023
 * with the current registry; 40 of the 74 districts are flagged).
 */
export const POOR_EFFECTS = {
  fieldSd: 0.6,
  provinceSd: 0.35,
  districtSd: 0.35,
  communeSd: 0.35,
  poorDistrict: 2.7,
  coastalExtremelyDifficult: 0.5,
  districtType: { 'Quận': -1.4, 'Thành phố': -0.8, 'Thị xã': -0.5, 'Huyện': 0 } as Record<string, number>,
  communeType: { 'Phường': -0.7, 'Thị trấn': -0.4, 'Xã': 0 } as Record<string, number>,
  /** Per log(1 + km/15) from the nearest urban district of the province: remoteness. */
  remoteness: 0.35,
};

/**
 * Near-poor logit: follows the poor rate with a flatter slope (in 2022 the near-poor rate was
 * below the poor rate in the mountains, 7.69 vs 14.23 %, and above it in the deltas, 1.45 vs
 * 1.00 %), plus its own district and commune noise.
 */
export const NEAR_EFFECTS = { slope: 0.5, districtSd: 0.2, communeSd: 0.3 };

/** Year-on-year: commune and district noise on the logit; the level is then raked to the year's totals. */
export const DYNAMICS = { districtSd: 0.1, communeSd: 0.12, householdSd: 0.006 };

/**
 * Flows between reviews. Kon Tum 2022: > 6,700 households escaped and ~590 became newly poor
 * (reference/poverty_by_province_partial.csv), i.e. inflows about a tenth of the exits; we take
 * inflows of ~4 % of last year's poor plus 0.04 % of all households, of which 10-30 % re-poor.
 */
export const FLOWS = { inflowOfPoor: 0.04, inflowOfHouseholds: 0.0004, rePoorShare: [0.1, 0.3] as const };
