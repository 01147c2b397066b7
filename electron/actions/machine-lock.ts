// One machine-wide lock, held by whoever moves the cache or recovers a move: a second window, a second
// `fix` or the wizard's start-up must never take a live move's journal for a crashed one. It is a file
// created exclusively in the state folder (administrators only, on Windows), holding its owner's process
// id; it is released on exit, and recognised as stale once that process is gone. (Windows' named mutexes
// are out of Node's reach without a native addon; the file behaves the same for every caller of ours.)

import { rmSync } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ExplainedError } from '../explained-error.js';
import { t } from '../../shared/i18n/translate.js';

export class LockedError extends ExplainedError {}

export interface LockOwner {
  pid: number;
  host: string;
  /**
   * What the owner is doing, as a code the reader says in its own language (LOCK_DOING); a lock an older
   * version wrote holds English words instead, said as they are.
   */
  doing: string;
  since: string;
}

export interface MachineLock {
  release(): Promise<void>;
}

export const LOCK_FILE = 'fix.lock';

/** What a lock's owner can be doing: a fix (by its action), recovering one, or setting its record aside. */
export const LOCK_DOING = ['relocate-cache', 'point-registry', 'start-engine', 'recover', 'discard'] as const;
export type LockDoing = (typeof LOCK_DOING)[number];

/** The owner's doing as a select key of engine.lock.doing ("moving the cache"); other words as they are. */
export function doingWords(doing: string): string {
  const known = (LOCK_DOING as readonly string[]).includes(doing);
  // Select keys are plain words: relocate-cache is relocateCache.
  const key = known ? doing.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) : 'words';
  return t('engine.lock.doing', { doing: key, words: doing });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else (an elevated helper, say).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireLock(stateDir: string, doing: string, now: () => Date = () => new Date()): Promise<MachineLock> {
  const path = join(stateDir, LOCK_FILE);
  await mkdir(stateDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    const handle = await open(path, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return null;
      throw error;
    });
    if (handle) {
      const owner: LockOwner = { pid: process.pid, host: hostname(), doing, since: now().toISOString() };
      await handle.writeFile(JSON.stringify(owner));
      await handle.sync();
      await handle.close();
      let released = false;
      const releaseSync = () => {
        try {
          rmSync(path, { force: true });
        } catch {
          // exiting anyway: a lock left behind is recognised as stale
        }
      };
      process.once('exit', releaseSync);
      return {
        release: async () => {
          if (released) return;
          released = true;
          process.off('exit', releaseSync);
          await rm(path, { force: true });
        },
      };
    }
    const owner = await readOwner(path);
    // A lock file without a readable owner is being written right now - or was left half written by a
    // crash: only an old one is stale.
    if (!owner && Date.now() - ((await stat(path).catch(() => null))?.mtimeMs ?? 0) < 10_000)
      throw new LockedError(t('engine.lock.starting', { path, seconds: 10 }));
    if (owner && alive(owner.pid)) {
      throw new LockedError(t('engine.lock.held', { pid: String(owner.pid), doing: doingWords(owner.doing), since: owner.since }));
    }
    // The owner is gone (killed, or the machine restarted): the lock is stale. Remove it and try once more;
    // if another process won that race, the second attempt reports it.
    await rm(path, { force: true });
  }
  throw new LockedError(t('engine.lock.contended'));
}

async function readOwner(path: string): Promise<LockOwner | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    // Half written by an owner that crashed while taking it: stale.
    return null;
  }
}

/** Who holds the lock now, for a dry run's sentence; null when no living process does. */
export async function lockHolder(stateDir: string): Promise<LockOwner | null> {
  const owner = await readOwner(join(stateDir, LOCK_FILE));
  return owner && alive(owner.pid) ? owner : null;
}
