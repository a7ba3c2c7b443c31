// Boolean polygon operations for the few places that need them (dividing a 2021 district
// polygon, filling holes in the district set). Thin wrappers over turf (polyclip-ts) that speak
// coordinate arrays; callers catch failures and report them rather than stop the build.
import { area, difference, featureCollection, intersect, multiPolygon, polygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bboxOf, bboxesIntersect, polygonParts, type MultiPolygonRings } from './geometry.ts';

const asFeature = (parts: MultiPolygonRings): Feature<MultiPolygon> => multiPolygon(parts);

function partsOf(result: Feature<Polygon | MultiPolygon> | null): MultiPolygonRings {
  return result ? polygonParts(result.geometry) : [];
}

export function intersectParts(a: MultiPolygonRings, b: MultiPolygonRings): MultiPolygonRings {
  if (a.length === 0 || b.length === 0 || !bboxesIntersect(bboxOf(a), bboxOf(b))) return [];
  return partsOf(intersect(featureCollection([asFeature(a), asFeature(b)])));
}

export function differenceParts(a: MultiPolygonRings, b: MultiPolygonRings): MultiPolygonRings {
  if (a.length === 0) return [];
  if (b.length === 0 || !bboxesIntersect(bboxOf(a), bboxOf(b))) return a;
  return partsOf(difference(featureCollection([asFeature(a), asFeature(b)])));
}

export function unionParts(list: MultiPolygonRings[]): MultiPolygonRings {
  const nonEmpty = list.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0];
  return partsOf(union(featureCollection(nonEmpty.map(asFeature))));
}

/** Geodesic area in km² (turf's spherical formula). */
export function areaKm2(parts: MultiPolygonRings): number {
  return parts.length === 0 ? 0 : area(asFeature(parts)) / 1e6;
}

export function polygonAreaKm2(rings: Polygon['coordinates']): number {
  return area(polygon(rings)) / 1e6;
}

/** Pieces smaller than this are clipping noise along a boundary between sources, not territory. */
export const SLIVER_KM2 = 0.05;

export function dropSlivers(rings: MultiPolygonRings): MultiPolygonRings {
  return rings.filter((p) => polygonAreaKm2(p) >= SLIVER_KM2);
}
