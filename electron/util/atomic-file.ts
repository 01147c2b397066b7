// Files written whole or not at all: a temporary file beside the target, written to the end, flushed to
// the disk, then renamed over the target; on any failure the temporary file goes and the target is as it
// was. Only onto what may be replaced: a regular file or a new one. A device, a folder or a pipe is
// refused - as root, a rename over /dev/null would have turned the device into a file.
//
// Written here rather than with write-file-atomic: its single write() call takes a short write for the
// whole, so on a nearly full disk it renamed a cut-off file into place and reported success (a history
// report of 12,288 of 29,716 bytes). FileHandle.writeFile writes until all is written, or fails with ENOSPC.
// The temporary file is named "<file>.<digits>", as the journal's clean-up expects (journal.ts).

import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ExplainedError } from '../explained-error.js';

export class NotAFileError extends ExplainedError {}

let written = 0;

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
  const temporary = `${path}.${process.pid}${String(++written).padStart(6, '0')}`;
  // A new file, never one that is there (wx): the temporary name cannot be a link planted in advance.
  const handle = await open(temporary, 'wx', existing ? existing.mode & 0o777 : 0o666);
  try {
    try {
      if (existing && process.platform !== 'win32') await handle.chown(existing.uid, existing.gid).catch(() => {});
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
