// An interrupted fix, as found on the machine without acting on it: for dry runs, scripts, the wizard's
// start and the live check's own finding (agent.interrupted-fix).

import type { Machine } from '../machine/machine.js';
import { DamagedJournalError, isOpen, journalPath, readJournal, type Journal } from './journal.js';
import { t } from '../../shared/i18n/translate.js';

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
  return t('engine.pending.cli', { ...interrupted(pending), command: 'mars-readiness fix resume', path: pending.path });
}

/**
 * The same in the wizard's words, for its notice: no command to run and no file's path - the notice itself
 * offers to deal with it.
 */
export function describePendingInWizard(pending: PendingRecovery): string {
  if (pending.damaged)
    return t('engine.pending.damaged', { known: pending.damagedProblem ? 'yes' : 'no', problem: pending.damagedProblem ?? '' });
  return t('engine.pending.wizard', interrupted(pending));
}

/** Which fix was interrupted, as the select of engine.pending.* says it. */
function interrupted(pending: PendingRecovery): Record<string, string> {
  const { plan } = pending.journal!;
  const action = plan.action === 'relocate-cache' ? 'relocateCache' : plan.action === 'point-registry' ? 'pointRegistry' : 'startEngine';
  return { action, from: String(plan.from), to: String(plan.to) };
}
