// The default travel matrix when no road router (OSRM…) is at hand: great-circle distance
// stretched by a circuity factor, driven at a typical speed. The caller passes the settings of
// the province being planned; this file holds no province tables on purpose (the settings live
// with the plan, where a planner can correct them).
//
// Why these defaults: road distance over straight-line distance ("circuity") is about 1.2-1.4
// on the dense road networks of river deltas and plains, and 1.5-1.8 where roads follow valleys
// and passes. 35 km/h is a door-to-door speed for a car on mixed national/provincial/commune
// roads with towns in between (national roads allow 50-80, commune roads 30-40); mountain
// roads (đèo, unpaved sections) average closer to 25 km/h. These are planning figures, not a
// promise: a team that knows its roads should override them.
import type { TravelMatrix } from './model.ts';

export interface LonLat {
  lon: number;
  lat: number;
}

export interface TravelSettings {
  /** Road distance ÷ great-circle distance. */
  circuity: number;
  /** Average door-to-door speed in km/h. */
  speedKmh: number;
}

/** Plains, deltas, coastal lowlands (đồng bằng). */
export const LOWLAND_TRAVEL: TravelSettings = { circuity: 1.35, speedKmh: 35 };
/** Midlands (trung du): hills, winding but mostly paved roads. */
export const MIDLAND_TRAVEL: TravelSettings = { circuity: 1.5, speedKmh: 30 };
/** Mountain provinces (miền núi): passes, valleys, unpaved sections, landslides in season. */
export const MOUNTAIN_TRAVEL: TravelSettings = { circuity: 1.7, speedKmh: 25 };

const EARTH_RADIUS_M = 6_371_008.8; // mean radius (IUGG)

export function haversineMetres(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distances in metres (road estimate), durations in minutes; symmetric. */
export function greatCircleMatrix(points: readonly LonLat[], settings: TravelSettings = LOWLAND_TRAVEL): TravelMatrix {
  if (!(settings.circuity >= 1) || !(settings.speedKmh > 0)) {
    throw new RangeError(`travel settings need circuity >= 1 and speedKmh > 0 (got ${settings.circuity}, ${settings.speedKmh})`);
  }
  const n = points.length;
  const distances = new Float64Array(n * n);
  const durations = new Float64Array(n * n);
  const metresPerMinute = (settings.speedKmh * 1000) / 60;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const road = haversineMetres(points[i], points[j]) * settings.circuity;
      distances[i * n + j] = distances[j * n + i] = road;
      durations[i * n + j] = durations[j * n + i] = road / metresPerMinute;
    }
  }
  return { size: n, distances, durations };
}
