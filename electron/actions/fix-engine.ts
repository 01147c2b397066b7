// The fix engine: carries out a plan - a cache move, pointing both registry values at the cache, starting
// the engine - on a Machine, running the plan's own steps in order and journalling before and after each
// step. For a move: Before it creates anything it records what it will create (the folders it makes, every entry of
// the copy); a failure anywhere rolls back (registry values restored, the copy removed - only what this
// move wrote, and only files whose content the original still holds - the service started on the old
// cache). A crash is recovered by resumeRelocation: rolled forward if the copy was verified, rolled back
// otherwise, and only when the journal still matches the machine. The original cache is never written to.
// A fix without a copy has nothing to verify: after a crash it is always finished (its values set, the
// engine started and checked), never left half done.

import { lstat, mkdir, open, readlink, rmdir, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { FIX_STEP_IDS, type FixPlan, type FixStepId } from '../../shared/actions/fix-plan.js';
import { CACHE_KEY_FILE } from '../../shared/actions/point-registry-plan.js';
import type { ServiceState } from '../../shared/profile/types.js';
import { canonicalWindowsPath, isWithin, samePath } from '../../shared/util/paths.js';
import { KEYS } from '../probes/windows/keys.js';
import { stringValue } from '../probes/windows/registry.js';
import { ENGINE_SERVICE } from '../probes/windows/agent-windows.js';
import type { Machine } from '../machine/machine.js';
import { CopyVerifier, listTree, verifyTree, type CopyProgress } from './copy-tree.js';
import { isOpen, journalPath, readJournal, serviceStoppedMark, writeJournal, type Journal } from './journal.js';
import { ExplainedError } from '../explained-error.js';
import { ArgumentError } from '../../shared/api/arguments.js';

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
      `MARS_READINESS_FAILPOINT must be <step>:<error|crash> with a step among ${FIX_STEP_IDS.join(', ')} (for the copy, optionally :<files>, a count from 1); "${text}" is not`,
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
  if (plan.from === null || plan.to === null) throw new EngineError(`the plan for ${plan.action} names no folder`);
  return { from: plan.from, to: plan.to };
}

const has = (plan: FixPlan, step: FixStepId) => plan.steps.some((s) => s.id === step);

