// The fix engine: carries out a plan - a cache move, pointing both registry values at the cache, starting
// the engine - on a Machine, running the plan's own steps in order and journalling before and after each
// step. For a move: Before it creates anything it records what it will create (the folders it makes, every entry of
// the copy); a failure anywhere rolls back (registry values restored, the copy removed - only what this
// move wrote, and only files whose content the original still holds - the service started on the old
// cache). A crash is recovered by resumeRelocation: rolled forward if the copy was verified, rolled back
// otherwise, and only when the journal still matches the machine. The original cache is never written to.
// A fix without a copy has nothing to verify: after a crash it is always finished (its values set, the
// engine started and checked), never left half done.

import { lstat, mkdir, readlink, rmdir, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { FIX_STEP_IDS, type FixPlan, type FixStepId } from '../../shared/actions/fix-plan.js';
import { CACHE_KEY_FILE } from '../../shared/actions/point-registry-plan.js';
import type { ServiceState } from '../../shared/profile/types.js';
import { canonicalWindowsPath, isWithin, samePath } from '../../shared/util/paths.js';
import { KEYS } from '../probes/windows/keys.js';
import { stringValue } from '../probes/windows/registry.js';
import { ENGINE_SERVICE } from '../probes/windows/agent-windows.js';
import type { Machine } from '../machine/machine.js';
import { ComparePool } from './compare-pool.js';
import { CopyVerifier, listTree, verifyTree, type CopyProgress } from './copy-tree.js';
import { isOpen, journalPath, readJournal, serviceStoppedMark, writeJournal, type Journal } from './journal.js';
import { ExplainedError } from '../explained-error.js';
import { ArgumentError } from '../../shared/api/arguments.js';
import { t } from '../../shared/i18n/translate.js';

export interface Failpoint {
  step: FixStepId;
  mode: 'error' | 'crash';
  /** For the copy: after this many files (by default, halfway through them). */
  afterFiles?: number;
}

/** The exit status of a process ended by a "crash" failpoint. */
export const CRASH_EXIT_CODE = 86;

export type StepState = 'running' | 'done' | 'failed' | 'undoing' | 'undone';

export interface EngineOptions {
  onStep?: (step: FixStepId | 'rollback' | 'roll-forward', state: StepState, detail?: string) => void;
  onCopy?: (progress: CopyProgress) => void;
  signal?: AbortSignal;
  failpoint?: Failpoint | null;
  serviceTimeoutMs?: number;
  /** How long the final check waits before it looks at the service again (tests shorten it). */
  settleMs?: number;
  now?: () => Date;
}

export interface EngineResult {
  outcome: 'done' | 'rolled-back';
  error: string | null;
  journal: Journal;
}

export class EngineError extends ExplainedError {}

/** A service state as a select key of the catalogue's messages. */
const stateCode = (state: ServiceState) => (state === 'not-installed' ? 'notInstalled' : state);

/** The command that sets an interrupted fix's record aside. */
const DISCARD = 'mars-readiness fix resume --discard';

/** A registry value for a sentence: `{name}` is the value, `{name}Set` says whether there is one. */
function notSet(name: string, value: string | null): Record<string, string> {
  return { [name]: value ?? '', [`${name}Set`]: value === null ? 'no' : 'yes' };
}

/** An open journal was found where a new move would start: it must be recovered first. */
export class RecoveryPendingError extends ExplainedError {}

export interface ScratchValues {
  scratchLocation: string | null;
  providerScratchLocation: string | null;
}

/** MARS_READINESS_FAILPOINT=<step>:<error|crash>[:<files>] (files: for the copy only); null when unset. */
export function parseFailpoint(text: string | undefined): Failpoint | null {
  if (!text) return null;
  const [step, mode, files, ...rest] = text.split(':');
  const afterFiles = files === undefined ? undefined : Number(files);
  if (
    !FIX_STEP_IDS.includes(step as FixStepId) ||
    (mode !== 'error' && mode !== 'crash') ||
    rest.length > 0 ||
    (afterFiles !== undefined && (step !== 'copy' || !Number.isInteger(afterFiles) || afterFiles < 1))
  ) {
    throw new ArgumentError(
      t('engine.failpoint.invalid', {
        variable: 'MARS_READINESS_FAILPOINT',
        form: '<step>:<error|crash>',
        steps: FIX_STEP_IDS.join(', '),
        files: ':<files>',
        text,
      }),
    );
  }
  return { step: step as FixStepId, mode, ...(afterFiles !== undefined ? { afterFiles } : {}) };
}

/** The training failpoint the environment names, honoured only on a machine where nothing real is at stake. */
export function trainingFailpoint(machine: Machine, env: NodeJS.ProcessEnv): Failpoint | null {
  return machine.failpoints ? parseFailpoint(env.MARS_READINESS_FAILPOINT) : null;
}

export async function readScratch(machine: Machine): Promise<ScratchValues> {
  return {
    scratchLocation: stringValue(await machine.registry.readKey(KEYS.agentConfig), 'ScratchLocation'),
    providerScratchLocation: stringValue(await machine.registry.readKey(KEYS.agentProviderConfig), 'ScratchLocation'),
  };
}

export async function writeScratch(machine: Machine, values: ScratchValues): Promise<ScratchValues> {
  for (const [key, value] of [
    [KEYS.agentConfig, values.scratchLocation],
    [KEYS.agentProviderConfig, values.providerScratchLocation],
  ] as const) {
    if (value === null) await machine.registry.deleteValue(key, 'ScratchLocation');
    else await machine.registry.writeString(key, 'ScratchLocation', value);
  }
  return readScratch(machine);
}

/** The folders a move to `to` would make: `to` and every missing folder above it, outermost first. */
async function foldersToCreate(machine: Machine, to: string): Promise<string[]> {
  const canonical = canonicalWindowsPath(to) ?? to;
  const parts = canonical.split('\\').filter(Boolean);
  const missing: string[] = [];
  for (let depth = parts.length; depth > 1; depth--) {
    const folder = parts.slice(0, depth).join('\\');
    if (await lstat(machine.files.localPath(folder)).catch(() => null)) break;
    missing.unshift(folder);
  }
  return missing;
}

/** The plan's folder paths, for the steps that need them (a move's and a pointing's; start-engine has none). */
function folders(plan: FixPlan): { from: string; to: string } {
  if (plan.from === null || plan.to === null) throw new EngineError(t('engine.plan.noFolder', { action: plan.action }));
  return { from: plan.from, to: plan.to };
}

const has = (plan: FixPlan, step: FixStepId) => plan.steps.some((s) => s.id === step);

export async function runFix(plan: FixPlan, machine: Machine, options: EngineOptions = {}): Promise<EngineResult> {
  const path = journalPath(machine.stateDir);
  if (isOpen(await readJournal(path))) {
    throw new RecoveryPendingError(t('engine.recoveryPending', { command: 'fix resume' }));
  }
  await machine.protectStateDir().catch((error: Error) => {
    throw new EngineError(t('engine.stateDirUnprotected', { error: error.message }));
  });
  const copies = has(plan, 'copy');
  const paths = copies ? folders(plan) : null;
  // What the move will create, recorded before it creates anything: recovery removes exactly this.
  const listing = paths
    ? await listTree(machine.files.localPath(paths.from)).catch((error: Error) => {
        throw new EngineError(t('engine.listFailed', { from: paths.from, error: error.message }));
      })
    : [];
  const journal: Journal = {
    version: 3,
    plan,
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    state: 'running',
    outcome: null,
    steps: {},
    // Nothing copied, nothing to verify: a crash is recovered by finishing the fix.
    verified: !copies,
    createdFolders: paths ? await foldersToCreate(machine, paths.to) : [],
    manifest: listing.map((e) => ({ path: e.rel, size: e.size, kind: e.kind })),
    stoppedService: false,
    error: null,
  };
  const run = new Run(journal, machine, options);
  await run.save();
  const verifier = paths ? new CopyVerifier(machine.files.localPath(paths.from), machine.files.localPath(paths.to)) : null;
  try {
    if (has(plan, 'stop-service'))
      await run.step('stop-service', async () => {
        // A backup may have started since the plan was made: stopping the engine would cut it short.
        const job = await machine.backupJob();
        if (job.running === true)
          throw new EngineError(t('engine.backupStarted', { known: job.since ? 'yes' : 'no', since: job.since ?? '' }));
        journal.stoppedService = (await machine.services.query(ENGINE_SERVICE)).state !== 'stopped';
        await run.save();
        // Only what runs is stopped: asking a stopped service to stop is an error on some service managers
        // (Wine's sc.exe exits 1 where Windows' exits 1062).
        if (journal.stoppedService) {
          await serviceStoppedMark.set(machine.stateDir);
          await machine.services.stop(ENGINE_SERVICE);
        }
        await run.waitFor('stopped');
      });
    if (paths && verifier) {
      const source = machine.files.localPath(paths.from);
      const target = machine.files.localPath(paths.to);
      await run.step('copy', async () => {
        await run.targetStillSafe();
        // Each missing folder made one by one, failing if it appeared meanwhile: nothing is written into a
        // folder this move did not make, except an empty one the user named.
        for (const folder of journal.createdFolders) await mkdir(machine.files.localPath(folder));
        const copied = await machine.files.copyTree(source, target, {
          ...(options.onCopy ? { onProgress: options.onCopy } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          afterFile: (done, total) => run.midStep('copy', done === Math.min(total, options.failpoint?.afterFiles ?? Math.ceil(total / 2))),
          // Comparing starts as files land; the verify step below still judges the whole copy.
          onFileCopied: (rel) => verifier.compareSoon(rel),
        });
        if (copied.length === 0) await run.midStep('copy', true);
      });
      await run.step('verify', async () => {
        const files = journal.manifest.filter((e) => e.kind === 'file').map((e) => ({ path: e.path, size: e.size }));
        const { problems } = await verifier.verify(files, options.signal);
        if (problems.length > 0) throw new EngineError(t('engine.copy.mismatch', { problems: listSome(problems) }));
        journal.verified = true;
      });
      await verifier.close();
    }
    await run.forward();
  } catch (error) {
    await verifier?.close();
    await run.rollBack(error as Error);
  }
  return { outcome: journal.outcome!, error: journal.error, journal };
}

/** Why an open journal does not describe this machine (then it is not acted on); null when it does. */
export async function journalMismatch(journal: Journal, machine: Machine): Promise<string | null> {
  const { plan } = journal;
  const copies = has(plan, 'copy');
  // The steps must be the action's own: a journal cannot add a copy to a pointing, or a registry change to a start.
  if (plan.steps.some((s, i) => plan.steps.findIndex((t) => t.id === s.id) !== i)) return t('engine.mismatch.stepTwice');
  if (!copies && (journal.createdFolders.length > 0 || journal.manifest.length > 0))
    return t('engine.mismatch.madeNothing', { action: plan.action });
  if (plan.action === 'start-engine') {
    if (plan.steps.some((s) => s.id !== 'start-service' && s.id !== 'reprobe')) return t('engine.mismatch.startSteps');
    return null;
  }
  if (plan.action === 'point-registry' && copies) return t('engine.mismatch.pointCopy');
  const to = plan.to === null ? null : canonicalWindowsPath(plan.to);
  const from = plan.from === null ? null : canonicalWindowsPath(plan.from);
  if (!to || !from || to.split('\\').filter(Boolean).length < 2) return t('engine.mismatch.badTarget', { to: String(plan.to) });
  if (copies && (isWithin(to, from) || isWithin(from, to)))
    return t('engine.mismatch.overlap', { to: String(plan.to), from: String(plan.from) });
  if (!copies && !samePath(to, from)) return t('engine.mismatch.pointElsewhere', { to: String(plan.to), from: String(plan.from) });
  for (const folder of journal.createdFolders)
    if (!isWithin(to, folder) || (canonicalWindowsPath(folder)?.split('\\').filter(Boolean).length ?? 0) < 2)
      return t('engine.mismatch.madeElsewhere', { folder, to: String(plan.to) });
  // The values a rollback would write back must be the ones a plan could have read: a move starts from the
  // folder the registry named (Config's value, else the provider's); a pointing from values one of which
  // names the folder; each value is a full path on a drive, or was not set.
  const named = plan.previous.scratchLocation ?? plan.previous.providerScratchLocation;
  const fromNamed = copies
    ? named !== null && samePath(named, plan.from!)
    : [plan.previous.scratchLocation, plan.previous.providerScratchLocation].some((v) => v !== null && samePath(v, plan.from!));
  if (!fromNamed)
    return t('engine.mismatch.restoreElsewhere', {
      ...notSet('before', plan.previous.scratchLocation),
      ...notSet('providerBefore', plan.previous.providerScratchLocation),
      from: String(plan.from),
    });
  for (const value of [plan.previous.scratchLocation, plan.previous.providerScratchLocation])
    if (value !== null && value.trim() !== '' && (canonicalWindowsPath(value)?.split('\\').filter(Boolean).length ?? 0) < 2)
      return t('engine.mismatch.restoreNotFolder', { value });
  // Everything it lists lies below the target: a path that climbs out of it, or starts elsewhere, is not
  // something a copy of the cache wrote.
  const outside = journal.manifest.find((e) => isAbsolute(e.path) || /^[A-Za-z]:/.test(e.path) || e.path.split(/[\\/]/).includes('..'));
  if (outside) return t('engine.mismatch.outside', { path: outside.path, to: String(plan.to) });
  if (!(await stat(machine.files.localPath(plan.from!)).catch(() => null))?.isDirectory())
    return t('engine.mismatch.sourceGone', { from: String(plan.from) });
  const now = await readScratch(machine);
  const fits = (value: string | null, before: string | null) =>
    value === before || (value !== null && before !== null && samePath(value, before)) || (value !== null && samePath(value, plan.to!));
  if (
    !fits(now.scratchLocation, plan.previous.scratchLocation) ||
    !fits(now.providerScratchLocation, plan.previous.providerScratchLocation)
  )
    return t('engine.mismatch.registryElsewhere', {
      ...notSet('value', now.scratchLocation),
      ...notSet('providerValue', now.providerScratchLocation),
    });
  return null;
}

/** Finishes or undoes an interrupted fix; null when there is none. */
export async function resumeFix(machine: Machine, options: EngineOptions = {}): Promise<EngineResult | null> {
  const path = journalPath(machine.stateDir);
  const journal = await readJournal(path);
  if (!isOpen(journal)) return null;
  const doubt = await machine.stateDoubt(path);
  if (doubt) {
    throw new EngineError(t('engine.resume.doubt', { path, doubt, command: DISCARD }));
  }
  const mismatch = await journalMismatch(journal, machine);
  if (mismatch) {
    const stopped = (await machine.services.query(ENGINE_SERVICE)).state === 'stopped';
    throw new EngineError(t('engine.resume.mismatch', { path, mismatch, stopped: stopped ? 'yes' : 'no', command: DISCARD }));
  }
  const run = new Run(journal, machine, { ...options, failpoint: null });
  if (journal.verified && journal.state !== 'rolling-back') {
    options.onStep?.('roll-forward', 'running');
    try {
      // The copy was verified before the interruption; prove it again (a power cut may have cost it writes
      // the disk had acknowledged) before the registry is pointed at it. The original is still in place.
      const { plan } = journal;
      // Pointing the values: the folder must still hold the cache before both values name it.
      if (plan.action === 'point-registry' && !(await exists(join(machine.files.localPath(folders(plan).to), CACHE_KEY_FILE))))
        throw new EngineError(t('engine.resume.keyGone', { to: String(plan.to), file: CACHE_KEY_FILE }));
      if (has(plan, 'copy')) {
        const { from, to } = folders(plan);
        const files = journal.manifest.filter((e) => e.kind === 'file').map((e) => ({ path: e.path, size: e.size }));
        const { problems } = await verifyTree(machine.files.localPath(from), machine.files.localPath(to), files);
        if (problems.length > 0) throw new EngineError(t('engine.copy.changed', { problems: listSome(problems) }));
      }
      journal.state = 'rolling-forward';
      await run.save();
      await run.forward();
    } catch (error) {
      await run.rollBack(error as Error);
    }
  } else {
    await run.rollBack(new EngineError(t('engine.resume.unverified')));
  }
  return { outcome: journal.outcome!, error: journal.error, journal };
}

class Run {
  constructor(
    readonly journal: Journal,
    readonly machine: Machine,
    readonly options: EngineOptions,
  ) {}

  save(): Promise<void> {
    return writeJournal(journalPath(this.machine.stateDir), this.journal);
  }

  async step(id: FixStepId, body: () => Promise<void>): Promise<void> {
    if (this.options.signal?.aborted) throw new EngineError(t('engine.stopped'));
    this.journal.steps[id] = 'started';
    await this.save();
    this.options.onStep?.(id, 'running');
    try {
      await body();
      if (id !== 'copy') await this.midStep(id, true);
    } catch (error) {
      this.options.onStep?.(id, 'failed', (error as Error).message);
      throw error;
    }
    this.journal.steps[id] = 'done';
    await this.save();
    this.options.onStep?.(id, 'done');
  }

  /** The failpoint hook: inside a step, after its work (for the copy: halfway through the files). */
  async midStep(id: FixStepId, now: boolean): Promise<void> {
    const failpoint = this.machine.failpoints ? this.options.failpoint : null;
    if (!now || failpoint?.step !== id) return;
    if (failpoint.mode === 'crash') process.exit(CRASH_EXIT_CODE);
    throw new EngineError(t('engine.failpoint.failed', { step: id }));
  }

  /** Right before the copy writes and before anything is deleted: no link may have appeared on the target's path. */
  async targetStillSafe(): Promise<void> {
    // The FAQ's step: the agent's System State disks must not be mounted while the cache is copied.
    const disks = await this.machine.systemStateDisks();
    if (disks && disks.length > 0)
      throw new EngineError(t('engine.systemStateMounted', { disks: disks.join(', '), pattern: 'CBSSBVol_<ID>' }));
    const facts = await this.machine.files.pathFacts(folders(this.journal.plan).to);
    if (facts.linkAt) throw new EngineError(t('engine.becameLink', { link: facts.linkAt }));
    if (this.journal.createdFolders.length === 0 && facts.exists && facts.empty === false && !this.journal.steps.copy)
      throw new EngineError(t('engine.noLongerEmpty', { to: String(this.journal.plan.to) }));
  }

  async waitFor(state: ServiceState): Promise<void> {
    const deadline = Date.now() + (this.options.serviceTimeoutMs ?? 60_000);
    for (;;) {
      const now = (await this.machine.services.query(ENGINE_SERVICE)).state;
      if (now === state) return;
      if (Date.now() > deadline) throw new EngineError(t('engine.serviceTimeout', { state: stateCode(state), now: stateCode(now) }));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async forward(): Promise<void> {
    const plan = this.journal.plan;
    if (has(plan, 'set-registry'))
      await this.step('set-registry', async () => {
        const { to } = folders(plan);
        const back = await writeScratch(this.machine, { scratchLocation: to, providerScratchLocation: to });
        if (
          !back.scratchLocation ||
          !back.providerScratchLocation ||
          !samePath(back.scratchLocation, to) ||
          !samePath(back.providerScratchLocation, to)
        ) {
          throw new EngineError(
            t('engine.registryNotKept', { value: String(back.scratchLocation), providerValue: String(back.providerScratchLocation) }),
          );
        }
      });
    await this.step('start-service', async () => {
      if ((await this.machine.services.query(ENGINE_SERVICE)).state !== 'running') await this.machine.services.start(ENGINE_SERVICE);
      await this.waitFor('running');
      await serviceStoppedMark.clear(this.machine.stateDir);
    });
    await this.step('reprobe', async () => {
      // A service that crashes on start is "running" for a moment: look again after a pause.
      await new Promise((resolve) => setTimeout(resolve, this.options.settleMs ?? 1000));
      const problems = [(await this.machine.services.query(ENGINE_SERVICE)).state === 'running' ? null : t('engine.after.notRunning')];
      if (plan.to !== null) {
        const values = await readScratch(this.machine);
        const first = this.journal.manifest.find((e) => e.kind === 'file');
        const proof = has(plan, 'copy') ? (first ? [first.path] : []) : [CACHE_KEY_FILE];
        problems.push(
          values.scratchLocation && samePath(values.scratchLocation, plan.to)
            ? null
            : t('engine.after.valueElsewhere', { value: 'Config\\ScratchLocation' }),
          values.providerScratchLocation && samePath(values.providerScratchLocation, plan.to)
            ? null
            : t('engine.after.valueElsewhere', { value: 'CloudBackupProvider\\ScratchLocation' }),
          (await exists(join(this.machine.files.localPath(plan.to), ...proof))) ? null : t('engine.after.noCache', { to: plan.to }),
        );
      }
      const found = problems.filter((x): x is string => x !== null);
      if (found.length > 0) throw new EngineError(t('engine.after.problems', { problems: found.join('; ') }));
    });
    this.journal.state = 'closed';
    this.journal.outcome = 'done';
    await this.save();
  }

  async rollBack(cause: Error): Promise<void> {
    const { plan, steps } = this.journal;
    this.journal.state = 'rolling-back';
    this.journal.error = cause.message;
    await this.save();
    this.options.onStep?.('rollback', 'undoing', cause.message);
    // The engine may be running on the new folder: stop it before touching the registry or the copy. With
    // nothing to undo (the stop itself failed, say), leave the service alone rather than fail again on it.
    const toUndo = steps['set-registry'] !== undefined || steps.copy !== undefined;
    if (toUndo && (await this.machine.services.query(ENGINE_SERVICE)).state !== 'stopped') {
      await this.machine.services.stop(ENGINE_SERVICE);
      await this.waitFor('stopped');
    }
    if (steps['set-registry']) {
      const back = await writeScratch(this.machine, plan.previous);
      if (
        back.scratchLocation !== plan.previous.scratchLocation ||
        back.providerScratchLocation !== plan.previous.providerScratchLocation
      ) {
        throw new EngineError(t('engine.rollback.registry', { command: 'fix resume' }));
      }
    }
    const kept = steps.copy ? await this.removeCopy() : [];
    if (this.journal.stoppedService || toUndo) {
      if ((await this.machine.services.query(ENGINE_SERVICE)).state !== 'running') {
        await this.machine.services.start(ENGINE_SERVICE).catch((error: Error) => {
          throw new EngineError(t('engine.rollback.restart', { error: error.message, command: 'fix resume' }));
        });
        await this.waitFor('running');
      }
      await serviceStoppedMark.clear(this.machine.stateDir);
    }
    if (kept.length > 0) {
      this.journal.error = t('engine.rollback.leftInPlace', { cause: cause.message, items: listSome(kept) });
      this.journal.leftInPlace = kept.length;
    }
    this.journal.state = 'closed';
    this.journal.outcome = 'rolled-back';
    await this.save();
    this.options.onStep?.('rollback', 'undone');
  }

  /**
   * Removes what the copy wrote, deepest first: a file only when its content is the original's (or the
   * start of it, cut short by a crash), so that nothing the original does not still hold is ever deleted;
   * a folder only when it is empty. Returns what was left in place.
   */
  async removeCopy(): Promise<string[]> {
    const plan = folders(this.journal.plan);
    const facts = await this.machine.files.pathFacts(plan.to).catch(() => null);
    if (facts?.linkAt) return [t('engine.rollback.underLink', { to: plan.to, link: facts.linkAt })];
    const source = this.machine.files.localPath(plan.from);
    const target = this.machine.files.localPath(plan.to);
    // Files and links first, several at a time (a cache holds thousands of small files, and one at a time a
    // rollback would keep the user waiting on the disk's latency); then the folders, deepest first.
    const pool = new ComparePool();
    try {
      await Promise.all(
        this.journal.manifest
          .filter((entry) => entry.kind !== 'dir')
          .map(async (entry) => {
            const copy = join(target, entry.path);
            const original = join(source, entry.path);
            const info = await lstat(copy).catch(() => null);
            if (!info) return;
            const ours =
              entry.kind === 'link'
                ? info.isSymbolicLink() && (await readlink(copy)) === (await readlink(original).catch(() => null))
                : info.isFile() && (await pool.startsTheSame(original, copy));
            if (ours) await unlink(copy);
          }),
      );
    } finally {
      await pool.close();
    }
    const dirs = this.journal.manifest.filter((entry) => entry.kind === 'dir').sort((a, b) => b.path.length - a.path.length);
    for (const dir of dirs) {
      const copy = join(target, dir.path);
      // A folder, not a link or junction put in its place (rmdir would remove that on Windows); not empty: it
      // holds something this move did not write, named below.
      if ((await lstat(copy).catch(() => null))?.isDirectory()) await rmdir(copy).catch(() => {});
    }
    for (const folder of [...this.journal.createdFolders].reverse()) await rmdir(this.machine.files.localPath(folder)).catch(() => {});
    // What is left is what this move did not make (or cannot prove it made): named as the user knows it.
    const left = (await listTree(target).catch(() => [])).filter((e) => e.kind !== 'dir');
    if (left.length > 0) return left.map((e) => `${plan.to}\\${e.rel.split(sep).join('\\')}`);
    return (await exists(target)) ? [plan.to] : [];
  }
}

/** The first few problems of a list, and how many more. */
function listSome(problems: string[]): string {
  return t('engine.some', { items: problems.slice(0, 3).join('; '), more: Math.max(0, problems.length - 3) });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
