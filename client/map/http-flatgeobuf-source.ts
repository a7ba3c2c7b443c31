// BoundarySource over HTTP: FlatGeobuf files with a packed R-tree index, read by bbox with Range
// requests, so a view costs the bytes of the features it shows plus a few index pages.
// Layout served by the Node server (and any static host honouring Range):
//   {baseUrl}/{structure}/{level}.{lod}.fgb     polygons
//   {baseUrl}/{structure}/{level}.labels.fgb    label points
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature, Geometry } from 'geojson';
import type {
  BBox,
  BoundaryFeature,
  BoundarySource,
  LabelPointFeature,
  LevelRef,
  Lod,
  UnitProperties,
} from './boundary-source.ts';

export class BoundaryLoadError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`${url}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'BoundaryLoadError';
  }
}

export class HttpFlatGeobufSource implements BoundarySource {
  /** `baseUrl` without a trailing slash; relative URLs resolve against the page. */
  constructor(private readonly baseUrl = '/geo') {}

  boundaryUrl(ref: LevelRef, lod: Lod): string {
    return `${this.baseUrl}/${ref.structure}/${ref.level}.${lod}.fgb`;
  }

  labelUrl(ref: LevelRef): string {
    return `${this.baseUrl}/${ref.structure}/${ref.level}.labels.fgb`;
  }

  async boundaries(ref: LevelRef, lod: Lod, bbox: BBox, signal?: AbortSignal): Promise<BoundaryFeature[]> {
    const features = await readBbox(this.boundaryUrl(ref, lod), bbox, signal);
    return features.filter(
      (f): f is BoundaryFeature => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
    );
  }

  async labelPoints(ref: LevelRef, bbox: BBox, signal?: AbortSignal): Promise<LabelPointFeature[]> {
    const features = await readBbox(this.labelUrl(ref), bbox, signal);
    return features.filter((f): f is LabelPointFeature => f.geometry?.type === 'Point');
  }
}

async function readBbox(url: string, bbox: BBox, signal?: AbortSignal): Promise<Feature<Geometry, UnitProperties>[]> {
  const rect = { minX: bbox.west, minY: bbox.south, maxX: bbox.east, maxY: bbox.north };
  const features: Feature<Geometry, UnitProperties>[] = [];
  try {
    // flatgeobuf takes no AbortSignal; stopping the iteration stops further range requests.
    for await (const feature of deserialize(url, { rect })) {
      signal?.throwIfAborted();
      features.push({
        type: 'Feature',
        geometry: feature.geometry as Geometry,
        properties: unitProperties(feature.properties ?? {}),
      });
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new BoundaryLoadError(url, error);
  }
  return features;
}

function unitProperties(raw: Record<string, unknown>): UnitProperties {
  // Codes are text columns in the pipeline's files ("01", not 1: the leading zero is part of the
  // GSO code and of the database key). String() only pins the type for feature-state ids.
  const parent = raw.parent;
  return {
    code: String(raw.code),
    name: String(raw.name ?? ''),
    parent: parent === null || parent === undefined || parent === '' ? null : String(parent),
  };
}
