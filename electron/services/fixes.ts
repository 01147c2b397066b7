// The fixes as application services - plan, run, recover, discard - the only way the CLI, the wizard's
// handlers and the elevated helper reach the engine. Each takes the Machine it acts on; running and
// recovering hold the machine-wide lock; nothing here asks which adapter it has.

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanTarget, planRelocation } from '../../shared/actions/relocate-plan.js';
import { CACHE_KEY_FILE, namedFolders, planPointRegistry, type CacheHolder } from '../../shared/actions/point-registry-plan.js';
import { planStartEngine } from '../../shared/actions/start-engine-plan.js';
import type { FixAction, FixPlan, PlanResult } from '../../shared/actions/fix-plan.js';
import { acquireLock, doingWords, lockHolder } from '../actions/machine-lock.js';
import { removeLeftoverTemporaries, serviceStoppedMark, setJournalAside } from '../actions/journal.js';
import { describePending, pendingRecovery } from '../actions/pending-fix.js';
import { RecoveryPendingError, resumeFix, runFix, type EngineOptions, type EngineResult } from '../actions/fix-engine.js';
import { ENGINE_SERVICE } from '../probes/windows/agent-windows.js';
import { CollectCancelled, collectProfile, type CollectOptions } from '../probes/collect.js';
import type { Machine } from '../machine/machine.js';
import { AppError } from '../errors.js';
import { ALREADY_FIXED } from '../../shared/api/wizard-api.js';
import { DEFAULT_EDITION } from '../../shared/matrix/index.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { evaluate } from '../../shared/report/build.js';
import type { CheckId } from '../../shared/report/types.js';
import { measureCache } from './measure-cache.js';
import { joinSentences, t } from '../../shared/i18n/translate.js';

export type Selection = CollectOptions['selection'];

/** What a fix is asked to do: the action, for a move the folder to move the cache to, and the finding it is for. */
export interface FixRequest {
  action: FixAction;
  to: string | null;
  /** The finding the fix was chosen for: a plan is refused once its check passes (fixed meanwhile). */
  finding?: { check: CheckId; subject: string | null } | null;
}

/**
 * Plans a fix on `machine` from the machine as it is now: its profile (with the selection, so that a move
 * can refuse a target inside it), whether a backup runs, the System State disks mounted, and for a move a
 * short timed read of the cache for the figures and the time estimate.
 */
export async function planFix(
  machine: Machine,
  request: FixRequest,
  selection: Selection = null,
  signal?: AbortSignal,
  /** Measure the cache for the figures and the estimate (not again when a confirmed plan is checked). */
  measure = true,
): Promise<PlanResult> {
  const { profile, offlineSeeding } = await collectProfile({ machine, offline: true, selection, ...(signal ? { signal } : {}) });
  // A page showing older results (another window fixed it since) must not plan the fix again.
  if (request.finding && passesNow(profile, request.finding)) return { ok: false, problems: [ALREADY_FIXED], fixed: true };
  // Starting the engine stops nothing: a running backup does not matter to it.
  if (request.action === 'start-engine') return planStartEngine(profile);
  const backupJob = await machine.backupJob();
  if (request.action === 'point-registry') {
    const holders = await Promise.all(namedFolders(profile).map((path) => holdsCacheKey(machine, path)));
    return planPointRegistry({ profile, holders, backupJob });
  }
  if (!request.to) throw new AppError('invalid-argument', t('engine.fixes.nameTarget'));
  const to = request.to;
  const target = await machine.files.pathFacts(cleanTarget(to)).catch((error: Error) => error);
  if (target instanceof Error) return { ok: false, problems: [t('engine.fixes.notExamined', { to, error: target.message })] };
  const systemStateDisks = await machine.systemStateDisks();
  const from = profile.cache?.path ?? null;
  const measured =
    measure && from && profile.cache?.exists ? await measureCache(machine.files.localPath(from), signal).catch(() => null) : null;
  return planRelocation({ profile, to, target, offlineSeeding: offlineSeeding ?? null, backupJob, measured, systemStateDisks });
}

/**
 * Whether the check a fix is for passes on the machine as this profile has it: its finding for the same
 * subject, or - when the subject changed with the fix (the cache's volume, say) - every finding of the check.
 */
function passesNow(profile: MachineProfile, finding: { check: CheckId; subject: string | null }): boolean {
  const ofCheck = evaluate(profile, DEFAULT_EDITION).filter((f) => f.check === finding.check);
  const same = ofCheck.filter((f) => (f.subject ?? null) === finding.subject);
  const judged = same.length > 0 ? same : ofCheck;
  return judged.length > 0 && judged.every((f) => f.status === 'pass');
}

