// The route solver's public surface (see model.ts for the contract and units).
export type * from './model.ts';
export { solve } from './solve.ts';
export { checkPlan } from './check-plan.ts';
export { fleetForDays, workingDay, type FleetMode, type Team } from './fleet.ts';
export {
  greatCircleMatrix, haversineMetres, LOWLAND_TRAVEL, MIDLAND_TRAVEL, MOUNTAIN_TRAVEL,
  type LonLat, type TravelSettings,
} from './travel-matrix.ts';
export { formatTime } from './schedule.ts';
