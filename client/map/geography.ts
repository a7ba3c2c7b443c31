// Fixed facts about Vietnam's map extent and its two archipelagos.
import type { BBox, LevelRef, Structure } from './boundary-source.ts';
import type { MessageKey } from '../lib/i18n/messages.ts';

/**
 * The national view: mainland plus Hoàng Sa and Trường Sa (data extent 102.14-117.83 E,
 * 7.18-23.39 N). Official Vietnamese maps always show both archipelagos, so the first view must
 * include them even though they push the mainland to the left of the screen.
 */
export const COUNTRY_BBOX: BBox = { west: 102.1, south: 7.1, east: 117.9, north: 23.45 };

export interface Archipelago {
  id: 'hoang-sa' | 'truong-sa';
  /** Conventional map label, e.g. "Quần đảo Hoàng Sa (Đà Nẵng)". */
  label: MessageKey;
  /**
   * A box at sea overlapping the islands, only to keep the FlatGeobuf read small. A bbox read
   * returns units whose extent intersects the box, so it need not enclose the islands; staying
   * east of 111° E keeps every mainland and coastal unit out of the answer.
   */
  bbox: BBox;
  /**
   * Where the label sits: fixed, in open sea beside the islands, because a centroid of scattered
   * islands lands on top of them and a polygon's south edge can be outside the national view.
   */
  labelAt: [lon: number, lat: number];
  /** Which side of the text touches `labelAt` (MapLibre text-anchor). */
  labelAnchor: 'top' | 'bottom';
  /** The unit that holds the islands in each structure. */
  unit: Record<Structure, LevelRef & { code: string }>;
}

// The islands are a few pixels wide at national zoom, so they get their own outline layer and
// label instead of relying on their province's fill.
export const ARCHIPELAGOS: readonly Archipelago[] = [
  {
    id: 'hoang-sa',
    label: 'map.archipelago.hoangSa',
    bbox: { west: 111.0, south: 15.5, east: 113.0, north: 17.3 },
    labelAt: [111.95, 15.55], // just south of the islands (15.69 N)
    labelAnchor: 'top',
    unit: {
      '2025': { structure: '2025', level: 'commune', code: '20333' }, // Đặc khu Hoàng Sa, Đà Nẵng (48)
      pre2025: { structure: 'pre2025', level: 'district', code: '498' }, // Huyện Hoàng Sa, Đà Nẵng
    },
  },
  {
    id: 'truong-sa',
    label: 'map.archipelago.truongSa',
    bbox: { west: 111.0, south: 7.0, east: 118.0, north: 11.7 },
    labelAt: [113.8, 11.75], // just north of the islands (11.53 N), in open sea
    labelAnchor: 'bottom',
    unit: {
      '2025': { structure: '2025', level: 'commune', code: '22736' }, // Đặc khu Trường Sa, Khánh Hòa (56)
      pre2025: { structure: 'pre2025', level: 'district', code: '576' }, // Huyện Trường Sa, Khánh Hòa
    },
  },
];
