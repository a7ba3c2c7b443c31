// What the explore map draws for one place, fetched but not yet drawn (no map calls here):
// - the country by province (already loaded by CountryMap: nothing to fetch);
// - the country by the level below (all 3,321 2025 communes or all pre-2025 districts, from the
//   generalised 'country' files);
// - one province's children (a bbox read of the 'detail' file, neighbours dropped by parent);
// - one pre-2025 district: its old communes as symbols (units.children label points), or as
//   polygons where one was uploaded (boundaries.inDistrict), the district's neighbours for
//   context and the 2025 communes' lines the symbols sit inside.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { BBox, BoundaryFeature, BoundarySource, Level, LevelRef, Structure } from './boundary-source.ts';
import type { CountryData, LabelProperties } from './country-data.ts';
import { COUNTRY_BBOX } from './geography.ts';
import { geometryBBox } from './geo-utils.ts';
import { labelText } from './unit-labels.ts';
import type { DirectoryUnit, UnitDirectory } from './unit-directory.ts';
import type { MapLevel } from '../lib/map-state.ts';

export interface TrailStep {
  code: string;
  level: MapLevel;
  name: string;
}

export interface Scene {
  /** The level coloured. */
  level: MapLevel;
  unit: string | null;
  /** From the province down to the unit drilled into; empty at the national view. */
  trail: TrailStep[];
  /** Full names of the coloured units by code. */
  names: Map<string, string>;
  /** Polygons of a level below provinces, with their label points. */
  polygons: { level: Level; features: FeatureCollection<Polygon | MultiPolygon>; labels: FeatureCollection<Point, LabelProperties> } | null;
  /** Old communes as points (pre-2025 district view). */
  symbols: FeatureCollection<Point, LabelProperties> | null;
  /** Old communes with an uploaded polygon (boundaries.inDistrict), drawn instead of their symbol. */
  uploaded: FeatureCollection<Polygon | MultiPolygon> | null;
  /** 2025 commune polygons drawn as dashed lines (pre-2025 district view). */
  context: FeatureCollection<Polygon | MultiPolygon> | null;
  /** What to fit the camera to. */
  frame: BBox;
}

export interface SceneRequest {
  structure: Structure;
  level: MapLevel;
  unit: string | null;
}

const collection = <T extends FeatureCollection['features'][number]>(features: T[]) => ({ type: 'FeatureCollection' as const, features });

function labelFeatures(points: { code: string; name: string; at: [number, number] }[]): FeatureCollection<Point, LabelProperties> {
  return collection(
    points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: p.at },
      properties: { code: p.code, name: p.name, label: labelText(p.name), priority: Number(p.code) || 0 },
    })),
  );
}

export async function loadScene(
  request: SceneRequest,
  country: CountryData,
  source: BoundarySource,
  directory: UnitDirectory,
  signal?: AbortSignal,
): Promise<Scene> {
  const { structure, level, unit } = request;
  const provinceNames = new Map(country.provinces.features.map((f) => [String(f.properties?.code), String(f.properties?.name ?? '')]));
  if (unit === null && level === 'province') {
    return { level, unit, trail: [], names: provinceNames, polygons: null, symbols: null, uploaded: null, context: null, frame: COUNTRY_BBOX };
  }
  if (unit === null) return nationalChildren(structure, level as Level, source, signal);
  if (level === 'commune' && structure === 'pre2025') return districtScene(structure, unit, country, source, directory, signal);
  const province = country.provinces.features.find((f) => String(f.properties?.code) === unit);
  if (!province) throw new Error(`no province ${unit} in structure ${structure}`);
  const frame = geometryBBox(province.geometry as Polygon | MultiPolygon);
  const ref = { structure, level } as LevelRef;
  const [polygons, points] = await Promise.all([source.boundaries(ref, 'detail', frame, signal), source.labelPoints(ref, frame, signal)]);
  const own = polygons.filter((f) => f.properties.parent === unit);
  return {
    level,
    unit,
    trail: [{ code: unit, level: 'province', name: provinceNames.get(unit) ?? unit }],
    names: namesOf(own),
    polygons: { level: ref.level, features: collection(own), labels: ownLabels(points, own) },
    symbols: null,
    uploaded: null,
    context: null,
    frame,
  };
}

