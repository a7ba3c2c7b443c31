// The FlatGeobuf writer: round trip through flatgeobuf's own reader, bbox reads through the
// index we write (in memory and over HTTP Range), and the Hilbert curve underneath.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { writeFlatGeobuf, type FgbFeature } from '../../geodata/fgb-writer.ts';
import { hilbertIndex, levelSizes, NODE_BYTES } from '../../geodata/packed-rtree.ts';

/** A 20 × 15 grid of 0.1° squares near Huế, with a hole in one and a second part in another. */
function grid(): FgbFeature[] {
  const features: FgbFeature[] = [];
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 15; j++) {
      const x = 107 + i * 0.1;
      const y = 16 + j * 0.1;
      const square = [
        [x, y],
        [x + 0.1, y],
        [x + 0.1, y + 0.1],
        [x, y + 0.1],
        [x, y],
      ];
      const code = String(i * 100 + j).padStart(5, '0');
      features.push({
        geometry: { type: 'Polygon', coordinates: [square] },
        properties: { code, name: `Xã Ô ${code}`, parent: '46' },
      });
    }
  }
  features[0].geometry = {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [107, 16],
          [107.1, 16],
          [107.1, 16.1],
          [107, 16.1],
          [107, 16],
        ],
        [
          [107.04, 16.04],
          [107.04, 16.06],
          [107.06, 16.06],
          [107.06, 16.04],
          [107.04, 16.04],
        ],
      ],
      [
        [
          [106.5, 15.5],
          [106.52, 15.5],
          [106.52, 15.52],
          [106.5, 15.5],
        ],
      ],
    ],
  };
  return features;
}

const rect = { minX: 107.25, minY: 16.25, maxX: 107.55, maxY: 16.45 };
/** Squares whose bbox meets the rect (edges touching count, as in the R-tree search). */
function expectedCodes(): string[] {
  const codes: string[] = [];
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 15; j++) {
      const x = 107 + i * 0.1;
      const y = 16 + j * 0.1;
      if (x <= rect.maxX && x + 0.1 >= rect.minX && y <= rect.maxY && y + 0.1 >= rect.minY)
        codes.push(String(i * 100 + j).padStart(5, '0'));
    }
  }
  return codes.sort();
}

// flatgeobuf's readers log every index step and range request with console.debug.
const realDebug = console.debug;
beforeAll(() => {
  console.debug = () => {};
});
afterAll(() => {
  console.debug = realDebug;
});

async function readAll(
  input: Uint8Array | string,
  options: { rect?: typeof rect; headerMetaFn?: (h: HeaderMeta) => void } = {},
) {
  const out = [];
  for await (const f of deserialize(input, options)) out.push(f);
  return out;
}

describe('writeFlatGeobuf', () => {
  const features = grid();
  const bytes = writeFlatGeobuf(features, { columns: ['code', 'name', 'parent'], title: 'test grid' });

  it('writes a header with the index node size, envelope and every feature back', async () => {
    let header: HeaderMeta | null = null;
    const back = await readAll(bytes, { headerMetaFn: (h) => (header = h) });
    expect(header!.indexNodeSize).toBe(16);
    expect(header!.featuresCount).toBe(300);
    expect(Array.from(header!.envelope ?? [])).toEqual([106.5, 15.5, 109, 17.5]);
    expect(back).toHaveLength(300);
    const byCode = new Map(back.map((f) => [f.properties!.code as string, f]));
    expect(byCode.get('00000')!.geometry.type).toBe('MultiPolygon');
    expect((byCode.get('00000')!.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect(byCode.get('01907')!.properties).toEqual({ code: '01907', name: 'Xã Ô 01907', parent: '46' });
  });

  it('sizes the index as flatgeobuf expects', () => {
    expect(levelSizes(1, 16)).toEqual([1, 1]);
    expect(levelSizes(300, 16)).toEqual([300, 19, 2, 1]);
    expect(calcTreeSize(300, 16)).toBe(322 * NODE_BYTES);
  });

  it('answers a bbox read through the index with exactly the intersecting features', async () => {
    const hits = await readAll(bytes, { rect });
    expect(hits.map((f) => f.properties!.code as string).sort()).toEqual(expectedCodes());
  });

  it('writes one point per feature for label files', async () => {
    const points: FgbFeature[] = features.slice(0, 40).map((f, i) => ({
      geometry: { type: 'Point', coordinates: [107 + i * 0.05, 16 + i * 0.01] },
      properties: { code: f.properties.code, name: f.properties.name },
    }));
    const file = writeFlatGeobuf(points, { columns: ['code', 'name'] });
    const hits = await readAll(file, { rect: { minX: 107.5, minY: 15, maxX: 108, maxY: 17 } });
    expect(hits.map((f) => f.properties!.code).sort()).toEqual(
      points
        .filter((_, i) => 107 + i * 0.05 >= 107.5 && 107 + i * 0.05 <= 108)
        .map((p) => p.properties.code)
        .sort(),
    );
  });

  it('rejects features missing a column', () => {
    expect(() =>
      writeFlatGeobuf([{ geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} }], { columns: ['code'] }),
    ).toThrow(/code/);
  });

  describe('over HTTP Range', () => {
    let server: http.Server;
    let url = '';
    const ranges: string[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const match = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
        if (!match) {
          res.writeHead(200, { 'Content-Length': bytes.length });
          res.end(Buffer.from(bytes));
          return;
        }
        ranges.push(req.headers.range!);
        const start = Number(match[1]);
        const end = Math.min(match[2] ? Number(match[2]) : bytes.length - 1, bytes.length - 1);
        res.writeHead(206, {
          'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
          'Content-Length': end - start + 1,
          'Accept-Ranges': 'bytes',
        });
        res.end(Buffer.from(bytes.subarray(start, end + 1)));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/grid.fgb`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('reads only the bbox, in a few range requests', async () => {
      const hits = await readAll(url, { rect });
      expect(hits.map((f) => f.properties!.code as string).sort()).toEqual(expectedCodes());
      expect(ranges.length).toBeGreaterThan(0);
      expect(ranges.length).toBeLessThan(10);
    });
  });
});

describe('hilbertIndex', () => {
  it('visits every cell of an 8 × 8 grid once, each step to a neighbouring cell', () => {
    const at = new Map<number, [number, number]>();
    for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) at.set(hilbertIndex(x, y, 8), [x, y]);
    expect([...at.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
    for (let d = 1; d < 64; d++) {
      const [ax, ay] = at.get(d - 1)!;
      const [bx, by] = at.get(d)!;
      expect(Math.abs(ax - bx) + Math.abs(ay - by)).toBe(1);
    }
  });

  it('stays exact at the full 2^16 resolution', () => {
    expect(hilbertIndex(65535, 0)).toBe(2 ** 32 - 1);
    expect(hilbertIndex(0, 0)).toBe(0);
  });
});
