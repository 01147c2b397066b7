// Copying a folder tree and proving the copy. Each file is copied by the kernel (copy_file_range and the
// like, as cp does), keeping its mode and times. Then, while the copy is flushed to disk, a worker pool
// compares every copied file with its original, size and every byte; nothing may be missing or extra. Progress in files and bytes; cancellable.

import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, open, opendir, readlink, stat, symlink, utimes } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runCommand } from '../probes/command-runner.js';
import { ComparePool, type Comparison } from './compare-pool.js';
import { t } from '../../shared/i18n/translate.js';

export interface CopiedFile {
  path: string;
  size: number;
}

export interface CopyProgress {
  files: number;
  bytes: number;
  totalFiles: number;
  totalBytes: number;
  current: string;
}

export interface CopyOptions {
  onProgress?: (progress: CopyProgress) => void;
  signal?: AbortSignal;
  /** Called after each file: the failpoint hook that crashes a copy halfway (sandbox tests only). */
  afterFile?: (done: number, total: number) => void | Promise<void>;
  /** Called as each file is written in full, so that its verification can start while others copy. */
  onFileCopied?: (path: string) => void;
}

export interface Entry {
  rel: string;
  kind: 'dir' | 'file' | 'link';
  size: number;
}

export async function listTree(root: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const files: string[] = [];
    for await (const dirent of await opendir(dir)) {
      const path = join(dir, dirent.name);
      if (dirent.isDirectory()) {
        entries.push({ rel: relative(root, path), kind: 'dir', size: 0 });
        pending.push(path);
      } else if (dirent.isSymbolicLink()) entries.push({ rel: relative(root, path), kind: 'link', size: 0 });
      else if (dirent.isFile()) files.push(path);
    }
    // A folder's sizes all at once: one at a time, a cache of thousands of files waits on each in turn.
    const sizes = await Promise.all(files.map(async (path) => (await lstat(path)).size));
    files.forEach((path, i) => entries.push({ rel: relative(root, path), kind: 'file', size: sizes[i]! }));
  }
  return entries.sort((a, b) => a.rel.localeCompare(b.rel));
}

const COPY_CONCURRENCY = 8;
const FLUSH_CONCURRENCY = 64;

/**
 * Flushes the copied files to disk. On Linux one syncfs of the target's file system (`sync -f`) writes
 * them all in one sweep; elsewhere (Windows: FlushFileBuffers) each file is flushed, many at a time.
 */
async function flushTree(root: string, paths: string[]): Promise<void> {
  if (process.platform === 'linux') {
    const result = await runCommand('sync', ['-f', root], { timeoutMs: 600_000 });
    if (!result.failure && result.exitCode === 0) return;
  }
  await eachLimited(paths, FLUSH_CONCURRENCY, async (path) => {
    const handle = await open(path, 'r+');
    await handle.sync().finally(() => handle.close());
  });
}

/** Runs `work` over the items with at most `limit` at a time; the first failure stops new work. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export async function copyTree(from: string, to: string, options: CopyOptions = {}): Promise<CopiedFile[]> {
  const entries = await listTree(from);
  const files = entries.filter((e) => e.kind === 'file');
  const totalBytes = files.reduce((sum, e) => sum + e.size, 0);
  const copied: CopiedFile[] = [];
  let done = 0;
  let bytes = 0;
  await mkdir(to, { recursive: true });
  for (const entry of entries.filter((e) => e.kind === 'dir')) await mkdir(join(to, entry.rel), { recursive: true });
  for (const entry of entries.filter((e) => e.kind === 'link')) await symlink(await readlink(join(from, entry.rel)), join(to, entry.rel));
  // Several files in flight at once: the kernel copies while the verifier compares what has landed.
  await eachLimited(files, COPY_CONCURRENCY, async (entry) => {
    if (options.signal?.aborted) throw new Error(t('engine.copy.stoppedCopying'));
    const source = join(from, entry.rel);
    const target = join(to, entry.rel);
    const info = await stat(source);
    await copyFile(source, target, constants.COPYFILE_EXCL);
    await utimes(target, info.atime, info.mtime);
    copied.push({ path: entry.rel, size: info.size });
    options.onFileCopied?.(entry.rel);
    done++;
    bytes += info.size;
    options.onProgress?.({ files: done, bytes, totalFiles: files.length, totalBytes, current: entry.rel });
    await options.afterFile?.(done, files.length);
  });
  // Folders last, so that writing their files does not change their times again.
  for (const entry of entries.filter((e) => e.kind === 'dir').reverse()) {
    const info = await stat(join(from, entry.rel));
    await utimes(join(to, entry.rel), info.atime, info.mtime);
  }
  return copied.sort((a, b) => a.path.localeCompare(b.path));
}

export interface Verification {
  /** Empty when the copy is complete and equal to the original. */
  problems: string[];
  /** The files compared, and their bytes. */
  files: number;
  bytes: number;
}

