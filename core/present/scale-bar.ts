// The scale bar of a presented map: a round distance (1, 2 or 5 × 10^n metres) whose bar is at
// most `maxWidth` CSS px at the map's centre latitude. Web Mercator stretches with latitude
// (about 8 % between Cà Mau and Hà Giang), so the bar is true at the centre only, as on any
// small-scale printed map.

/** WGS84 equatorial radius (m), MapLibre's own. */
const EARTH_RADIUS = 6378137;
const TILE = 512;

export function metresPerPixel(latitude: number, zoom: number): number {
  return (2 * Math.PI * EARTH_RADIUS * Math.cos((latitude * Math.PI) / 180)) / (TILE * 2 ** zoom);
}

export interface ScaleBar {
  metres: number;
  /** CSS px. */
  width: number;
  /** The number and unit to print: 200 and 'km', or 500 and 'm'. */
  value: number;
  unit: 'km' | 'm';
}

export function scaleBar(latitude: number, zoom: number, maxWidth: number): ScaleBar {
  const perPixel = metresPerPixel(latitude, zoom);
  const longest = maxWidth * perPixel;
  const magnitude = 10 ** Math.floor(Math.log10(longest));
  const step = [5, 2, 1].find((s) => s * magnitude <= longest) ?? 1;
  const metres = step * magnitude;
  return {
    metres,
    width: metres / perPixel,
    value: metres >= 1000 ? metres / 1000 : metres,
    unit: metres >= 1000 ? 'km' : 'm',
  };
}
