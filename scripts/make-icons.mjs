// Draws the toolbar icon (a highlighter stroke under a quote mark) as PNGs at each size, with
// zlib only, so no image tool is needed. Run once; the PNGs in extension/icons are committed.
import { deflateSync, crc32 } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const ink = [31, 41, 55, 255], marker = [250, 204, 21, 255], clear = [0, 0, 0, 0];
const icon = (x, y) => {
  const inRound = Math.hypot(Math.max(Math.abs(x - 0.5) - 0.36, 0), Math.max(Math.abs(y - 0.5) - 0.36, 0)) < 0.12;
  if (!inRound) return clear;
  if (y > 0.58 && y < 0.8 && x > 0.16 && x < 0.84) return marker;           // the highlighter stroke
  const dot = (cx) => Math.hypot(x - cx, y - 0.34) < 0.1 || (x > cx && x < cx + 0.09 && y > 0.34 && y < 0.5 && x - cx < (y - 0.3));
  if (dot(0.33) || dot(0.58)) return marker;                                 // the quote mark
  return ink;
};
for (const size of [16, 32, 48, 128]) writeFileSync(`extension/icons/icon-${size}.png`, png(size, icon));
