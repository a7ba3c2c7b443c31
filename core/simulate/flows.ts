// Households moving in and out of poverty between two reviews, consistent with the counts:
//   poor_t = poor_{t-1} − escaped + newly_poor + re_poor      (thoát nghèo, phát sinh, tái nghèo)
// Inflows are drawn first (a share of last year's poor plus a little of everyone), then bounded
// so that escaped is never negative nor more than last year's poor; escaped is the balance.
import { FLOWS } from './params.ts';

export interface Flows {
  escaped: number;
  newly_poor: number;
  re_poor: number;
}

/**
 * `u1`, `u2`: standard normals and `u3` a uniform [0, 1), keyed per commune and year by the
 * caller, so the flows are deterministic.
 */
export function flowsBetween(previousPoor: number, poor: number, households: number, u1: number, u2: number, u3: number): Flows {
  const expected = previousPoor * FLOWS.inflowOfPoor * Math.exp(0.5 * u1 - 0.125) + households * FLOWS.inflowOfHouseholds * Math.exp(0.5 * u2 - 0.125);
  // at least the net increase must flow in; at most every poor household now can be new
  const inflow = Math.min(poor, Math.max(poor - previousPoor, 0, Math.round(expected)));
  const [lo, hi] = FLOWS.rePoorShare;
  const rePoor = Math.round(inflow * (lo + (hi - lo) * u3));
  return { escaped: previousPoor + inflow - poor, newly_poor: inflow - rePoor, re_poor: rePoor };
}
