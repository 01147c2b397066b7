// Scanning what the user means to back up: each selected folder's subfolders shared among worker threads
// (one per core), progress in files, bytes, files per second and the current folder, cancellable.
// Falls back to walking in this thread where the compiled worker is not at hand (tests from sources).

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergeWalks, splitTop, walk, type WalkProgress, type WalkResult } from './walk.js';

export interface ScanProgress {
  files: number;
  bytes: number;
  filesPerSecond: number;
  current: string;
}

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
}

const WORKER = new URL('./scan-worker.js', import.meta.url);

export async function scanFolders(paths: string[], options: ScanOptions = {}): Promise<WalkResult[]> {
  const started = Date.now();
  const live = new Map<number, WalkProgress>();
  const report = (index: number, progress: WalkProgress) => {
    live.set(index, progress);
    const files = [...live.values()].reduce((s, p) => s + p.files, 0);
    const bytes = [...live.values()].reduce((s, p) => s + p.bytes, 0);
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    options.onProgress?.({ files, bytes, filesPerSecond: Math.round(files / seconds), current: progress.current });
  };
  const results: WalkResult[] = new Array(paths.length);
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const index = next++;
      results[index] = await scanOne(paths[index]!, (p) => report(index, p), options.signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(paths.length, availableParallelism()) }, lane));
  return results;
}

/** One folder: its top level here, its subfolders shared among worker threads (one per core). */
async function scanOne(root: string, onProgress: (p: WalkProgress) => void, signal?: AbortSignal): Promise<WalkResult> {
  const cancelled = () => signal?.aborted === true;
  if (!existsSync(fileURLToPath(WORKER))) return walk(root, { onProgress, cancelled });
  const { top, subfolders } = splitTop(root, { cancelled });
  const threads = Math.max(1, Math.min(availableParallelism() * 2, subfolders.length));
  const shares = Array.from({ length: threads }, (_, i) => subfolders.filter((_, j) => j % threads === i));
  const live = shares.map(() => ({ files: 0, bytes: 0, current: root }));
  const parts = await Promise.all(
    shares.map((roots, i) =>
      walkOnWorker(root, roots, signal, (p) => {
        live[i] = p;
        onProgress({
          files: top.files + live.reduce((s, x) => s + x.files, 0),
          bytes: top.bytes + live.reduce((s, x) => s + x.bytes, 0),
          current: p.current,
        });
      }),
    ),
  );
  const merged = mergeWalks(root, [top, ...parts]);
  onProgress({ files: merged.files, bytes: merged.bytes, current: root });
  return merged;
}

function walkOnWorker(
  root: string,
  roots: string[],
  signal: AbortSignal | undefined,
  onProgress: (p: WalkProgress) => void,
): Promise<WalkResult> {
  const flag = new SharedArrayBuffer(4);
  const cancel = () => Atomics.store(new Int32Array(flag), 0, 1);
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { root, roots, flag } });
    worker.on('message', (message: { type: 'progress'; progress: WalkProgress } | { type: 'done'; result: WalkResult }) => {
      if (message.type === 'progress') onProgress(message.progress);
      else resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', () => signal?.removeEventListener('abort', cancel));
  });
}
