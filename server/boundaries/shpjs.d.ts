// shpjs ships no types. Only the zip entry point is used: a zipped Shapefile (or several) as
// GeoJSON, reprojected to WGS84 by proj4 when the zip holds a .prj.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export function parseZip(buffer: Uint8Array | ArrayBuffer): Promise<(FeatureCollection & { fileName?: string }) | (FeatureCollection & { fileName?: string })[]>;
}
