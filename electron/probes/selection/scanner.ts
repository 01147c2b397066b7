// Scanning what the user means to back up: each selected folder's subfolders shared among worker threads
// (one per core), progress in files, bytes, files per second and the current folder, cancellable.
// Falls back to walking in this thread where the compiled worker is not at hand (tests from sources).
// On Windows the enumeration is PowerShell's (windows-scan.ts), which sees the attributes lstat cannot;
// where PowerShell fails, the folder is walked here, and the result says what was not looked for.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergeWalks, splitTop, walk, type WalkProgress, type WalkResult } from './walk.js';
import { scanWindowsFolder, type LineSource } from './windows-scan.js';
import { t } from '../../../shared/i18n/translate.js';

export interface ScanProgress {
  files: number;
  bytes: number;
  filesPerSecond: number;
  current: string;
}

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
  /** How folders are listed: PowerShell's enumeration (Windows) or lstat; by default, this platform's. */
  enumeration?: 'windows' | 'lstat';
  /** Starts PowerShell for the Windows enumeration (tests replay recorded output). */
  startPowershell?: LineSource;
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
      const onProgress = (p: WalkProgress) => report(index, p);
      results[index] =
        (options.enumeration ?? (process.platform === 'win32' ? 'windows' : 'lstat')) === 'windows'
          ? await scanThroughPowershell(paths[index]!, onProgress, options)
          : await scanOne(paths[index]!, onProgress, options.signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(paths.length, availableParallelism()) }, lane));
  return results;
}

async function scanThroughPowershell(root: string, onProgress: (p: WalkProgress) => void, options: ScanOptions): Promise<WalkResult> {
  try {
    const { result, hardLinksCounted } = await scanWindowsFolder(root, {
      onProgress,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.startPowershell ? { start: options.startPowershell } : {}),
    });
    const notCounted = [t('probes.scan.streamsNotCounted')];
    if (!hardLinksCounted) notCounted.unshift(t('probes.scan.hardLinksNotCounted'));
    return { ...result, unseen: t('probes.scan.notCounted', { what: notCounted.join('; ') }) };
  } catch (error) {
    const walked = await scanOne(root, onProgress, options.signal);
    return {
      ...walked,
      unseen: t('probes.scan.attributesFailed', { reason: (error as Error).message }),
    };
  }
}

/** One folder: its top level here, its subfolders taken one at a time by worker threads (one per core). */
async function scanOne(root: string, onProgress: (p: WalkProgress) => void, signal?: AbortSignal): Promise<WalkResult> {
  const cancelled = () => signal?.aborted === true;
  if (!existsSync(fileURLToPath(WORKER))) return walk(root, { onProgress, cancelled });
  const { top, subfolders } = splitTop(root, { cancelled });
  // One thread per core: more only make them take turns (measured: 4 threads on 2 cores walk slower than 2).
  // They take the subfolders from one queue, so that a large folder does not leave the others idle.
  const threads = Math.max(1, Math.min(availableParallelism(), subfolders.length));
  const queue = new SharedArrayBuffer(4);
  const live = Array.from({ length: threads }, () => ({ files: 0, bytes: 0, current: root }));
  const parts = await Promise.all(
    live.map((_, i) =>
      walkOnWorker(root, subfolders, queue, signal, (p) => {
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
  subfolders: string[],
  queue: SharedArrayBuffer,
  signal: AbortSignal | undefined,
  onProgress: (p: WalkProgress) => void,
): Promise<WalkResult> {
  const flag = new SharedArrayBuffer(4);
  const cancel = () => Atomics.store(new Int32Array(flag), 0, 1);
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { root, subfolders, flag, queue } });
    let done = false;
    worker.on('message', (message: { type: 'progress'; progress: WalkProgress } | { type: 'done'; result: WalkResult }) => {
      if (message.type === 'progress') onProgress(message.progress);
      else {
        done = true;
        resolve(message.result);
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', cancel);
      // A worker that ends without its result (killed, out of memory) must not leave the scan waiting forever.
      if (!done) reject(new Error(t('probes.scan.threadEnded', { code: String(code) })));
    });
  });
}
