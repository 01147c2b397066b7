// An interrupted fix, as found on the machine without acting on it: for dry runs, scripts, the wizard's
// start and the live check's own finding (agent.interrupted-fix).

import type { Machine } from '../machine/machine.js';
import { DamagedJournalError, isOpen, journalPath, readJournal, type Journal } from './journal.js';

/** What an open journal says, without acting on it: for dry runs, scripts and the wizard's start. */
export interface PendingRecovery {
  path: string;
  journal: Journal | null;
  /** Set when the journal cannot be read as one. */
  damaged: string | null;
}

export async function pendingRecovery(machine: Machine): Promise<PendingRecovery | null> {
  const path = journalPath(machine.stateDir);
  try {
    const journal = await readJournal(path);
    return isOpen(journal) ? { path, journal, damaged: null } : null;
  } catch (error) {
    if (error instanceof DamagedJournalError) return { path, journal: null, damaged: error.message };
    throw error;
  }
}

/** The sentence for a pending recovery, for refusals and dry runs. */
export function describePending(pending: PendingRecovery): string {
  if (pending.damaged) return pending.damaged;
  const { plan } = pending.journal!;
  const what =
    plan.action === 'relocate-cache'
      ? `move of the cache from ${plan.from} to ${plan.to}`
      : plan.action === 'point-registry'
        ? `change of both cache registry values to ${plan.to}`
        : 'start of the backup engine';
  return `An interrupted ${what} must be finished or undone first: run "mars-readiness fix resume" (the wizard offers it on its first page). Its record is ${pending.path}.`;
}
