// Draws the field app's icons (client/public/icons/icon-{192,512}.png): a map pin over hills on
// the header's blue. Written out once and committed; run again only to change the design:
//   npx tsx scripts/field-icons.ts
// Plain zlib + a scanline point test: the machine has no image tools, and two flat icons do not
// justify a dependency.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgb = [number, number, number];
const BLUE: Rgb = [0x24, 0x50, 0x6b];
const SAND: Rgb = [0xf3, 0xc7, 0x7a];
const WHITE: Rgb = [255, 255, 255];

/** Shapes on a 512 × 512 design grid, painted in order. */
const inPolygon = (pts: [number, number][]) => (x: number, y: number) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const inCircle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const SHAPES: [(x: number, y: number) => boolean, Rgb][] = [
  [inPolygon([[40, 430], [180, 250], [260, 350], [340, 270], [472, 430]]), SAND],
  [inCircle(256, 190, 82), WHITE],
  [inPolygon([[186, 225], [326, 225], [256, 345]]), WHITE],
  [inCircle(256, 190, 34), BLUE],
];

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function icon(size: number): Buffer {
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    raw[y * (1 + size * 3)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      // sample at the pixel centre on the design grid
      const gx = ((x + 0.5) * 512) / size;
      const gy = ((y + 0.5) * 512) / size;
      let colour = BLUE;
      for (const [hit, c] of SHAPES) if (hit(gx, gy)) colour = c;
      raw.set(colour, y * (1 + size * 3) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = path.join(import.meta.dirname, '..', 'client', 'public', 'icons');
fs.mkdirSync(out, { recursive: true });
for (const size of [192, 512]) fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
