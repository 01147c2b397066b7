// Copying a folder tree and proving the copy: every file streamed with its SHA-256 computed on the way,
// folders and files keeping their mode and times; then every copied file read back and compared with
// the source's size and hash, and nothing missing or extra. Progress in files and bytes; cancellable.

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, opendir, readlink, stat, symlink, utimes } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
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
}

interface Entry {
  rel: string;
  kind: 'dir' | 'file' | 'link';
  size: number;
}

async function listTree(root: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for await (const dirent of await opendir(dir)) {
      const path = join(dir, dirent.name);
      const rel = relative(root, path);
      if (dirent.isDirectory()) {
        entries.push({ rel, kind: 'dir', size: 0 });
        pending.push(path);
      } else if (dirent.isSymbolicLink()) entries.push({ rel, kind: 'link', size: 0 });
      else if (dirent.isFile()) entries.push({ rel, kind: 'file', size: (await lstat(path)).size });
    }
  }
  return entries.sort((a, b) => a.rel.localeCompare(b.rel));
}

export async function copyTree(from: string, to: string, options: CopyOptions = {}): Promise<ManifestEntry[]> {
  const entries = await listTree(from);
  const files = entries.filter((e) => e.kind === 'file');
  const totalBytes = files.reduce((sum, e) => sum + e.size, 0);
  const manifest: ManifestEntry[] = [];
  let done = 0;
  let bytes = 0;
  await mkdir(to, { recursive: true });
  for (const entry of entries.filter((e) => e.kind === 'dir')) await mkdir(join(to, entry.rel), { recursive: true });
  for (const entry of entries) {
    if (options.signal?.aborted) throw new Error('the copy was cancelled');
    const source = join(from, entry.rel);
    const target = join(to, entry.rel);
    if (entry.kind === 'link') await symlink(await readlink(source), target);
    if (entry.kind !== 'file') continue;
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const info = await stat(source);
    await pipeline(createReadStream(source, { highWaterMark: 1 << 20 }), tap, createWriteStream(target, { flags: 'wx', mode: info.mode }));
    await utimes(target, info.atime, info.mtime);
    manifest.push({ path: entry.rel, size: info.size, sha256: hash.digest('hex') });
    done++;
    bytes += info.size;
    options.onProgress?.({ files: done, bytes, totalFiles: files.length, totalBytes, current: entry.rel });
    await options.afterFile?.(done, files.length);
  }
  // Folders last, so that writing their files does not change their times again.
  for (const entry of entries.filter((e) => e.kind === 'dir').reverse()) {
    const info = await stat(join(from, entry.rel));
    await utimes(join(to, entry.rel), info.atime, info.mtime);
  }
  return manifest;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/** Problems found comparing the copy with the source's manifest; empty when the copy is complete and equal. */
export async function verifyTree(to: string, manifest: ManifestEntry[], signal?: AbortSignal): Promise<string[]> {
  const problems: string[] = [];
  const copied = new Map((await listTree(to)).filter((e) => e.kind === 'file').map((e) => [e.rel, e.size]));
  for (const entry of manifest) {
    if (signal?.aborted) throw new Error('the verification was cancelled');
    const size = copied.get(entry.path);
    copied.delete(entry.path);
    if (size === undefined) problems.push(`${entry.path} is missing from the copy`);
    else if (size !== entry.size) problems.push(`${entry.path} has ${size} bytes in the copy, ${entry.size} in the original`);
    else if ((await hashFile(join(to, entry.path))) !== entry.sha256) problems.push(`${entry.path} differs from the original`);
  }
  for (const extra of copied.keys()) problems.push(`${extra} is in the copy but not in the original`);
  return problems;
}

/** The manifest of a tree as it is now (size and hash of every file), to compare a tree before and after. */
export async function manifestOf(root: string): Promise<ManifestEntry[]> {
  const files = (await listTree(root)).filter((e) => e.kind === 'file');
  return Promise.all(files.map(async (e) => ({ path: e.rel, size: e.size, sha256: await hashFile(join(root, e.rel)) })));
}
