// Which great-circle settings a plan is solved with: the province's terrain, then the slowest
// vehicle among the plan's teams.
//
// Terrain, by the socio-economic region of the pre-2025 province (unit.region; a 2025 province
// takes the most mountainous of the pre-2025 provinces that went into it):
//   Trung du và miền núi phía Bắc → MOUNTAIN_TRAVEL (passes, valleys, unpaved sections);
//   Tây Nguyên → MIDLAND_TRAVEL (plateau: long but mostly paved roads);
//   every other region → LOWLAND_TRAVEL (deltas, coastal plains). The mountain districts of the
//   central provinces (Hà Tĩnh's Hương Khê, Quảng Nam's west…) are planned as lowland: a planner
//   who knows better sets OSRM_URL, or adds the region's exception here.
//
// Vehicle (the solver has one matrix per problem, so a plan travels at its slowest team's pace,
// which keeps every team's times achievable):
//   car ×1.0;
//   motorbike ×0.85 of the car's speed: the law caps motorbikes at 60-70 km/h outside towns
//   where cars may do 80-90 (TT 31/2019/TT-BGTVT Art. 7-8), and a team carrying documents rides
//   in convoy; on commune roads both go at the same 30-40 km/h, hence not less. OSRM's driving
//   times are divided by the same factor.
import { LOWLAND_TRAVEL, MIDLAND_TRAVEL, MOUNTAIN_TRAVEL, type TravelSettings } from '../routing/travel-matrix.ts';
import type { Vehicle } from './plan-view.ts';

export const VEHICLE_SPEED_FACTOR: Record<Vehicle, number> = { car: 1, motorbike: 0.85 };

const MOUNTAIN_REGIONS = new Set(['Trung du và miền núi phía Bắc']);
const MIDLAND_REGIONS = new Set(['Tây Nguyên']);

export type Terrain = 'lowland' | 'midland' | 'mountain';

const TERRAIN_ORDER: Terrain[] = ['lowland', 'midland', 'mountain'];
const SETTINGS: Record<Terrain, TravelSettings> = { lowland: LOWLAND_TRAVEL, midland: MIDLAND_TRAVEL, mountain: MOUNTAIN_TRAVEL };

/** The terrain of a province from the regions of its pre-2025 province(s): the roughest wins. */
export function terrainOfRegions(regions: readonly (string | null)[]): Terrain {
  let terrain: Terrain = 'lowland';
  for (const region of regions) {
    const t: Terrain = region && MOUNTAIN_REGIONS.has(region) ? 'mountain' : region && MIDLAND_REGIONS.has(region) ? 'midland' : 'lowland';
    if (TERRAIN_ORDER.indexOf(t) > TERRAIN_ORDER.indexOf(terrain)) terrain = t;
  }
  return terrain;
}

/** The slowest vehicle's speed factor among the teams (1 with no team). */
export function slowestVehicleFactor(vehicles: readonly Vehicle[]): number {
  return vehicles.reduce((f, v) => Math.min(f, VEHICLE_SPEED_FACTOR[v]), 1);
}

/** Great-circle settings for a plan: terrain's circuity, terrain's speed × the vehicle factor. */
export function planTravelSettings(terrain: Terrain, vehicles: readonly Vehicle[]): TravelSettings {
  const base = SETTINGS[terrain];
  return { circuity: base.circuity, speedKmh: base.speedKmh * slowestVehicleFactor(vehicles) };
}
