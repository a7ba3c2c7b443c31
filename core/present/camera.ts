// Framing a place in a map panel, in Web Mercator as MapLibre draws it (512 px tiles): the zoom
// and centre that fit a box inside a padded viewport, and what a camera shows. Pure, so the fit
// of a region at 16:9 is unit-tested (test/unit/present-camera.test.ts) and the map only
// receives the answer (map.jumpTo).

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Camera {
  center: [lon: number, lat: number];
  zoom: number;
}

/** MapLibre's tile size: the world is 512·2^zoom CSS pixels wide. */
const TILE = 512;
const MAX_LAT = 85.051129;

/** Lon/lat → world fraction (0..1 from the antimeridian west, 0..1 from the north). */
export function toMercator(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

export function fromMercator(x: number, y: number): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

/**
 * The camera that shows `box` as large as possible inside `viewport` less `padding`, with
 * `margin` (a fraction of the padded area, each side) of air around it: a region's coast must not
 * touch the legend or the frame. The box ends up centred in the padded area, not in the viewport.
 */
export function fitCamera(box: Box, viewport: Size, padding: Insets, margin = 0.06): Camera {
  const [x0, y0] = toMercator(box.west, box.north);
  const [x1, y1] = toMercator(box.east, box.south);
  const innerWidth = Math.max(1, viewport.width - padding.left - padding.right);
  const innerHeight = Math.max(1, viewport.height - padding.top - padding.bottom);
  const usableWidth = innerWidth * (1 - 2 * margin);
  const usableHeight = innerHeight * (1 - 2 * margin);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const worldSize = Math.min(usableWidth / spanX, usableHeight / spanY);
  const zoom = Math.log2(worldSize / TILE);
  // centre of the box, moved so that it lands in the middle of the padded area
  const shiftX = (padding.left - padding.right) / 2 / worldSize;
  const shiftY = (padding.top - padding.bottom) / 2 / worldSize;
  const center = fromMercator((x0 + x1) / 2 - shiftX, (y0 + y1) / 2 - shiftY);
  return { center, zoom };
}

/** The lon/lat box a camera shows in a viewport (no rotation, no pitch). */
export function visibleBox(camera: Camera, viewport: Size): Box {
  const worldSize = TILE * 2 ** camera.zoom;
  const [cx, cy] = toMercator(...camera.center);
  const [west, north] = fromMercator(cx - viewport.width / 2 / worldSize, cy - viewport.height / 2 / worldSize);
  const [east, south] = fromMercator(cx + viewport.width / 2 / worldSize, cy + viewport.height / 2 / worldSize);
  return { west, south, east, north };
}

/** Screen position (CSS px from the viewport's top left) of a lon/lat under a camera. */
export function projectPoint(camera: Camera, viewport: Size, lon: number, lat: number): [number, number] {
  const worldSize = TILE * 2 ** camera.zoom;
  const [cx, cy] = toMercator(...camera.center);
  const [x, y] = toMercator(lon, lat);
  return [(x - cx) * worldSize + viewport.width / 2, (y - cy) * worldSize + viewport.height / 2];
}

export function containsBox(outer: Box, inner: Box): boolean {
  return inner.west >= outer.west && inner.east <= outer.east && inner.south >= outer.south && inner.north <= outer.north;
}

export function unionBox(boxes: readonly Box[]): Box {
  return {
    west: Math.min(...boxes.map((b) => b.west)),
    south: Math.min(...boxes.map((b) => b.south)),
    east: Math.max(...boxes.map((b) => b.east)),
    north: Math.max(...boxes.map((b) => b.north)),
  };
}
