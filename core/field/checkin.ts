// GPS check-in (điểm danh GPS): is the point a phone reported inside the commune it claims to
// visit? Judged the same way on the phone (at once, offline) and on the server (stored with the
// visit), so both say the same thing. The boundary is one or more polygons: a 2025 commune's own,
// or, for a pre-2025 commune (no boundary of its own exists), the 2025 commune(s) it went into.
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type CheckinVerdict = 'inside' | 'outside';

export interface Checkin {
  verdict: CheckinVerdict;
  /** Metres to the nearest edge when outside (rounded); null when inside. */
  distanceM: number | null;
}

export type BoundaryPolygon = Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon;

/**
 * The verdict for a point, or null when there is nothing to judge against (no boundary). A point
 * on an edge counts as inside: a phone's fix is rarely better than ten metres anyway.
 */
export function judgeCheckin(point: [number, number], boundary: readonly BoundaryPolygon[]): Checkin | null {
  if (boundary.length === 0) return null;
  if (boundary.some((polygon) => booleanPointInPolygon(point, polygon))) return { verdict: 'inside', distanceM: null };
  // outside every polygon: the distance to the nearest one (geodesic, metres)
  const distance = Math.min(...boundary.map((polygon) => pointToPolygonDistance(point, polygon, { units: 'meters' })));
  return { verdict: 'outside', distanceM: Math.round(Math.max(0, distance)) };
}
