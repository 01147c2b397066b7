// The file version of a Windows executable, read from its VS_FIXEDFILEINFO resource in process: no
// PowerShell start-up, and it works on any platform (tests read a built file).

import { open } from 'node:fs/promises';

const SIGNATURE = 0xfeef04bd;

/** Finds VS_FIXEDFILEINFO in the bytes and returns "major.minor.build.revision", or null. */
export function fileVersionFromBytes(bytes: Buffer): string | null {
  const marker = Buffer.alloc(4);
  marker.writeUInt32LE(SIGNATURE);
  for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 4)) {
    if (at + 16 > bytes.length) return null;
    const structVersion = bytes.readUInt32LE(at + 4);
    if (structVersion !== 0x00010000) continue;
    const ms = bytes.readUInt32LE(at + 8);
    const ls = bytes.readUInt32LE(at + 12);
    return `${ms >>> 16}.${ms & 0xffff}.${ls >>> 16}.${ls & 0xffff}`;
  }
  return null;
}

/** Reads at most the last 8 MB, where the resource section of an executable lives. */
export async function fileVersion(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 8 * 1024 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return fileVersionFromBytes(buffer);
  } finally {
    await handle.close();
  }
}
