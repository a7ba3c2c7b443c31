// Fetches what the national view draws, through a BoundarySource: province polygons (generalised
// 'country' LOD), province label points, and the two archipelago units. No map code here, so a
// test can run it against any source.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { BBox, BoundarySource, LevelRef, Structure } from './boundary-source.ts';
import { ARCHIPELAGOS, COUNTRY_BBOX, type Archipelago } from './geography.ts';
import { labelPriority, labelText, provinceLabel } from './unit-labels.ts';
import { unionBBox } from './geo-utils.ts';
import { translate } from '../lib/i18n/translate.ts';
import type { Locale } from '../lib/i18n/messages.ts';

export interface LabelProperties {
  code: string;
  /** Full name as written by the source. */
  name: string;
  /** Text drawn on the map. */
  label: string;
  /** symbol-sort-key: lower is placed first when labels collide. */
  priority: number;
}

export interface ArchipelagoProperties {
  id: Archipelago['id'];
  code: string;
  name: string;
}

export interface CountryData {
  structure: Structure;
  provinces: FeatureCollection<Polygon | MultiPolygon>;
  provinceLabels: FeatureCollection<Point, LabelProperties>;
  archipelagos: FeatureCollection<Polygon | MultiPolygon, ArchipelagoProperties>;
  /** Archipelagos missing from the data: the map is still drawn, but the caller must say so. */
  missingArchipelagos: Archipelago['id'][];
}

export async function loadCountryData(
  source: BoundarySource,
  structure: Structure,
  signal?: AbortSignal,
): Promise<CountryData> {
  const provincesRef: LevelRef = { structure, level: 'province' };
  const [provinces, labelPoints, archipelagos] = await Promise.all([
    source.boundaries(provincesRef, 'country', COUNTRY_BBOX, signal),
    source.labelPoints(provincesRef, COUNTRY_BBOX, signal),
    loadArchipelagos(source, structure, signal),
  ]);

  return {
    structure,
    provinces: { type: 'FeatureCollection', features: provinces },
    provinceLabels: {
      type: 'FeatureCollection',
      features: labelPoints.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          code: f.properties.code,
          name: f.properties.name,
          label: provinceLabel(f.properties.name),
          priority: labelPriority(f.properties.code, f.properties.name),
        },
      })),
    },
    archipelagos: {
      type: 'FeatureCollection',
      features: archipelagos.filter((f): f is NonNullable<typeof f> => f !== null),
    },
    missingArchipelagos: ARCHIPELAGOS.filter((_, i) => archipelagos[i] === null).map((a) => a.id),
  };
}

/**
 * The archipelago units, one per entry of ARCHIPELAGOS (null where the data lacks it). Both sit
 * in the same level, so one bbox read over the union of their boxes serves both: one file open
 * (header + index pages) instead of two.
 */
async function loadArchipelagos(
  source: BoundarySource,
  structure: Structure,
  signal?: AbortSignal,
): Promise<(Feature<Polygon | MultiPolygon, ArchipelagoProperties> | null)[]> {
  const units = ARCHIPELAGOS.map((a) => a.unit[structure]);
  const level = units[0];
  if (units.some((u) => u.level !== level.level)) throw new Error('archipelago units must share a level');
  const features = await source.boundaries(level, 'country', unionBBox(ARCHIPELAGOS.map((a) => a.bbox)), signal);
  return ARCHIPELAGOS.map((archipelago, i) => {
    const feature = features.find((f) => f.properties.code === units[i].code);
    if (!feature) return null;
    return {
      type: 'Feature',
      geometry: feature.geometry,
      properties: { id: archipelago.id, code: units[i].code, name: feature.properties.name },
    };
  });
}

/** Archipelago labels in the UI language ("Quần đảo Hoàng Sa (Đà Nẵng)"). */
export function archipelagoLabels(
  structure: Structure,
  locale: Locale,
): FeatureCollection<Point, LabelProperties & { id: Archipelago['id']; anchor: Archipelago['labelAnchor'] }> {
  return {
    type: 'FeatureCollection',
    features: ARCHIPELAGOS.map((a) => {
      const name = labelText(translate(locale, a.label));
      // Break before the province in brackets: "Quần đảo Hoàng Sa / (Đà Nẵng)", never inside a name.
      const label = name.replace(' (', '\n(');
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [...a.labelAt] },
        properties: { id: a.id, code: a.unit[structure].code, name, label, anchor: a.labelAnchor, priority: 0 },
      };
    }),
  };
}
