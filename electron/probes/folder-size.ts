// The total size of the files below a folder, walked without following links. Used for the cache folder
// (thousands of files, a few GB); the selection scanner of issue 6 is the tool for large trees.

import { opendir, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProbeNotes } from './notes.js';

export async function folderSize(root: string, notes: ProbeNotes, field: string, timeoutMs = 10_000): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  let total = 0;
  const pending = [root];
  try {
    while (pending.length > 0) {
      if (Date.now() > deadline) {
        notes.add(field, `the folder was still being measured after ${timeoutMs / 1000} s`);
        return null;
      }
      const dir = pending.pop()!;
      for await (const entry of await opendir(dir)) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) pending.push(path);
        else if (entry.isFile()) total += (await lstat(path)).size;
      }
    }
  } catch (error) {
    notes.add(field, `the folder could not be measured: ${(error as Error).message}`);
    return null;
  }
  return total;
}
