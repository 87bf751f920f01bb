// Draws the toolbar mark (a magnifying lens over a red seal square) at every size the stores ask
// for. Run by hand when the mark changes; the PNGs are committed so builds need no image tools.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const RED = [0xc0, 0x39, 0x2b];
const WHITE = [0xff, 0xff, 0xff];
const INK = [0x1f, 0x2d, 0x3d];

function pixel(x, y) {
  // Coordinates in a unit square; the lens ring, its handle, and the seal behind them.
  const cx = 0.42, cy = 0.42, r = 0.3, ring = 0.085;
  const d = Math.hypot(x - cx, y - cy);
  const along = (x - cx + (y - cy)) / Math.SQRT2;
  const across = Math.abs(x - cx - (y - cy)) / Math.SQRT2;
  if (Math.abs(d - r) < ring / 2) return [...INK, 255];
  if (along > r && along < 0.72 && across < 0.07) return [...INK, 255];
  if (d < r - ring / 2) return [...WHITE, 255];
  const inSeal = x > 0.04 && x < 0.96 && y > 0.04 && y < 0.96;
  return inSeal ? [...RED, 255] : [0, 0, 0, 0];
}

function png(size) {
  const samples = 4; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const p = pixel((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 3; i++) acc[i] += p[i] * p[3];
          acc[3] += p[3];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (samples * samples);
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

for (const size of SIZES) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
