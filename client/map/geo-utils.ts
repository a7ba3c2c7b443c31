import type { LngLatBoundsLike } from 'maplibre-gl';
import type { BBox } from './boundary-source.ts';
import type { MultiPolygon, Polygon } from 'geojson';

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

/** Bounding box of a polygon's or multipolygon's coordinates. */
export function geometryBBox(geometry: Polygon | MultiPolygon): BBox {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < box.west) box.west = x;
      if (x > box.east) box.east = x;
      if (y < box.south) box.south = y;
      if (y > box.north) box.north = y;
    }
  }
  return box;
}
