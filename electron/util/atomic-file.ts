// Files written whole or not at all: a temporary file beside the target, written to the end, flushed to
// the disk, then renamed over the target; on any failure the temporary file goes and the target is as it
// was. Only onto what may be replaced: a regular file or a new one. A device, a folder or a pipe is
// refused - as root, a rename over /dev/null would have turned the device into a file.
//
// Written here rather than with write-file-atomic: its single write() call takes a short write for the
// whole, so on a nearly full disk it renamed a cut-off file into place and reported success (a history
// report of 12,288 of 29,716 bytes). FileHandle.writeFile writes until all is written, or fails with ENOSPC.
// The temporary file is named "<file>.<digits>", as the journal's clean-up expects (journal.ts).
//
// writeNewFileAtomically never replaces anything: the complete temporary file is hard-linked to the
// name (which fails with EEXIST when that name is taken, however many processes try it in the same
// millisecond), and the next name is tried; where the file system has no hard links (FAT, some shares),
// the name is opened exclusively (wx) instead.

import { link, lstat, mkdir, open, rename, rm, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ExplainedError } from '../explained-error.js';
import { t } from '../../shared/i18n/translate.js';

export class NotAFileError extends ExplainedError {}

let written = 0;

export async function writeFileAtomically(path: string, text: string, { createFolder = true } = {}): Promise<void> {
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing && !existing.isFile())
    throw new NotAFileError(
      t('machine.file.notAFile', { path, kind: existing.isDirectory() ? 'folder' : existing.isSymbolicLink() ? 'link' : 'special' }),
    );
  if (createFolder) await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryNameOf(path);
  // A new file, never one that is there (wx): the temporary name cannot be a link planted in advance.
  const handle = await open(temporary, 'wx', existing ? existing.mode & 0o777 : 0o666);
  try {
    if (existing && process.platform !== 'win32') await handle.chown(existing.uid, existing.gid).catch(() => {});
    await writeWhole(handle, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The text written to the end (or ENOSPC), flushed to the disk, and the file closed whatever happens. */
async function writeWhole(handle: FileHandle, text: string): Promise<void> {
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const temporaryNameOf = (path: string): string => `${path}.${process.pid}${String(++written).padStart(6, '0')}`;

/** Link errors that say the file system has no hard links, not that the name is taken. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Writes `text` whole under the first of the names `nameFor(1)`, `nameFor(2)`... that is free, never over
 * a file that is there (all the names in one folder), and returns the path it took. Any failure other than
 * a taken name leaves nothing behind.
 */
export async function writeNewFileAtomically(
  nameFor: (attempt: number) => string,
  text: string,
  { createFolder = true, attempts = 10_000 } = {},
): Promise<string> {
  const first = nameFor(1);
  if (createFolder) await mkdir(dirname(first), { recursive: true });
  const temporary = temporaryNameOf(first);
  const handle = await open(temporary, 'wx', 0o666);
  try {
    await writeWhole(handle, text);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const path = attempt === 1 ? first : nameFor(attempt);
      try {
        await link(temporary, path);
        return path;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== undefined && NO_HARD_LINKS.has(code)) return await createExclusively(nameFor, attempt, attempts, text);
        throw error;
      }
    }
    throw new Error(t('machine.file.noFreeName', { attempts: String(attempts), path: first }));
  } finally {
    await unlink(temporary).catch(() => {});
  }
}

/** Without hard links: each name opened exclusively, written and flushed; a file cut short is removed. */
async function createExclusively(nameFor: (attempt: number) => string, from: number, attempts: number, text: string): Promise<string> {
  for (let attempt = from; attempt <= attempts; attempt++) {
    const path = nameFor(attempt);
    let handle;
    try {
      handle = await open(path, 'wx', 0o666);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await writeWhole(handle, text);
      return path;
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }
  throw new Error(t('machine.file.noFreeName', { attempts: String(attempts), path: nameFor(from) }));
}
