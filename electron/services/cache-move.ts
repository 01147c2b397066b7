// The cache move as application services - plan, move, recover, discard - the only way the CLI, the
// wizard's handlers and the elevated helper reach the engine. Each takes the Machine it acts on; moving
// and recovering hold the machine-wide lock; nothing here asks which adapter it has.

import { cleanTarget, planRelocation, type PlanResult, type RelocatePlan } from '../../shared/actions/relocate-plan.js';
import { acquireLock, lockHolder } from '../actions/machine-lock.js';
import {
  isOpen,
  journalPath,
  readJournal,
  removeLeftoverTemporaries,
  serviceStoppedMark,
  setJournalAside,
  DamagedJournalError,
  type Journal,
} from '../actions/journal.js';
import {
  RecoveryPendingError,
  resumeRelocation,
  runRelocation,
  type EngineOptions,
  type EngineResult,
} from '../actions/relocate-engine.js';
import { ENGINE_SERVICE } from '../probes/windows/agent-windows.js';
import { collectProfile, type CollectOptions } from '../probes/collect.js';
import type { Machine } from '../machine/machine.js';
import { AppError } from '../errors.js';

export type Selection = CollectOptions['selection'];

/** Plans moving the cache of `machine` to `to`, from the machine as it is now. */
export async function planCacheMove(machine: Machine, to: string, selection: Selection = null, signal?: AbortSignal): Promise<PlanResult> {
  const { profile, offlineSeeding } = await collectProfile({ machine, offline: true, selection, ...(signal ? { signal } : {}) });
  const target = await machine.files.pathFacts(cleanTarget(to)).catch((error: Error) => error);
  if (target instanceof Error) return { ok: false, problems: [`${to} could not be examined: ${target.message}`] };
  return planRelocation({ profile, to, target, offlineSeeding: offlineSeeding ?? null });
}

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

/**
 * Carries out a plan the user confirmed, under the machine-wide lock: only after planning again from the
 * machine as it is now and finding every field the same (a plan from elsewhere - a file, another machine,
 * a stale page - is never acted on as it stands).
 */
export async function moveCache(
  machine: Machine,
  confirmed: RelocatePlan,
  selection: Selection,
  options: EngineOptions = {},
): Promise<EngineResult> {
  await machine.protectStateDir();
  const lock = await acquireLock(machine.stateDir, 'moving the cache');
  try {
    await removeLeftoverTemporaries(machine.stateDir);
    const pending = await pendingRecovery(machine);
    if (pending) throw new RecoveryPendingError(describePending(pending));
    const fresh = await planCacheMove(machine, confirmed.to, selection, options.signal);
    if (!fresh.ok) throw new AppError('refused', `The cache cannot be moved to ${confirmed.to} any more: ${fresh.problems.join(' ')}`);
    const changed = planDifference(confirmed, fresh.plan);
    if (changed)
      throw new AppError('refused', `The machine changed since the plan was made (${changed}); nothing was done. Check the folder again.`);
    return await runRelocation(fresh.plan, machine, options);
  } finally {
    await lock.release();
  }
}

/** The first field in which two plans differ, in words; null when they are the same plan. */
export function planDifference(a: RelocatePlan, b: RelocatePlan): string | null {
  const fields: [string, unknown, unknown][] = [
    ['the machine', a.host, b.host],
    ['the cache folder', a.from, b.from],
    ['the target folder', a.to, b.to],
    ['the registry values', JSON.stringify(a.previous), JSON.stringify(b.previous)],
    ['the space needed', a.neededBytes, b.neededBytes],
    ['the steps', JSON.stringify(a.steps), JSON.stringify(b.steps)],
    ['what could not be checked', JSON.stringify(a.cautions), JSON.stringify(b.cautions)],
  ];
  const differing = fields.find(([, x, y]) => x !== y);
  if (!differing) return null;
  const [what, then, now] = differing;
  // Paths and numbers read well in a sentence; lists of steps and values do not.
  return typeof then === 'number' || (typeof then === 'string' && !/^[[{]/.test(then))
    ? `${what}: ${then} then, ${String(now)} now`
    : `${what} differ`;
}

/** Finishes or undoes an interrupted move, under the lock; null when there is none. */
export async function recoverMove(machine: Machine, options: EngineOptions = {}): Promise<EngineResult | null> {
  const lock = await acquireLock(machine.stateDir, 'recovering an interrupted cache move');
  try {
    await removeLeftoverTemporaries(machine.stateDir);
    return await resumeRelocation(machine, options);
  } finally {
    await lock.release();
  }
}

/**
 * Sets an open journal aside after an administrator has looked at it (renamed, never deleted), and starts
 * the backup engine again if this tool had stopped it. Returns where the journal now is; null: no journal.
 */
export async function discardJournal(
  machine: Machine,
  now: () => Date = () => new Date(),
): Promise<{ aside: string; restarted: boolean } | null> {
  const lock = await acquireLock(machine.stateDir, 'setting aside the record of an interrupted move');
  try {
    const pending = await pendingRecovery(machine);
    if (!pending) return null;
    const aside = await setJournalAside(pending.path, now());
    let restarted = false;
    if (await serviceStoppedMark.isSet(machine.stateDir)) {
      if ((await machine.services.query(ENGINE_SERVICE)).state !== 'running') {
        await machine.services.start(ENGINE_SERVICE);
        restarted = true;
      }
      await serviceStoppedMark.clear(machine.stateDir);
    }
    return { aside, restarted };
  } finally {
    await lock.release();
  }
}

/** The sentence for a pending recovery, for refusals and dry runs. */
export function describePending(pending: PendingRecovery): string {
  if (pending.damaged) return pending.damaged;
  const { plan } = pending.journal!;
  return `An interrupted move of the cache from ${plan.from} to ${plan.to} must be finished or undone first: run "mars-readiness fix resume" (the wizard offers it on its first page). Its record is ${pending.path}.`;
}

/** Who holds the fix lock now, for a dry run's sentence; null when no one. */
export async function busyWith(machine: Machine): Promise<string | null> {
  const owner = await lockHolder(machine.stateDir);
  return owner ? `another process (id ${owner.pid}) is ${owner.doing} on this machine` : null;
}
