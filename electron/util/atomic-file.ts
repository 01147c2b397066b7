// Files written whole or not at all (write-file-atomic: a temporary file beside the target, flushed, then
// renamed over it), and only onto what may be replaced: a regular file or a new one. A device, a folder or
// a pipe is refused - as root, a rename over /dev/null would have turned the device into a file.

import { lstat, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { ExplainedError } from '../explained-error.js';

export class NotAFileError extends ExplainedError {}

export async function writeFileAtomically(path: string, text: string, { createFolder = true } = {}): Promise<void> {
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing && !existing.isFile())
    throw new NotAFileError(
      `${path} is ${existing.isDirectory() ? 'a folder' : existing.isSymbolicLink() ? 'a link' : 'a device or other special file'}, not a file: nothing was written there`,
    );
  if (createFolder) await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, text, { fsync: true, encoding: 'utf8' });
}
