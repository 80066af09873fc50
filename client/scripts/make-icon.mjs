// Draws media/icon.png (128×128 RGBA) with Node built-ins only: a rounded square split by a vertical
// demarcation line, the provider's half muted and the customer's half bright, with a check mark on the customer side.
// Usage: node client/scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const px = new Uint8Array(size * size * 4);

const navy = [0x1b, 0x26, 0x3b];
const slate = [0x3a, 0x4a, 0x63];
const amber = [0xff, 0x99, 0x00];

// Coverage of a rounded rectangle at (x, y), sampled 4×4 per pixel for smooth edges.
function insideRounded(x, y, x0, y0, x1, y1, rad) {
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad);
  const cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function colorAt(x, y) {
  if (!insideRounded(x, y, 4, 4, 124, 124, 22)) return null;
  // Dashed demarcation line down the middle.
  if (Math.abs(x - 64) <= 3 && Math.floor((y - 4) / 12) % 2 === 0) return amber;
  // Check mark on the customer's (right) side.
  if (distToSegment(x, y, 78, 66, 89, 78) <= 5 || distToSegment(x, y, 89, 78, 110, 50) <= 5) return amber;
  // Stacked bars on the provider's (left) side: layers AWS runs.
  for (const top of [36, 58, 80]) if (x >= 20 && x <= 52 && y >= top && y <= top + 12) return slate.map((c) => c + 40);
  return x < 64 ? slate : navy;
}

const samples = 4;
for (let py = 0; py < size; py++) {
  for (let pxl = 0; pxl < size; pxl++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const c = colorAt(pxl + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
      }
    }
    const i = (py * size + pxl) * 4;
    if (a > 0) { px[i] = Math.round(r / a); px[i + 1] = Math.round(g / a); px[i + 2] = Math.round(b / a); }
    px[i + 3] = Math.round((a / (samples * samples)) * 255);
  }
}

// PNG: signature, IHDR, one IDAT with filter byte 0 per scanline, IEND. CRC-32 per chunk as the spec requires.
const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../../media/icon.png', import.meta.url), png);
console.log(`wrote media/icon.png (${png.length} bytes)`);
