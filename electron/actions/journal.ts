// The relocation journal: what the engine is doing, flushed to disk before and after every step, so that
// a crash or a power cut at any point can be finished or undone on the next start.

import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RelocatePlan, RelocateStepId } from '../../shared/actions/relocate-plan.js';
import { writeJsonAtomically } from '../sandbox/sandbox-machine.js';
import type { CopiedFile } from './copy-tree.js';

export interface Journal {
  version: 1;
  plan: RelocatePlan;
  startedAt: string;
  state: 'running' | 'rolling-back' | 'rolling-forward' | 'closed';
  outcome: 'moved' | 'rolled-back' | null;
  steps: Partial<Record<RelocateStepId, 'started' | 'done'>>;
  /** True once every file of the copy matched the original: from then on, recovery finishes the move. */
  verified: boolean;
  /** Whether the engine created the target folder (then undoing removes it; else only its content). */
  createdTarget: boolean;
  /** What the copy step wrote. */
  manifest: CopiedFile[] | null;
  error: string | null;
}

export async function readJournal(path: string): Promise<Journal | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  const journal = JSON.parse(text) as Journal;
  if (journal.version !== 1 || !journal.plan) throw new Error(`${path} is not a relocation journal this version can read`);
  return journal;
}

export async function writeJournal(path: string, journal: Journal): Promise<void> {
  // On Windows the journal's folder under ProgramData does not exist before the first move (the Wine tier
  // found the engine failing there on its first write).
  await mkdir(dirname(path), { recursive: true });
  await writeJsonAtomically(path, journal);
}

export async function removeJournal(path: string): Promise<void> {
  await rm(path, { force: true });
}

export function isOpen(journal: Journal | null): journal is Journal {
  return journal !== null && journal.state !== 'closed';
}