async function nationalChildren(structure: Structure, level: Level, source: BoundarySource, signal?: AbortSignal): Promise<Scene> {
  const ref = { structure, level } as LevelRef;
  const [polygons, points] = await Promise.all([source.boundaries(ref, 'country', COUNTRY_BBOX, signal), source.labelPoints(ref, COUNTRY_BBOX, signal)]);
  return {
    level,
    unit: null,
    trail: [],
    names: namesOf(polygons),
    polygons: { level, features: collection(polygons), labels: ownLabels(points, polygons) },
    symbols: null,
    uploaded: null,
    context: null,
    frame: COUNTRY_BBOX,
  };
}

async function districtScene(
  structure: Structure,
  districtCode: string,
  country: CountryData,
  source: BoundarySource,
  directory: UnitDirectory,
  signal?: AbortSignal,
): Promise<Scene> {
  const [district, communes, uploaded] = await Promise.all([
    directory.unit(structure, districtCode, signal),
    directory.children(structure, districtCode, signal),
    directory.uploadedBoundaries?.('pre2025', districtCode, signal) ?? null,
  ]);
  // A commune with an uploaded polygon is drawn as that polygon, never also as a symbol.
  const drawn = new Set((uploaded?.features ?? []).map((f) => String(f.properties?.code)));
  const province = country.provinces.features.find((f) => String(f.properties?.code) === district.provinceCode);
  if (!province) throw new Error(`no province ${district.provinceCode} for district ${districtCode}`);
  const provinceBox = geometryBBox(province.geometry as Polygon | MultiPolygon);
  const districts = (await source.boundaries({ structure: 'pre2025', level: 'district' }, 'detail', provinceBox, signal)).filter(
    (f) => f.properties.parent === district.provinceCode,
  );
  const own = districts.find((f) => f.properties.code === districtCode);
  const frame = own ? geometryBBox(own.geometry) : boxAround(communes);
  // The 2025 communes the old ones went into: the lines that give the symbols their place.
  const context = await source.boundaries({ structure: '2025', level: 'commune' }, 'detail', frame, signal);
  const placed = communes.filter((c): c is DirectoryUnit & { labelPoint: [number, number] } => c.labelPoint !== null && !drawn.has(c.code));
  const provinceName = String(province.properties?.name ?? district.provinceCode);
  return {
    level: 'commune',
    unit: districtCode,
    trail: [
      { code: district.provinceCode, level: 'province', name: provinceName },
      { code: districtCode, level: 'district', name: district.fullName },
    ],
    names: new Map(communes.map((c) => [c.code, c.fullName])),
    polygons: { level: 'district', features: collection(districts), labels: collection([]) },
    symbols: labelFeatures(placed.map((c) => ({ code: c.code, name: c.fullName, at: c.labelPoint }))),
    uploaded: uploaded ?? collection([]),
    context: collection(context),
    frame,
  };
}

function namesOf(features: BoundaryFeature[]): Map<string, string> {
  return new Map(features.map((f) => [f.properties.code, f.properties.name]));
}

/** Label files carry code and name only (geodata/layer-files.ts): keep the points of drawn polygons. */
function ownLabels(points: { geometry: Point; properties: { code: string; name: string } }[], polygons: BoundaryFeature[]) {
  const codes = new Set(polygons.map((f) => f.properties.code));
  return labelFeatures(
    points.filter((p) => codes.has(p.properties.code)).map((p) => ({ code: p.properties.code, name: p.properties.name, at: p.geometry.coordinates as [number, number] })),
  );
}

function boxAround(units: DirectoryUnit[]): BBox {
  const points = units.flatMap((u) => (u.labelPoint ? [u.labelPoint] : []));
  if (points.length === 0) return COUNTRY_BBOX;
  const pad = 0.05;
  return {
    west: Math.min(...points.map((p) => p[0])) - pad,
    south: Math.min(...points.map((p) => p[1])) - pad,
    east: Math.max(...points.map((p) => p[0])) + pad,
    north: Math.max(...points.map((p) => p[1])) + pad,
  };
}
