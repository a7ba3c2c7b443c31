// Writes FlatGeobuf files WITH the packed Hilbert R-tree index.
//
// Why not flatgeobuf's own serialize(): in 4.5.0 it writes index_node_size = 0 and no index, and
// a bbox read (deserialize(bytes-or-url, rect)) of such a file throws "No index found" — yet the
// client reads only the bbox it shows, over HTTP Range. So this module sorts the features along
// a Hilbert curve, builds the packed R-tree (packed-rtree.ts), and writes magic bytes + header
// (index_node_size = 16, envelope, CRS 4326) + index + features. The feature encoding is the
// package's own (parseGeometry + buildFeature), so geometry and properties are byte-for-byte what
// its readers expect; only the header and the index are ours.
import * as flatbuffers from 'flatbuffers';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { bboxOf, emptyBBox, type BBox } from './geometry.ts';
import { buildPackedRTree, DEFAULT_NODE_SIZE, hilbertOrder } from './packed-rtree.ts';

const MAGIC = new Uint8Array([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00]);
const WGS84 = 4326;

export interface FgbFeature {
  geometry: Polygon | MultiPolygon | Point;
  /** String properties only: code, name, parent. Every feature must have every column. */
  properties: Record<string, string>;
}

export interface FgbOptions {
  columns: string[];
  title?: string;
  description?: string;
  nodeSize?: number;
}

function columnMeta(name: string): ColumnMeta {
  return {
    name,
    type: ColumnType.String,
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: false,
    unique: false,
    primary_key: false,
  };
}

function featureBBox(geometry: FgbFeature['geometry']): BBox {
  if (geometry.type === 'Point') {
    const [x, y] = geometry.coordinates;
    return [x, y, x, y];
  }
  return bboxOf(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
}

function buildHeader(meta: HeaderMeta, envelope: BBox, options: FgbOptions): Uint8Array {
  const builder = new flatbuffers.Builder(1024);
  const columns = Header.createColumnsVector(
    builder,
    options.columns.map((name) => {
      const nameOffset = builder.createString(name);
      Column.startColumn(builder);
      Column.addName(builder, nameOffset);
      Column.addType(builder, ColumnType.String);
      Column.addNullable(builder, false);
      return Column.endColumn(builder);
    }),
  );
  const name = builder.createString(options.title ?? 'layer');
  const title = options.title ? builder.createString(options.title) : 0;
  const description = options.description ? builder.createString(options.description) : 0;
  const envelopeOffset = Header.createEnvelopeVector(builder, envelope);
  Crs.startCrs(builder);
  Crs.addCode(builder, WGS84);
  const crs = Crs.endCrs(builder);
  Header.startHeader(builder);
  Header.addName(builder, name);
  Header.addEnvelope(builder, envelopeOffset);
  Header.addGeometryType(builder, meta.geometryType);
  Header.addColumns(builder, columns);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  Header.addIndexNodeSize(builder, meta.indexNodeSize);
  Header.addCrs(builder, crs);
  if (title) Header.addTitle(builder, title);
  if (description) Header.addDescription(builder, description);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

/** A complete .fgb file: header, packed Hilbert R-tree, features in Hilbert order. */
export function writeFlatGeobuf(features: readonly FgbFeature[], options: FgbOptions): Uint8Array {
  if (features.length === 0) throw new Error('writeFlatGeobuf: no features');
  const nodeSize = options.nodeSize ?? DEFAULT_NODE_SIZE;
  const isPoint = features[0].geometry.type === 'Point';
  for (const f of features) {
    if ((f.geometry.type === 'Point') !== isPoint) throw new Error('writeFlatGeobuf: mixed point and polygon features');
    for (const column of options.columns) {
      if (typeof f.properties[column] !== 'string')
        throw new Error(`writeFlatGeobuf: feature without string "${column}"`);
    }
  }
  const meta: HeaderMeta = {
    geometryType: isPoint ? GeometryType.Point : GeometryType.MultiPolygon,
    columns: options.columns.map(columnMeta),
    envelope: null,
    featuresCount: features.length,
    indexNodeSize: nodeSize,
    crs: null,
    title: options.title ?? null,
    description: options.description ?? null,
    metadata: null,
  };
  const boxes = features.map((f) => featureBBox(f.geometry));
  const extent = emptyBBox();
  for (const b of boxes) {
    extent[0] = Math.min(extent[0], b[0]);
    extent[1] = Math.min(extent[1], b[1]);
    extent[2] = Math.max(extent[2], b[2]);
    extent[3] = Math.max(extent[3], b[3]);
  }
  const order = hilbertOrder(boxes, extent);
  const encoded: Uint8Array[] = [];
  const offsets: number[] = [];
  let featureBytes = 0;
  for (const i of order) {
    const f = features[i];
    // One geometry type per file: polygons are always written as MultiPolygon.
    const geometry: Point | MultiPolygon =
      f.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] } : f.geometry;
    const bytes = buildFeature(parseGeometry(geometry), f.properties, meta);
    offsets.push(featureBytes);
    encoded.push(bytes);
    featureBytes += bytes.length;
  }
  const header = buildHeader(meta, extent, options);
  const index = buildPackedRTree(
    order.map((i) => boxes[i]),
    offsets,
    nodeSize,
  );
  const out = new Uint8Array(MAGIC.length + header.length + index.length + featureBytes);
  out.set(MAGIC, 0);
  out.set(header, MAGIC.length);
  out.set(index, MAGIC.length + header.length);
  let at = MAGIC.length + header.length + index.length;
  for (const bytes of encoded) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}
