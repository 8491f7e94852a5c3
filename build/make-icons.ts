// Renders the app and tray icons electron-builder and the tray need, from one shape (the ring of build/icon.png):
//   build/icon.icns (macOS), build/icon.ico (Windows), build/icons-linux/NxN.png (Linux),
//   build/icons/trayTemplate.png + @2x (macOS template images: black and alpha, the menu bar tints them),
//   build/icons/tray-light.png + @2x (dark glyph for light panels), tray-dark.png + @2x (light glyph for dark panels),
//   build/icons/tray-warning.png + @2x and tray-error.png + @2x (amber and red: they read on any panel). Electron picks
//   the @2x file beside the named one on a high-DPI screen (https://www.electronjs.org/docs/latest/api/native-image#high-resolution-image).
// Run: node --no-warnings build/make-icons.ts (the outputs are committed; no image tools are needed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BRAND: Rgb = [11, 99, 206];
const build = dirname(fileURLToPath(import.meta.url));

/** Coverage of a ring at a pixel, 4x4 supersampled so edges are smooth at 16 px. */
function ringCoverage(x: number, y: number, size: number): number {
  const centre = size / 2;
  const outer = size * 0.42;
  const inner = size * 0.19;
  let inside = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const distance = Math.hypot(x + (i + 0.5) / 4 - centre, y + (j + 0.5) / 4 - centre);
      if (distance <= outer && distance >= inner) inside += 1;
    }
  }
  return inside / 16;
}

/** A PNG (RGBA, 8 bits) of the ring in one colour on transparency. */
function ringPng(size: number, colour: Rgb): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      row.set([...colour, Math.round(255 * ringCoverage(x, y, size))], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An .ico holding PNG images (Windows Vista and later read them). */
function ico(sizes: number[]): Buffer {
  const images = sizes.map((size) => ringPng(size, BRAND));
  const directory = Buffer.alloc(6 + 16 * sizes.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(sizes.length, 4);
  let offset = directory.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    directory.writeUInt8(size >= 256 ? 0 : size, entry);
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(images[i]?.length ?? 0, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += images[i]?.length ?? 0;
  });
  return Buffer.concat([directory, ...images]);
}

/** An .icns holding PNG images under their OSType codes. */
function icns(entries: [string, number][]): Buffer {
  const parts = entries.map(([type, size]) => {
    const png = ringPng(size, BRAND);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const write = (path: string, data: Buffer): void => {
  mkdirSync(dirname(join(build, path)), { recursive: true });
  writeFileSync(join(build, path), data);
};

write(
  'icon.icns',
  icns([
    ['icp4', 16],
    ['icp5', 32],
    ['icp6', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
  ]),
);
write('icon.ico', ico([16, 24, 32, 48, 64, 128, 256]));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) write(`icons-linux/${size}x${size}.png`, ringPng(size, BRAND));
for (const [name, colour] of [
  ['trayTemplate', [0, 0, 0]],
  ['tray-light', [34, 34, 34]],
  ['tray-dark', [240, 240, 240]],
  ['tray-warning', [217, 119, 6]],
  ['tray-error', [200, 30, 30]],
] as const) {
  write(`icons/${name}.png`, ringPng(16, colour));
  write(`icons/${name}@2x.png`, ringPng(32, colour));
}
process.stdout.write('icons written to build/\n');
