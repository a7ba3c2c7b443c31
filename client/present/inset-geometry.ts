// The Hoàng Sa / Trường Sa inset as SVG paths: the coast of the provinces in its box for place,
// the islands themselves, projected with the same Web Mercator as the main map. Pure.
import type { MultiPolygon, Polygon } from 'geojson';
import { fitCamera, projectPoint, type Box, type Size } from '../../core/present/camera.ts';

/** South-central coast to the eastern edge of Trường Sa, Hoàng Sa's north edge to Trường Sa's south. */
export const INSET_BOX: Box = { west: 107.6, south: 6.9, east: 118.1, north: 17.4 };

/** Where the inset's two labels sit (open sea beside each group). */
export const INSET_LABELS = {
  hoangSa: [112.1, 15.6] as [number, number],
  truongSa: [114.4, 11.9] as [number, number],
};

export function insetProjection(size: Size): (lon: number, lat: number) => [number, number] {
  const camera = fitCamera(INSET_BOX, size, { top: 0, right: 0, bottom: 0, left: 0 }, 0);
  return (lon, lat) => projectPoint(camera, size, lon, lat);
}

/** "M x y L … Z" per ring; one decimal is a tenth of a CSS px. */
export function pathOf(geometry: Polygon | MultiPolygon, project: (lon: number, lat: number) => [number, number]): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(' '));
      if (points.length > 0) parts.push(`M${points.join('L')}Z`);
    }
  }
  return parts.join('');
}

export function intersects(a: Box, b: Box): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}