export async function runFix(plan: FixPlan, machine: Machine, options: EngineOptions = {}): Promise<EngineResult> {
  const path = journalPath(machine.stateDir);
  if (isOpen(await readJournal(path))) {
    throw new RecoveryPendingError('An interrupted fix must be finished or undone first (fix resume).');
  }
  await machine.protectStateDir().catch((error: Error) => {
    throw new EngineError(`the wizard's state folder could not be protected (${error.message}); nothing was changed`);
  });
  const copies = has(plan, 'copy');
  const paths = copies ? folders(plan) : null;
  // What the move will create, recorded before it creates anything: recovery removes exactly this.
  const listing = paths
    ? await listTree(machine.files.localPath(paths.from)).catch((error: Error) => {
        throw new EngineError(`the cache folder ${paths.from} could not be listed (${error.message}); nothing was changed`);
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
          throw new EngineError(`a backup started${job.since ? ` at ${job.since}` : ''}; wait until it has finished`);
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
        if (problems.length > 0) throw new EngineError(`the copy does not match the original: ${listSome(problems)}`);
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
  if (plan.steps.some((s, i) => plan.steps.findIndex((t) => t.id === s.id) !== i)) return 'it lists a step twice';
  if (!copies && (journal.createdFolders.length > 0 || journal.manifest.length > 0))
    return `it lists files or folders as made, but a ${plan.action} fix makes none`;
  if (plan.action === 'start-engine') {
    if (plan.steps.some((s) => s.id !== 'start-service' && s.id !== 'reprobe')) return 'it lists steps starting the engine does not have';
    return null;
  }
  if (plan.action === 'point-registry' && copies) return 'it lists a copy, which pointing the registry values does not make';
  const to = plan.to === null ? null : canonicalWindowsPath(plan.to);
  const from = plan.from === null ? null : canonicalWindowsPath(plan.from);
  if (!to || !from || to.split('\\').filter(Boolean).length < 2) return `its target "${plan.to}" is not a folder a fix could have named`;
  if (copies && (isWithin(to, from) || isWithin(from, to))) return `its target ${plan.to} and its source ${plan.from} overlap`;
  if (!copies && !samePath(to, from)) return `it points the values at ${plan.to} but names ${plan.from} as the cache`;
  for (const folder of journal.createdFolders)
    if (!isWithin(to, folder) || (canonicalWindowsPath(folder)?.split('\\').filter(Boolean).length ?? 0) < 2)
      return `it claims to have made ${folder}, which is not the target ${plan.to} or a folder above it`;
  // The values a rollback would write back must be the ones a plan could have read: a move starts from the
  // folder the registry named (Config's value, else the provider's); a pointing from values one of which
  // names the folder; each value is a full path on a drive, or was not set.
  const named = plan.previous.scratchLocation ?? plan.previous.providerScratchLocation;
  const fromNamed = copies
    ? named !== null && samePath(named, plan.from!)
    : [plan.previous.scratchLocation, plan.previous.providerScratchLocation].some((v) => v !== null && samePath(v, plan.from!));
  if (!fromNamed)
    return `the registry values it would restore (${plan.previous.scratchLocation ?? 'not set'}, ${plan.previous.providerScratchLocation ?? 'not set'}) do not name the folder it started from, ${plan.from}`;
  for (const value of [plan.previous.scratchLocation, plan.previous.providerScratchLocation])
    if (value !== null && value.trim() !== '' && (canonicalWindowsPath(value)?.split('\\').filter(Boolean).length ?? 0) < 2)
      return `it would restore a registry value, "${value}", that is not a folder on a drive`;
  // Everything it lists lies below the target: a path that climbs out of it, or starts elsewhere, is not
  // something a copy of the cache wrote.
  const outside = journal.manifest.find((e) => isAbsolute(e.path) || /^[A-Za-z]:/.test(e.path) || e.path.split(/[\\/]/).includes('..'));
  if (outside) return `it lists "${outside.path}" as copied, which is not a path below ${plan.to}`;
  if (!(await stat(machine.files.localPath(plan.from!)).catch(() => null))?.isDirectory())
    return `the cache folder it started from, ${plan.from}, is not there`;
  const now = await readScratch(machine);
  const fits = (value: string | null, before: string | null) =>
    value === before || (value !== null && before !== null && samePath(value, before)) || (value !== null && samePath(value, plan.to!));
  if (
    !fits(now.scratchLocation, plan.previous.scratchLocation) ||
    !fits(now.providerScratchLocation, plan.previous.providerScratchLocation)
  )
    return `the registry names ${now.scratchLocation ?? 'nothing'} and ${now.providerScratchLocation ?? 'nothing'}, neither where this fix started nor where it went`;
  return null;
}

/** Finishes or undoes an interrupted fix; null when there is none. */
export async function resumeFix(machine: Machine, options: EngineOptions = {}): Promise<EngineResult | null> {
  const path = journalPath(machine.stateDir);
  const journal = await readJournal(path);
  if (!isOpen(journal)) return null;
  const doubt = await machine.stateDoubt(path);
  if (doubt) {
    throw new EngineError(
      `An interrupted fix was found in ${path}, but it is not acted on: ${doubt}. Nothing was done. If no one here started one, ask an administrator to look at that file; "mars-readiness fix resume --discard" sets it aside.`,
    );
  }
  const mismatch = await journalMismatch(journal, machine);
  if (mismatch) {
    const stopped = (await machine.services.query(ENGINE_SERVICE)).state === 'stopped';
    throw new EngineError(
      `An interrupted fix was found in ${path}, but it does not match this machine: ${mismatch}. Nothing was done${stopped ? ', and the backup engine stays stopped' : ''}. Ask an administrator to look at that file; once they have, "mars-readiness fix resume --discard" sets it aside${stopped ? ' and starts the engine again if this tool stopped it' : ''}.`,
    );
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
        throw new EngineError(`${plan.to} no longer holds ${CACHE_KEY_FILE}, so the values are not pointed at it`);
      if (has(plan, 'copy')) {
        const { from, to } = folders(plan);
        const files = journal.manifest.filter((e) => e.kind === 'file').map((e) => ({ path: e.path, size: e.size }));
        const { problems } = await verifyTree(machine.files.localPath(from), machine.files.localPath(to), files);
        if (problems.length > 0) throw new EngineError(`the copy no longer matches the original: ${listSome(problems)}`);
      }
      journal.state = 'rolling-forward';
      await run.save();
      await run.forward();
    } catch (error) {
      await run.rollBack(error as Error);
    }
  } else {
    await run.rollBack(new EngineError('the move was interrupted before its copy was verified'));
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
    if (this.options.signal?.aborted) throw new EngineError('the move was stopped');
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
    throw new EngineError(`failpoint: the step "${id}" failed on purpose`);
  }

  /** Right before the copy writes and before anything is deleted: no link may have appeared on the target's path. */
  async targetStillSafe(): Promise<void> {
    // The FAQ's step: the agent's System State disks must not be mounted while the cache is copied.
    const disks = await this.machine.systemStateDisks();
    if (disks && disks.length > 0)
      throw new EngineError(`${disks.join(', ')} is mounted: unmount the CBSSBVol_<ID> disks in Disk Management first`);
    const facts = await this.machine.files.pathFacts(folders(this.journal.plan).to);
    if (facts.linkAt) throw new EngineError(`${facts.linkAt} became a link (a symbolic link, junction or mount point) during the move`);
    if (this.journal.createdFolders.length === 0 && facts.exists && facts.empty === false && !this.journal.steps.copy)
      throw new EngineError(`${this.journal.plan.to} is no longer empty`);
  }

  async waitFor(state: ServiceState): Promise<void> {
    const deadline = Date.now() + (this.options.serviceTimeoutMs ?? 60_000);
    for (;;) {
      const now = (await this.machine.services.query(ENGINE_SERVICE)).state;
      if (now === state) return;
      if (Date.now() > deadline) throw new EngineError(`the backup engine did not become ${state} in time (it is ${now})`);
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
            `the registry did not keep the new location (it reads ${back.scratchLocation} and ${back.providerScratchLocation})`,
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
      const problems = [
        (await this.machine.services.query(ENGINE_SERVICE)).state === 'running' ? null : 'the backup engine is not running',
      ];
      if (plan.to !== null) {
        const values = await readScratch(this.machine);
        const first = this.journal.manifest.find((e) => e.kind === 'file');
        const proof = has(plan, 'copy') ? (first ? [first.path] : []) : [CACHE_KEY_FILE];
        problems.push(
          values.scratchLocation && samePath(values.scratchLocation, plan.to)
            ? null
            : 'Config\\ScratchLocation does not name the new folder',
          values.providerScratchLocation && samePath(values.providerScratchLocation, plan.to)
            ? null
            : 'CloudBackupProvider\\ScratchLocation does not name the new folder',
          (await exists(join(this.machine.files.localPath(plan.to), ...proof))) ? null : `${plan.to} does not hold the cache`,
        );
      }
      const found = problems.filter((x): x is string => x !== null);
      if (found.length > 0) throw new EngineError(`afterwards, ${found.join('; ')}`);
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
        throw new EngineError('the registry values could not be restored; run "fix resume" again as an administrator');
      }
    }
    const kept = steps.copy ? await this.removeCopy() : [];
    if (this.journal.stoppedService || toUndo) {
      if ((await this.machine.services.query(ENGINE_SERVICE)).state !== 'running') {
        await this.machine.services.start(ENGINE_SERVICE).catch((error: Error) => {
          throw new EngineError(`the backup engine could not be started again (${error.message}); run "fix resume" as an administrator`);
        });
        await this.waitFor('running');
      }
      await serviceStoppedMark.clear(this.machine.stateDir);
    }
    if (kept.length > 0) this.journal.error = `${cause.message}; left in place, not made by this move: ${listSome(kept)}`;
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
    if (facts?.linkAt) return [`everything under ${plan.to}, because ${facts.linkAt} is now a link`];
    const source = this.machine.files.localPath(plan.from);
    const target = this.machine.files.localPath(plan.to);
    const entries = [...this.journal.manifest].sort((a, b) => b.path.length - a.path.length);
    for (const entry of entries) {
      const copy = join(target, entry.path);
      const info = await lstat(copy).catch(() => null);
      if (!info) continue;
      if (entry.kind === 'dir') {
        // Not empty: it holds something this move did not write, named below.
        if (info.isDirectory()) await rmdir(copy).catch(() => {});
      } else if (entry.kind === 'link') {
        const same = info.isSymbolicLink() && (await readlink(copy)) === (await readlink(join(source, entry.path)).catch(() => null));
        if (same) await unlink(copy);
      } else if (info.isFile() && (await startsTheSame(copy, join(source, entry.path), info.size))) await unlink(copy);
    }
    for (const folder of [...this.journal.createdFolders].reverse()) await rmdir(this.machine.files.localPath(folder)).catch(() => {});
    // What is left is what this move did not make (or cannot prove it made): named as the user knows it.
    const left = (await listTree(target).catch(() => [])).filter((e) => e.kind !== 'dir');
    if (left.length > 0) return left.map((e) => `${plan.to}\\${e.rel.split(sep).join('\\')}`);
    return (await exists(target)) ? [plan.to] : [];
  }
}

/** The copy holds the original's first `size` bytes: deleting it loses nothing the original does not hold. */
async function startsTheSame(copy: string, original: string, size: number): Promise<boolean> {
  const [a, b] = await Promise.all([open(copy, 'r'), open(original, 'r').catch(() => null)]);
  try {
    if (!b || (await b.stat()).size < size) return false;
    const chunk = 1 << 20;
    const x = Buffer.alloc(chunk);
    const y = Buffer.alloc(chunk);
    for (let offset = 0; offset < size; offset += chunk) {
      const length = Math.min(chunk, size - offset);
      await a.read(x, 0, length, offset);
      await b.read(y, 0, length, offset);
      if (!x.subarray(0, length).equals(y.subarray(0, length))) return false;
    }
    return true;
  } finally {
    await a.close();
    await b?.close();
  }
}

/** The first few problems of a list, and how many more. */
function listSome(problems: string[]): string {
  return `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
