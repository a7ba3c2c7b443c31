// An uploaded boundary file as GeoJSON features, whatever its format: GeoJSON (FeatureCollection,
// Feature or bare geometry), a zipped Shapefile (shpjs; reprojected to WGS84 when its .prj names
// another system, e.g. VN-2000 / UTM), or FlatGeobuf. Nothing is validated here beyond the format:
// validate.ts checks every feature and reports it by its index in this list.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { parseZip } from 'shpjs';

export type BoundaryFormat = 'geojson' | 'shapefile' | 'flatgeobuf';

export interface BoundaryFile {
  format: BoundaryFormat;
  features: Feature<Geometry | null>[];
}

export class UnreadableBoundaryFile extends Error {}

const FGB_MAGIC = [0x66, 0x67, 0x62, 0x03]; // "fgb" + major version 3
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readBoundaryFile(content: Uint8Array, fileName: string): Promise<BoundaryFile> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  // The bytes decide, the name only breaks ties: files are renamed more often than rewritten.
  if (startsWith(content, FGB_MAGIC)) return { format: 'flatgeobuf', features: await readFlatGeobuf(content) };
  if (startsWith(content, ZIP_MAGIC)) return { format: 'shapefile', features: await readShapefileZip(content) };
  if (ext === 'shp') throw new UnreadableBoundaryFile('Tệp .shp cần được nén .zip cùng .shx, .dbf và .prj');
  return { format: 'geojson', features: readGeoJson(content) };
}

function readGeoJson(content: Uint8Array): Feature<Geometry | null>[] {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, ''));
  } catch {
    throw new UnreadableBoundaryFile('Không đọc được tệp: cần GeoJSON (.geojson/.json), Shapefile nén (.zip) hoặc FlatGeobuf (.fgb)');
  }
  const named = (doc as { crs?: { properties?: { name?: unknown } } })?.crs?.properties?.name;
  // RFC 7946 GeoJSON is WGS84; an old-style "crs" member naming anything else is not reprojected.
  if (typeof named === 'string' && !/(CRS84|EPSG:+4326)$/i.test(named)) {
    throw new UnreadableBoundaryFile(`GeoJSON dùng hệ toạ độ ${named}: hãy xuất lại theo WGS84 (EPSG:4326), hoặc gửi Shapefile .zip có tệp .prj`);
  }
  const type = (doc as { type?: unknown })?.type;
  if (type === 'FeatureCollection' && Array.isArray((doc as FeatureCollection).features)) return (doc as FeatureCollection).features;
  if (type === 'Feature') return [doc as Feature];
  if (type === 'Polygon' || type === 'MultiPolygon') return [{ type: 'Feature', geometry: doc as Geometry, properties: {} }];
  throw new UnreadableBoundaryFile('GeoJSON không có đối tượng (FeatureCollection/Feature/Polygon) nào');
}

async function readShapefileZip(content: Uint8Array): Promise<Feature<Geometry | null>[]> {
  let parsed;
  try {
    parsed = await parseZip(content);
  } catch (error) {
    throw new UnreadableBoundaryFile(`Không đọc được Shapefile trong tệp .zip (${error instanceof Error ? error.message : String(error)})`);
  }
  // A zip with several layers: their features one after the other, in the zip's order.
  return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((layer) => layer.features ?? []);
}

async function readFlatGeobuf(content: Uint8Array): Promise<Feature<Geometry | null>[]> {
  // flatgeobuf reads through `new DataView(bytes.buffer)` and ignores byteOffset (see server/geo).
  const bytes = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength ? content : new Uint8Array(content);
  const features: Feature<Geometry | null>[] = [];
  let crs: number | null = null;
  try {
    for await (const feature of deserialize(bytes, { headerMetaFn: (header) => (crs = header.crs?.code ?? null) })) features.push(feature as Feature);
  } catch (error) {
    throw new UnreadableBoundaryFile(`Không đọc được FlatGeobuf (${error instanceof Error ? error.message : String(error)})`);
  }
  // 0 = unknown; FlatGeobuf files are not reprojected here: anything but WGS84 is refused.
  if (crs !== null && crs !== 0 && crs !== 4326) throw new UnreadableBoundaryFile(`FlatGeobuf dùng hệ toạ độ EPSG:${crs}: hãy xuất lại theo WGS84 (EPSG:4326)`);
  return features;
}
