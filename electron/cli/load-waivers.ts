// Reads a waiver file for `check --waivers` and `doctor --waivers`; what it holds is checked by
// shared/report/waivers.ts. Every way this can go wrong is a WaiverFileError naming the file, the field
// and what is wrong (exit status 2, before anything is probed). Only a regular file is read, opened
// without blocking (electron/util/read-regular-file.ts): a named pipe or a device would wait forever.

import { parseWaivers, WaiverFileError, type WaiverFile } from '../../shared/report/waivers.js';
import { NotARegularFile, readRegularFile } from '../util/read-regular-file.js';
import { t } from '../../shared/i18n/translate.js';

export { WaiverFileError };

/** A waiver file is a few kilobytes; more than this is not one, and is refused unread. */
export const MAX_WAIVER_BYTES = 1024 * 1024;

export async function loadWaivers(file: string): Promise<WaiverFile> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readRegularFile(file, { maxBytes: MAX_WAIVER_BYTES });
  } catch (error) {
    if (error instanceof NotARegularFile) {
      const reason = error.message;
      if (error.kind === 'tooLarge') throw new WaiverFileError(file, [t('cli.waivers.tooLarge')]);
      const why = error.kind === 'unopened' ? 'other' : error.kind;
      throw new WaiverFileError(file, [t('cli.waivers.unreadable', { why, reason })]);
    }
    throw new WaiverFileError(file, [t('cli.waivers.unreadable', { why: 'other', reason: (error as Error).message })]);
  }
  if (bytes === undefined) throw new WaiverFileError(file, [t('cli.waivers.unreadable', { why: 'missing', reason: '' })]);
  return parseWaivers(file, bytes);
}
