// node scripts/dist-cli/make-icon.js - draws build/mars-readiness.ico, the icon of mars-readiness.exe (issue 16):
// a blue shield with a white check mark, at 16, 32, 48 and 256 pixels. Plain Node, no network, no library:
// the shapes are sampled 8 x 8 times a pixel (anti-aliased edges), the small sizes written as 32-bit BMPs
// (what every icon reader knows), the 256 one as a PNG (as Windows' own icons carry it). The same Node
// writes the same bytes; `--check` says whether the checked-in file is what this script draws.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const ICON = join(root, 'build', 'mars-readiness.ico');
export const ICON_SIZES = [16, 32, 48, 256];
const SAMPLES = 8;

// The drawing, on a 1 x 1 square (y down). The shield: a flat top with rounded shoulders, straight sides
// for a third of its height, then two curves that meet in a point; the rim is its darker outline.
const RIM = [0x0b, 0x3d, 0x91];
const TOP = [0x3d, 0x8b, 0xf0];
const BOTTOM = [0x16, 0x55, 0xc7];
const CHECK = [0xff, 0xff, 0xff];
const OUTER = shield(0.5, 0.04, 0.84, 0.94);
const INNER = shield(0.5, 0.105, 0.71, 0.8);
const CHECK_POINTS = [
  [0.31, 0.5],
  [0.45, 0.64],
  [0.7, 0.36],
];
const CHECK_HALF_WIDTH = 0.068;

/** The .ico: its directory, then one image a size (BMP up to 48 px, PNG at 256). */
export function iconFile() {
  const images = ICON_SIZES.map((size) => (size >= 256 ? png(size, render(size)) : bmp(size, render(size))));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icons
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const size = ICON_SIZES[i];
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 stands for 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // planes
    header.writeUInt16LE(32, at + 6); // bits a pixel
    header.writeUInt32LE(image.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += image.length;
  });
  return Buffer.concat([header, ...images]);
}

/** size x size pixels, RGBA (not premultiplied), top row first. */
export function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const sums = new Float64Array(size * 4);
  for (let py = 0; py < size; py++) {
    sums.fill(0);
    for (let sy = 0; sy < SAMPLES; sy++) {
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      // Where this line of samples crosses each outline, left to right: inside between pairs.
      const [outer, inner] = [crossings(OUTER, y), crossings(INNER, y)];
      for (let sx = 0; sx < size * SAMPLES; sx++) {
        const x = (sx + 0.5) / SAMPLES / size;
        const colour = paint(x, y, within(outer, x), within(inner, x));
        if (!colour) continue;
        const at = Math.floor(sx / SAMPLES) * 4;
        sums[at] += colour[0];
        sums[at + 1] += colour[1];
        sums[at + 2] += colour[2];
        sums[at + 3] += 1;
      }
    }
    for (let px = 0; px < size; px++) {
      const a = sums[px * 4 + 3];
      if (a === 0) continue;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(sums[px * 4 + c] / a);
      pixels[at + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

/** The colour at a point of the unit square, or null where it is transparent. */
function paint(x, y, inOuter, inInner) {
  if (!inOuter) return null;
  if (!inInner) return RIM;
  if (nearPolyline(CHECK_POINTS, x, y, CHECK_HALF_WIDTH)) return CHECK;
  const t = Math.min(1, Math.max(0, (y - 0.1) / 0.7));
  return TOP.map((c, i) => c + (BOTTOM[i] - c) * t);
}

/** The shield's outline as a polygon: centre x, top y, width, height. */
function shield(cx, top, width, height) {
  const half = width / 2;
  const shoulder = width * 0.12;
  const side = top + height * 0.42;
  const tip = top + height;
  const points = [];
  const curve = (p0, p1, p2, p3, steps = 48) => {
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      points.push([
        u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
      ]);
    }
  };
  points.push([cx - half + shoulder, top]);
  points.push([cx + half - shoulder, top]);
  curve([cx + half - shoulder, top], [cx + half - shoulder * 0.45, top], [cx + half, top + shoulder * 0.45], [cx + half, top + shoulder]);
  points.push([cx + half, side]);
  curve([cx + half, side], [cx + half, side + height * 0.3], [cx + half * 0.45, tip - height * 0.1], [cx, tip]);
  curve([cx, tip], [cx - half * 0.45, tip - height * 0.1], [cx - half, side + height * 0.3], [cx - half, side]);
  points.push([cx - half, top + shoulder]);
  curve([cx - half, top + shoulder], [cx - half, top + shoulder * 0.45], [cx - half + shoulder * 0.45, top], [cx - half + shoulder, top]);
  return points;
}

/** The x of each edge of the polygon that the horizontal line at y crosses, in order. */
function crossings(polygon, y) {
  const xs = [];
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  return xs.sort((a, b) => a - b);
}

/** Even-odd rule: inside when an odd number of crossings lie left of x. */
function within(xs, x) {
  let left = 0;
  while (left < xs.length && xs[left] < x) left++;
  return left % 2 === 1;
}

/** Whether a point lies within halfWidth of the polyline (round caps and joins). */
function nearPolyline(points, x, y, halfWidth) {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if (Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= halfWidth) return true;
  }
  return false;
}

/** An icon image as a DIB: BITMAPINFOHEADER (height doubled for the mask), BGRA rows bottom first, AND mask. */
function bmp(size, rgba) {
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits a pixel
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom row first
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
      // The mask, for readers that ignore alpha: set where the pixel is wholly transparent.
      if (rgba[from + 3] === 0) mask[row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

function png(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

let crcTable;
function crc32(bytes) {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = iconFile();
  if (process.argv.includes('--check')) {
    const same = Buffer.compare(bytes, readFileSync(ICON)) === 0;
    console.log(
      same
        ? 'make-icon: build/mars-readiness.ico is up to date'
        : 'make-icon: build/mars-readiness.ico differs from what this script draws',
    );
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(ICON, bytes);
    console.log(`make-icon: wrote build/mars-readiness.ico (${ICON_SIZES.join(', ')} px, ${bytes.length} bytes)`);
  }
}