/** Whether a folder holds the cache's key file: a plain file, read without following links. */
async function holdsCacheKey(machine: Machine, path: string): Promise<CacheHolder> {
  // A folder reached through a link is not one the values may name (a move refuses links too).
  const facts = await machine.files.pathFacts(path).catch(() => null);
  if (facts?.linkAt) return { path, holdsKey: false, linkAt: facts.linkAt };
  try {
    const info = await lstat(join(machine.files.localPath(path), CACHE_KEY_FILE));
    return { path, holdsKey: info.isFile() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, holdsKey: false };
    return { path, holdsKey: null, why: t('engine.fixes.keyUnreadable', { error: code ?? (error as Error).message }) };
  }
}

/**
 * Carries out a plan the user confirmed, under the machine-wide lock: only after planning again from the
 * machine as it is now and finding every field the same (a plan from elsewhere - a file, another machine,
 * a stale page - is never acted on as it stands).
 */
export async function runConfirmedFix(
  machine: Machine,
  confirmed: FixPlan,
  selection: Selection,
  options: EngineOptions = {},
): Promise<EngineResult> {
  await machine.protectStateDir();
  // The lock names the fix by its action: whoever reads it says that in its own language.
  const lock = await acquireLock(machine.stateDir, confirmed.action);
  try {
    await removeLeftoverTemporaries(machine.stateDir);
    const pending = await pendingRecovery(machine);
    if (pending) throw new RecoveryPendingError(describePending(pending));
    // The figures are shown, not acted on (planDifference leaves them out): the cache is not read again.
    const fresh = await planFix(machine, { action: confirmed.action, to: confirmed.to }, selection, options.signal, false).catch(
      (error) => {
        // Stopped while the machine was examined again: nothing had been done yet.
        if (error instanceof CollectCancelled) throw new AppError('cancelled', t('engine.fixes.stoppedBefore'));
        throw error;
      },
    );
    if (!fresh.ok) throw new AppError('refused', t('engine.fixes.noLonger', { problems: joinSentences(fresh.problems) }));
    const changed = planDifference(confirmed, fresh.plan);
    if (changed) throw new AppError('refused', t('engine.fixes.changed', { changed }));
    return await runFix(fresh.plan, machine, options);
  } finally {
    await lock.release();
  }
}

/** The first field in which two plans differ, in words; null when they are the same plan. */
export function planDifference(a: FixPlan, b: FixPlan): string | null {
  // The figures (sizes measured, the time estimate) are shown, not relied on: they may differ between two
  // plans. Everything the engine acts on must be the same.
  // The words of a plan (its steps, what was checked, its cautions) are in the language of whoever made it:
  // the wizard and its elevated helper may speak two. Compared are what they say of the machine - which
  // steps, which preconditions, how many cautions (a check that could not be settled adds one).
  const checked = (plan: FixPlan) => JSON.stringify(plan.preconditions.map((p) => p.id));
  const fields: [string, unknown, unknown][] = [
    ['fix', a.action, b.action],
    ['machine', a.host, b.host],
    ['cacheFolder', a.from, b.from],
    ['targetFolder', a.to, b.to],
    ['registryValues', JSON.stringify(a.previous), JSON.stringify(b.previous)],
    ['registryChanges', JSON.stringify(a.registry), JSON.stringify(b.registry)],
    ['selection', JSON.stringify(a.selectedPaths), JSON.stringify(b.selectedPaths)],
    ['checked', checked(a), checked(b)],
    ['spaceNeeded', a.neededBytes, b.neededBytes],
    ['steps', JSON.stringify(a.steps.map((s) => s.id)), JSON.stringify(b.steps.map((s) => s.id))],
    ['notChecked', a.cautions.length, b.cautions.length],
  ];
  const differing = fields.find(([, x, y]) => x !== y);
  if (!differing) return null;
  const [what, then, now] = differing;
  // Paths and numbers read well in a sentence; lists of steps and values do not.
  return typeof then === 'number' || (typeof then === 'string' && !/^[[{]/.test(then))
    ? t('engine.fixes.differs', { what, then: String(then), now: String(now) })
    : t('engine.fixes.differ', { what });
}

/** Finishes or undoes an interrupted fix, under the lock; null when there is none. */
export async function recoverFix(machine: Machine, options: EngineOptions = {}): Promise<EngineResult | null> {
  const lock = await acquireLock(machine.stateDir, 'recover');
  try {
    await removeLeftoverTemporaries(machine.stateDir);
    return await resumeFix(machine, options);
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
  const lock = await acquireLock(machine.stateDir, 'discard');
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

/** Who holds the fix lock now, for a dry run's sentence; null when no one. */
export async function busyWith(machine: Machine): Promise<string | null> {
  const owner = await lockHolder(machine.stateDir);
  return owner ? t('engine.fixes.busy', { pid: String(owner.pid), doing: doingWords(owner.doing) }) : null;
}
