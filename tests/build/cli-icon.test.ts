// build/mars-readiness.ico, the icon of mars-readiness.exe and of its MSI (issue 16): what
// scripts/dist-cli/make-icon.js draws, pixel for pixel, in the sizes Windows asks for, and readable by
// resedit, which puts it into the exe (scripts/dist-cli/exe-resources.js). No Wine needed; the exe itself
// is read back in tests/wine/packages.test.ts.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { Data } from 'resedit';
import { describe, expect, it } from 'vitest';
import { ICON, ICON_SIZES, render } from '../../scripts/dist-cli/make-icon.js';
import { versionStrings, windowsVersion } from '../../scripts/dist-cli/exe-resources.js';

const bytes = readFileSync(ICON);

/** The .ico's directory: each image's size (0 = 256), bit depth and bytes. */
function directory(ico: Buffer) {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const size = ico.readUInt8(at) || 256;
    const [length, offset] = [ico.readUInt32LE(at + 8), ico.readUInt32LE(at + 12)];
    return { size, height: ico.readUInt8(at + 1) || 256, bitCount: ico.readUInt16LE(at + 6), image: ico.subarray(offset, offset + length) };
  });
}

/** An image's pixels as RGBA rows top first: a PNG (unfiltered rows, as make-icon writes them) or a 32-bit DIB. */
function pixels(image: Buffer, size: number): Buffer {
  if (image.subarray(1, 4).toString('latin1') === 'PNG') {
    const idat: Buffer[] = [];
    for (let at = 8; at < image.length;) {
      const length = image.readUInt32BE(at);
      if (image.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') idat.push(image.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    return Buffer.concat(Array.from({ length: size }, (_, y) => raw.subarray(y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1))));
  }
  expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = 40 + ((size - 1 - y) * size + x) * 4;
      out.set([image[from + 2]!, image[from + 1]!, image[from]!, image[from + 3]!], (y * size + x) * 4);
    }
  }
  return out;
}

describe('build/mars-readiness.ico', () => {
  it('holds 32-bit images of 16, 32, 48 and 256 pixels (PNG at 256, as Windows carries it)', () => {
    const images = directory(bytes);
    expect(images.map((i) => [i.size, i.height, i.bitCount])).toEqual(ICON_SIZES.map((s) => [s, s, 32]));
    expect(ICON_SIZES).toEqual([16, 32, 48, 256]);
    expect(images.at(-1)!.image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('is what scripts/dist-cli/make-icon.js draws, pixel for pixel (run it to redraw)', () => {
    for (const { size, image } of directory(bytes)) {
      const drawn = render(size);
      expect(pixels(image, size).equals(drawn), `${size} px`).toBe(true);
      // A shield on a transparent ground: corners clear, the middle opaque.
      expect(drawn[3]).toBe(0);
      expect(drawn[((size >> 1) * size + (size >> 1)) * 4 + 3]).toBe(255);
    }
  });

  it('is read by resedit as the same four images', () => {
    const icon = Data.IconFile.from(bytes);
    expect(icon.icons.map((i) => [i.width || 256, i.height || 256, i.bitCount])).toEqual(ICON_SIZES.map((s) => [s, s, 32]));
  });
});

describe("the exe's version strings (scripts/dist-cli/exe-resources.js)", () => {
  it("give package.json's version in the four numbers Windows shows", () => {
    expect(windowsVersion('0.1.0')).toEqual([0, 1, 0, 0]);
    expect(windowsVersion('2.10.3-beta.1')).toEqual([2, 10, 3, 0]);
    expect(() => windowsVersion('1.2')).toThrow(/major\.minor\.patch/);
    expect(() => windowsVersion('70000.0.0')).toThrow(/65535/);
  });

  it("carry build/electron-builder.yml's copyright and package.json's licence", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const builder = readFileSync(new URL('../../build/electron-builder.yml', import.meta.url), 'utf8');
    const copyright = /^copyright: (.*)$/m.exec(builder)?.[1];
    expect(versionStrings(pkg).LegalCopyright).toBe(`${copyright}. MIT License.`);
  });
});
