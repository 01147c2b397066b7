// `--format csv --append FILE`: many machines append their row to one file on a share. A row is written
// with one write to a file opened with O_APPEND, under FILE.lock (created exclusively, removed after), so
// that no row is torn or interleaved and the header is written once, by whoever finds the file new or empty.
// A lock older than 30 s is taken for one left by a process that died, and removed.

import { open, stat, unlink } from 'node:fs/promises';

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
    if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) {
      await unlink(lock).catch(() => {});
      continue;
    }
    if (Date.now() - started > WAIT_MS)
      throw new Error(`${lock} has been held for over ${WAIT_MS / 1000} s: another run is writing, or left it behind.`);
    await sleep(10 + Math.random() * 40);
  }
}

/** Appends `row` to `file`, preceded by `header` when the file is new or empty. */
export async function appendCsvRow(file: string, header: string, row: string): Promise<void> {
  const lock = `${file}.lock`;
  await acquire(lock);
  try {
    const handle = await open(file, 'a');
    try {
      const { size } = await handle.stat();
      await handle.appendFile(size === 0 ? header + row : row);
    } finally {
      await handle.close();
    }
  } finally {
    await unlink(lock).catch(() => {});
  }
}
