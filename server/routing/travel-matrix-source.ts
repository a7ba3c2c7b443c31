// Where route planning gets its travel times: the great-circle estimate of core/routing (always
// available, no network) or an OSRM server's `table` service when OSRM_URL is set (real roads).
// The planner never knows which; the plan records the source's name (route_plan.matrix_source).
import { greatCircleMatrix, type LonLat, type TravelSettings } from '../../core/routing/travel-matrix.ts';
import type { TravelMatrix } from '../../core/routing/model.ts';
import { osrmTable } from './osrm-table.ts';

export interface TravelMatrixSource {
  readonly name: 'great-circle' | 'osrm';
  /** Durations in minutes, distances in metres, between every pair of points. */
  matrix(points: readonly LonLat[], signal?: AbortSignal): Promise<TravelMatrix & { estimatedPairs: number }>;
}

export function greatCircleSource(settings?: TravelSettings): TravelMatrixSource {
  return { name: 'great-circle', matrix: async (points) => ({ ...greatCircleMatrix(points, settings), estimatedPairs: 0 }) };
}

export interface OsrmOptions {
  /** OSRM's routing profile in the URL ("driving"). */
  profile?: string;
  /** Points per request side: OSRM refuses tables above its --max-table-size (100 by default). */
  maxTableSize?: number;
  /** Pairs OSRM cannot route (null) are estimated with these settings. */
  fallback?: TravelSettings;
  fetch?: typeof fetch;
}

export function osrmSource(baseUrl: string, options: OsrmOptions = {}): TravelMatrixSource {
  return { name: 'osrm', matrix: (points, signal) => osrmTable(baseUrl, points, options, signal) };
}

/** OSRM when OSRM_URL is set, else the great-circle estimate with the province's settings. */
export function travelMatrixSource(env: NodeJS.ProcessEnv = process.env, settings?: TravelSettings): TravelMatrixSource {
  const url = env.OSRM_URL?.trim();
  return url ? osrmSource(url, { fallback: settings }) : greatCircleSource(settings);
}
