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
  /** What is wrong with a damaged journal, without its path or a command (for the wizard's words). */
  damagedProblem?: string;
}

export async function pendingRecovery(machine: Machine): Promise<PendingRecovery | null> {
  const path = journalPath(machine.stateDir);
  try {
    const journal = await readJournal(path);
    return isOpen(journal) ? { path, journal, damaged: null } : null;
  } catch (error) {
    if (error instanceof DamagedJournalError) return { path, journal: null, damaged: error.message, damagedProblem: error.problem };
    throw error;
  }
}

/** The sentence for a pending recovery, for refusals and dry runs. */
export function describePending(pending: PendingRecovery): string {
  if (pending.damaged) return pending.damaged;
  return `An interrupted ${interruptedWhat(pending)} must be finished or undone first: run "mars-readiness fix resume" (the wizard offers it on its first page). Its record is ${pending.path}.`;
}

/**
 * The same in the wizard's words, for its notice: no command to run and no file's path - the notice itself
 * offers to deal with it.
 */
export function describePendingInWizard(pending: PendingRecovery): string {
  if (pending.damaged)
    return `The record of an interrupted cache move is damaged${pending.damagedProblem ? `: ${pending.damagedProblem}` : ''}. Nothing was done. Ask an administrator to look at it before it is set aside.`;
  return `An interrupted ${interruptedWhat(pending)} must be finished or undone first.`;
}

function interruptedWhat(pending: PendingRecovery): string {
  const { plan } = pending.journal!;
  return plan.action === 'relocate-cache'
    ? `move of the cache from ${plan.from} to ${plan.to}`
    : plan.action === 'point-registry'
      ? `change of both cache registry values to ${plan.to}`
      : 'start of the backup engine';
}
