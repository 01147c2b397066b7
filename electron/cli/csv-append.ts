// `--format csv --append FILE`: many machines append their row to one file on a share. A row is written
// with one write to a file opened with O_APPEND, under FILE.lock (created exclusively, removed after), so
// that no row is torn or interleaved and the header is written once, by whoever finds the file new or empty.
// The lock is named after the file itself (links resolved), so that two names of one file share one lock.
// A lock older than 30 s is taken for one left by a process that died, and removed; one that cannot be
// removed (a folder, a share that allows no deletes) is waited on like a live one, up to 60 s.

import { constants } from 'node:fs';
import { open, readlink, realpath, stat, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export const LOCK_STALE_MS = 30_000;
const WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(lock: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await stat(lock).catch(() => null);
    const removed =
      held !== null &&
      Date.now() - held.mtimeMs > LOCK_STALE_MS &&
      (await unlink(lock).then(
        () => true,
        () => false,
      ));
    if (removed) continue;
    if (Date.now() - started > WAIT_MS)
      throw new Error(`${lock} has been held for over ${WAIT_MS / 1000} s: another run is writing, or left it behind.`);
    await sleep(10 + Math.random() * 40);
  }
}

/** The file's own path (its links resolved), so that its lock is the same whatever name reaches it. */
async function ownPath(file: string): Promise<string> {
  // A link to a file not made yet has no real path: the file it names does.
  return realpath(file).catch(() =>
    readlink(file).then(
      (to) => resolve(dirname(file), to),
      () => file,
    ),
  );
}

/**
 * Appends `row` to `file`, preceded by `header` when the file is new or empty. Refuses what is not a regular
 * file (a pipe would block the write until someone reads it), and a file whose first line is another header
 * (rows of this tool would land under columns that are not theirs).
 */
export async function appendCsvRow(file: string, header: string, row: string): Promise<void> {
  const target = await ownPath(file);
  const lock = `${target}.lock`;
  await acquire(lock);
  try {
    const handle = await open(target, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0), 0o644).catch(
      (error: NodeJS.ErrnoException) => {
        throw new Error(`${file} cannot be appended to (${error.code === 'ENXIO' ? 'it is a pipe' : (error.code ?? error.message)})`);
      },
    );
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new Error(`${file} is not a regular file: nothing was written to it`);
      let text = row;
      if (info.size === 0) text = header + row;
      else {
        const first = Buffer.alloc(Math.min(info.size, header.length));
        await handle.read(first, 0, first.length, 0);
        if (first.toString('utf8') !== header.slice(0, first.length))
          throw new Error(`${file} holds another kind of table (its first line is not this tool's header): nothing was written to it`);
        // A last line someone left without its line end would take this row in: start a line first.
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, info.size - 1);
        if (last[0] !== 0x0a) text = `\r\n${row}`;
      }
      await handle.write(text);
    } finally {
      await handle.close();
    }
  } finally {
    await unlink(lock).catch(() => {});
  }
}
