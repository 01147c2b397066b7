// Reads a waiver file for `check --waivers` and `doctor --waivers`; what it holds is checked by
// shared/report/waivers.ts. Every way this can go wrong is a WaiverFileError naming the file, the field
// and what is wrong (exit status 2, before anything is probed).

import { open } from 'node:fs/promises';
import { parseWaivers, WaiverFileError, type WaiverFile } from '../../shared/report/waivers.js';

export { WaiverFileError };

/** A waiver file is a few kilobytes; more than this is not one, and is refused unread. */
export const MAX_WAIVER_BYTES = 1024 * 1024;

export async function loadWaivers(file: string): Promise<WaiverFile> {
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_WAIVER_BYTES + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission was denied'
            : (error as Error).message;
    throw new WaiverFileError(file, [`cannot be read: ${why}`]);
  }
  if (bytes.length > MAX_WAIVER_BYTES) throw new WaiverFileError(file, ['is larger than 1 MB: that is not a waiver file']);
  return parseWaivers(file, bytes);
}
