import type { LngLatBoundsLike } from 'maplibre-gl';
import type { BBox } from './boundary-source.ts';

export function toLngLatBounds(bbox: BBox): LngLatBoundsLike {
  return [
    [bbox.west, bbox.south],
    [bbox.east, bbox.north],
  ];
}

/** Smallest box containing all of `boxes` (none may cross the antimeridian, as none in Vietnam do). */
export function unionBBox(boxes: BBox[]): BBox {
  return {
    west: Math.min(...boxes.map((b) => b.west)),
    south: Math.min(...boxes.map((b) => b.south)),
    east: Math.max(...boxes.map((b) => b.east)),
    north: Math.max(...boxes.map((b) => b.north)),
  };
}
