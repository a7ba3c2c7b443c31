// Benchmark: what showing one province's communes costs over HTTP — bytes and requests of
// flatgeobuf's bbox read (packed R-tree + Range requests, as client/map/http-flatgeobuf-source.ts
// does) of /geo/2025/commune.{detail,country}.fgb, against downloading the whole-country file.
// The province's bbox comes from its polygon in /geo/2025/province.detail.fgb (that read is set-up,
// not counted). Starts its own server on a free loopback port, signs in, stops the server.
//   node_modules/.bin/tsx bench/province-bytes.ts [--province 66 --province 42 ...]
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Geometry, Position } from 'geojson';
import { parseArgs } from 'node:util';
import { machineLine, startServer } from './server.ts';

const { values: args } = parseArgs({ options: { province: { type: 'string', multiple: true, default: ['66', '42'] } } });
const STRUCTURE = '2025';

// Count every request and the bytes of every answer body (as received: the server's /geo answers
// are not content-encoded, checked below).
const counter = { requests: 0, bytes: 0, encoded: false };
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const res = await realFetch(input, init);
  const buf = await res.arrayBuffer();
  counter.requests += 1;
  counter.bytes += buf.byteLength;
  if (res.headers.get('content-encoding')) counter.encoded = true;
  return new Response(buf, { status: res.status, statusText: res.statusText, headers: res.headers });
};
console.debug = () => {}; // flatgeobuf logs each range request at debug level

type Bbox = [number, number, number, number];
function extend(b: Bbox, coords: unknown): void {
  if (typeof (coords as Position)[0] === 'number') {
    const [x, y] = coords as Position;
    b[0] = Math.min(b[0], x!);
    b[1] = Math.min(b[1], y!);
    b[2] = Math.max(b[2], x!);
    b[3] = Math.max(b[3], y!);
  } else for (const c of coords as unknown[]) extend(b, c);
}

const kib = (n: number) => (n / 1024).toFixed(1);

console.log(await machineLine());
const server = await startServer();
const headers = { cookie: server.cookie };
const geo = (file: string) => `${server.base}/geo/${STRUCTURE}/${file}`;
try {
  // Set-up: province bboxes and names from the province polygons.
  const provinces = new Map<string, { name: string; bbox: Bbox }>();
  const provinceFile = await fetch(geo('province.detail.fgb'), { headers });
  if (!provinceFile.ok) throw new Error(`province.detail.fgb: HTTP ${provinceFile.status}`);
  for await (const f of deserialize(new Uint8Array(await provinceFile.arrayBuffer()))) {
    const code = String(f.properties?.code);
    if (!args.province.includes(code)) continue;
    const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    extend(bbox, (f.geometry as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates);
    provinces.set(code, { name: String(f.properties?.name ?? ''), bbox });
  }
  const missing = args.province.filter((c) => !provinces.has(c));
  if (missing.length) throw new Error(`no province ${missing.join(', ')} in ${STRUCTURE}/province.detail.fgb`);

  const rows: string[][] = [];
  for (const lod of ['detail', 'country'] as const) {
    const file = `commune.${lod}.fgb`;
    for (const [code, p] of provinces) {
      const [minX, minY, maxX, maxY] = p.bbox;
      counter.requests = counter.bytes = 0;
      let features = 0;
      let own = 0;
      const t0 = performance.now();
      for await (const f of deserialize(geo(file), { rect: { minX, minY, maxX, maxY }, headers })) {
        features += 1;
        if (String(f.properties?.parent) === code) own += 1;
      }
      const ms = performance.now() - t0;
      rows.push([`bbox read ${file}`, `${code} ${p.name}`, String(own), String(features), String(counter.requests), kib(counter.bytes), ms.toFixed(0)]);
    }
    // The alternative: the whole-country file in one request.
    counter.requests = counter.bytes = 0;
    const t0 = performance.now();
    const res = await fetch(geo(file), { headers });
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
    const ms = performance.now() - t0;
    rows.push([`whole ${file}`, 'country', '-', '-', String(counter.requests), kib(counter.bytes), ms.toFixed(0)]);
  }
  if (counter.encoded) console.log('note: some answers were content-encoded; bytes are decoded sizes');

  const head = ['read', 'province', 'own communes', 'features', 'requests', 'KiB', 'ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i < 2 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
} finally {
  await server.stop();
}
