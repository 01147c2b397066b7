// One selected folder, walked synchronously (fast: no promise per file) on a worker thread: the files'
// count and size, and the kinds MARS skips - hard links (link count above 1), symbolic links (reparse
// points; never followed), sparse files (fewer blocks allocated than the size) - with a few example paths
// of each. Memory holds the folders still to visit, one folder's listing and the examples. Unreadable folders are counted
// and listed, never fatal.

import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';
import type { SkippedCounts } from '../../../shared/profile/types.js';

export type SkipKind = keyof SkippedCounts;
/** What a walk by lstat can tell: link counts, symbolic links and allocated blocks. */
export const LSTAT_KINDS: SkipKind[] = ['hardLinks', 'reparsePoints', 'sparseStreams'];
export const EXAMPLES = 5;

export interface WalkResult {
  path: string;
  files: number;
  bytes: number;
  /** The kinds this walk could count; a kind absent was not looked for. */
  counts: Partial<Record<SkipKind, number>>;
  examples: Partial<Record<SkipKind, string[]>>;
  unreadable: { count: number; examples: string[] };
  cancelled: boolean;
  /** Why some kinds were not looked for, in words (for the profile's notes); absent when all were. */
  unseen?: string;
}

export interface WalkProgress {
  files: number;
  bytes: number;
  current: string;
}

export interface WalkOptions {
  examples?: number;
  /** Checked every few hundred entries; true stops the walk. */
  cancelled?: () => boolean;
  onProgress?: (progress: WalkProgress) => void;
  /** Progress every this many files (5,000 by default)... */
  progressEvery?: number;
  /** ...and whenever this many milliseconds went by without any (200 by default): a slow share still moves. */
  progressIntervalMs?: number;
  /** Folders to walk instead of `root` itself: a share of root's subfolders, when several threads walk one tree. */
  roots?: string[];
  /**
   * Where the next folder comes from once these are walked: threads that walk one tree take its subfolders
   * one at a time from a shared queue, so that one large folder does not leave the others idle.
   */
  nextRoot?: () => string | undefined;
  /** Hand subfolders over here instead of walking them (the top level of a walk shared among threads). */
  subfoldersInto?: string[];
}

/** A walk that found nothing new to count for this long still says where it is. */
export const PROGRESS_INTERVAL_MS = 200;

export function emptyWalk(root: string, kinds: SkipKind[] = LSTAT_KINDS): WalkResult {
  return {
    path: root,
    files: 0,
    bytes: 0,
    counts: Object.fromEntries(kinds.map((k) => [k, 0])),
    examples: Object.fromEntries(kinds.map((k) => [k, []])),
    unreadable: { count: 0, examples: [] },
    cancelled: false,
  };
}

/** A file's blocks cover less than its size, by more than one block's slack: it has holes. */
export function isSparse(size: number, blocks: number): boolean {
  return size > 0 && blocks * 512 + 4096 <= size;
}

export function walk(root: string, options: WalkOptions = {}): WalkResult {
  const keep = options.examples ?? EXAMPLES;
  const every = options.progressEvery ?? 5000;
  const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  const result = emptyWalk(root);
  let reported = Date.now();
  const report = (dir: string) => {
    reported = Date.now();
    options.onProgress?.({ files: result.files, bytes: result.bytes, current: dir });
  };
  // The clock is read once a folder and once per 128 entries, never per file.
  const due = () => options.onProgress !== undefined && Date.now() - reported >= interval;
  const note = (kind: SkipKind, path: string) => {
    result.counts[kind] = (result.counts[kind] ?? 0) + 1;
    const examples = (result.examples[kind] ??= []);
    if (examples.length < keep) examples.push(path);
  };
  const pending = [...(options.roots ?? [root])];
  let seen = 0;
  for (;;) {
    if (pending.length === 0) {
      const next = options.nextRoot?.();
      if (next === undefined) break;
      pending.push(next);
    }
    const dir = pending.pop()!;
    if (due()) report(dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      result.unreadable.count++;
      if (result.unreadable.examples.length < keep) result.unreadable.examples.push(dir);
      continue;
    }
    // Concatenation, not join(): join normalises every path it builds, some 15% of the walk's time.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      const path = prefix + entry.name;
      if (++seen % 512 === 0 && options.cancelled?.()) {
        result.cancelled = true;
        return result;
      }
      if (seen % 128 === 0 && due()) report(dir);
      if (entry.isSymbolicLink()) note('reparsePoints', path);
      else if (entry.isDirectory()) {
        (options.subfoldersInto ?? pending).push(path);
      } else if (entry.isFile()) {
        const stat = lstatSync(path, { throwIfNoEntry: false });
        if (!stat) continue;
        result.files++;
        result.bytes += stat.size;
        if (stat.nlink > 1) note('hardLinks', path);
        if (isSparse(stat.size, stat.blocks)) note('sparseStreams', path);
        if (result.files % every === 0) report(dir);
      }
    }
  }
  options.onProgress?.({ files: result.files, bytes: result.bytes, current: root });
  return result;
}

/** One result from the results of walking parts of the same tree. */
export function mergeWalks(root: string, parts: WalkResult[]): WalkResult {
  const merged = emptyWalk(root, []);
  for (const part of parts) {
    merged.files += part.files;
    merged.bytes += part.bytes;
    merged.cancelled ||= part.cancelled;
    merged.unreadable.count += part.unreadable.count;
    merged.unreadable.examples = [...merged.unreadable.examples, ...part.unreadable.examples].slice(0, EXAMPLES);
    for (const kind of Object.keys(part.counts) as SkipKind[]) {
      merged.counts[kind] = (merged.counts[kind] ?? 0) + (part.counts[kind] ?? 0);
      merged.examples[kind] = [...(merged.examples[kind] ?? []), ...(part.examples[kind] ?? [])].slice(0, EXAMPLES);
    }
  }
  return merged;
}

/** The folder's own entries: its files walked here, its subfolders handed back to share among threads. */
export function splitTop(root: string, options: WalkOptions = {}): { top: WalkResult; subfolders: string[] } {
  const subfolders: string[] = [];
  const top = walk(root, { ...options, roots: [root], subfoldersInto: subfolders });
  return { top, subfolders };
}