/**
 * Proves a copy equal to its original: nothing missing or extra, every file the same size and the same
 * bytes (compared in full), and the copy flushed to disk. Comparisons
 * may start during the copy (compareSoon, for a file already written in full): a copy waits on the disk
 * while the processors are idle, so most of the checking is done by the time the last file is written.
 * Which files exist and their sizes are judged at the end, on both trees as they are then. Nothing writes
 * to either tree meanwhile: the engine is stopped and the copy is ours.
 */
export class CopyVerifier {
  private readonly pool = new ComparePool();
  private readonly started = new Map<string, Promise<Comparison>>();

  constructor(
    readonly from: string,
    readonly to: string,
  ) {}

  /** Starts comparing one copied file (a path relative to both roots). */
  compareSoon(rel: string): void {
    const comparison = this.pool.compare(join(this.from, rel), join(this.to, rel));
    comparison.catch(() => undefined); // awaited, and reported, by verify(); not an unhandled rejection before
    this.started.set(rel, comparison);
  }

  async verify(copiedFiles: CopiedFile[], signal?: AbortSignal): Promise<Verification> {
    const problems: string[] = [];
    let files = 0;
    let bytes = 0;
    // On disk before the registry can name the copy (a power cut must not leave the agent a hollow cache);
    // flushed while it is being checked, so that the disk writes while the processors compare.
    const flushed = flushTree(
      this.to,
      copiedFiles.map((f) => join(this.to, f.path)),
    );
    try {
      const [originalTree, copyTree] = await Promise.all([listTree(this.from), listTree(this.to)]);
      const originals = originalTree.filter((e) => e.kind === 'file');
      const copies = new Map(copyTree.filter((e) => e.kind === 'file').map((e) => [e.rel, e.size]));
      const checks = originals.map(async (original) => {
        const size = copies.get(original.rel);
        copies.delete(original.rel);
        if (size === undefined) return t('engine.copy.missing', { path: original.rel });
        if (size !== original.size)
          return t('engine.copy.sizeDiffers', { path: original.rel, copy: String(size), original: String(original.size) });
        if (signal?.aborted) throw new Error(t('engine.copy.stoppedVerifying'));
        if (!this.started.has(original.rel)) this.compareSoon(original.rel);
        const result = await this.started.get(original.rel)!;
        if (!result.equal || result.size !== size) return t('engine.copy.differs', { path: original.rel });
        files++;
        bytes += result.size;
        return null;
      });
      for (const problem of await Promise.all(checks)) if (problem) problems.push(problem);
      for (const extra of copies.keys()) problems.push(t('engine.copy.extra', { path: extra }));
      await flushed;
    } finally {
      await Promise.allSettled([flushed]);
    }
    return { problems, files, bytes };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Verifies a copy made earlier, every comparison made now. */
export async function verifyTree(from: string, to: string, copiedFiles: CopiedFile[], signal?: AbortSignal): Promise<Verification> {
  const verifier = new CopyVerifier(from, to);
  try {
    return await verifier.verify(copiedFiles, signal);
  } finally {
    await verifier.close();
  }
}
