// The cache as it is now, for the confirmation's figures and the time estimate: every file listed (count
// and bytes), then a timed read of some of them - at most a quarter of a second or 64 MB, from files spread
// over the whole cache, so that both big and small files count - which gives the read rate of this disk,
// and apart from it what opening a file costs here.

import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheMeasure } from '../../shared/actions/estimate.js';
import { listTree } from '../actions/copy-tree.js';

const SAMPLE_MS = 250;
const SAMPLE_BYTES = 64 * 1024 * 1024;
const CHUNK = 1 << 20;

export async function measureCache(
  folder: string,
  signal?: AbortSignal,
  clock: () => number = () => performance.now(),
): Promise<CacheMeasure> {
  const files = (await listTree(folder)).filter((e) => e.kind === 'file');
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const buffer = Buffer.alloc(CHUNK);
  let sampled = 0;
  let opened = 0;
  let openTime = 0;
  const started = clock();
  // Every n-th file, so that the sample spans the cache rather than its first folder.
  const stride = Math.max(1, Math.floor(files.length / 64));
  for (let i = 0; i < files.length && sampled < SAMPLE_BYTES && clock() - started < SAMPLE_MS; i += stride) {
    if (signal?.aborted) break;
    const before = clock();
    const handle = await open(join(folder, files[i]!.rel), 'r').catch(() => null);
    if (!handle) continue;
    openTime += clock() - before;
    opened++;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
        sampled += bytesRead;
        if (bytesRead < CHUNK || sampled >= SAMPLE_BYTES || clock() - started >= SAMPLE_MS) break;
      }
    } finally {
      await handle.close();
    }
  }
  // The reading rate without the opening: what a file costs beyond its bytes is measured apart.
  const seconds = Math.max((clock() - started - openTime) / 1000, 1e-3);
  return {
    files: files.length,
    bytes,
    sampledBytes: sampled,
    readBytesPerSecond: sampled / seconds,
    ...(opened > 0 ? { openSeconds: openTime / 1000 / opened } : {}),
  };
}
