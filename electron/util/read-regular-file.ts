// Reading a file that someone else may have put there (a sandbox's files, the agent's logs): only a
// regular file, opened without blocking (a named pipe would hang a plain read, a device never end),
// checked on the handle itself (no swap between the check and the read), and never more than a limit -
// either refused, or, for a log whose newest lines are at its end, read from there.

import { formatNumber, t } from '../../shared/i18n/translate.js';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file was refused: its message in words, `kind` for a caller that tells the cases apart (never the words). */
export class NotARegularFile extends Error {
  constructor(
    message: string,
    readonly kind: 'unopened' | 'denied' | 'folder' | 'notRegular' | 'tooLarge' = 'unopened',
  ) {
    super(message);
  }
}

export interface ReadLimit {
  maxBytes: number;
  /** Larger files: read their last maxBytes (a log) instead of refusing them. */
  tail?: boolean;
}

/** The file's bytes; undefined when it does not exist. Throws NotARegularFile (with the reason) otherwise. */
export async function readRegularFile(path: string, limit: ReadLimit): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new NotARegularFile(code ?? (error as Error).message, code === 'EACCES' || code === 'EPERM' ? 'denied' : 'unopened');
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new NotARegularFile(t('machine.file.isFolder'), 'folder');
    if (!info.isFile()) throw new NotARegularFile(t('machine.file.notRegular'), 'notRegular');
    if (info.size > limit.maxBytes && !limit.tail)
      throw new NotARegularFile(
        t('machine.file.tooLarge', { size: formatNumber(info.size), limit: formatNumber(limit.maxBytes) }),
        'tooLarge',
      );
    // From an even offset, so that a UTF-16 log's tail still starts on a character.
    const start = Math.max(0, info.size - limit.maxBytes) & ~1;
    const length = info.size - start;
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}
