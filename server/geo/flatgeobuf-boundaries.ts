// BoundarySource over the pipeline's `{out}/{structure}/{level}.detail.fgb` files: a bbox query
// through the file's packed Hilbert R-tree finds the few candidates, then an exact
// point-in-polygon test (turf) decides.
import fs from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
// The package root also loads OpenLayers (its `ol` export); the GeoJSON entry alone is enough.
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { StructureId, UnitLevel } from '../db/schema.ts';
import { BoundariesUnavailable, type BBox, type BoundarySource, type LonLat } from './boundary-source.ts';

interface CachedFile {
  size: number;
  mtimeMs: number;
  bytes: Promise<Uint8Array>;
}

export class FlatGeobufBoundaries implements BoundarySource {
  // Whole files are kept in memory once read: the R-tree walk then costs microseconds, and the
  // four polygon layers are tens of MB together. The cache is checked against size and mtime on
  // every call, so a rebuilt geodata folder is picked up without a restart.
  readonly #files = new Map<string, CachedFile>();

  constructor(readonly root: () => string) {}

  async containing(structure: StructureId, level: UnitLevel, [lon, lat]: LonLat): Promise<string[]> {
    const bytes = await this.#read(structure, level);
    // A zero-size rectangle is a point; the index returns every feature whose bbox holds it.
    const rect = { minX: lon, minY: lat, maxX: lon, maxY: lat };
    const codes: string[] = [];
    for await (const feature of deserialize(bytes, { rect })) {
      const geometry = feature.geometry;
      if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') continue;
      if (booleanPointInPolygon([lon, lat], feature as Feature<Polygon | MultiPolygon>)) {
        const code = feature.properties?.code;
        if (typeof code === 'string' || typeof code === 'number') codes.push(String(code));
      }
    }
    return codes.sort();
  }

  async *features(structure: StructureId, level: UnitLevel, rect: BBox): AsyncIterable<Feature<Polygon | MultiPolygon>> {
    const bytes = await this.#read(structure, level);
    for await (const feature of deserialize(bytes, { rect })) {
      const type = feature.geometry?.type;
      if (type === 'Polygon' || type === 'MultiPolygon') yield feature as Feature<Polygon | MultiPolygon>;
    }
  }

  async #read(structure: StructureId, level: UnitLevel): Promise<Uint8Array> {
    const file = path.join(this.root(), structure, `${level}.detail.fgb`);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      throw new BoundariesUnavailable(structure, level, `${file} does not exist`);
    }
    const cached = this.#files.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.bytes;

    const bytes = fs.promises.readFile(file).then((buffer) =>
      // flatgeobuf reads through `new DataView(bytes.buffer)` and ignores byteOffset, so the
      // bytes must start at offset 0 of their own buffer (small Node Buffers share a pool).
      buffer.byteOffset === 0 ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer),
    );
    this.#files.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, bytes });
    bytes.catch(() => this.#files.delete(file));
    return bytes;
  }
}
