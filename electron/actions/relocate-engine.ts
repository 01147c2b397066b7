// The relocation engine: carries out a plan step by step, journalling before and after each step. A
// failure anywhere rolls back (registry values restored, partial copy removed, the service started on the
// old cache); a crash is recovered by resumeRelocation: rolled forward if the copy was verified, rolled
// back otherwise. The original cache folder is never written to.

import { mkdir, opendir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RELOCATE_STEP_IDS, type RelocatePlan, type RelocateStepId } from '../../shared/actions/relocate-plan.js';
import type { ServiceState } from '../../shared/profile/types.js';
import { samePath } from '../../shared/util/paths.js';
import { CopyVerifier, verifyTree, type CopyProgress } from './copy-tree.js';
import { isOpen, readJournal, writeJournal, type Journal } from './journal.js';
import type { RelocationMachine } from './relocation-machine.js';
import { ExplainedError } from '../explained-error.js';

export interface Failpoint {
  step: RelocateStepId;
  mode: 'error' | 'crash';
}

/** The exit status of a process ended by a "crash" failpoint. */
export const CRASH_EXIT_CODE = 86;

export type StepState = 'running' | 'done' | 'failed' | 'undoing' | 'undone';

export interface EngineOptions {
  onStep?: (step: RelocateStepId | 'rollback' | 'roll-forward', state: StepState, detail?: string) => void;
  onCopy?: (progress: CopyProgress) => void;
  signal?: AbortSignal;
  failpoint?: Failpoint | null;
  serviceTimeoutMs?: number;
  now?: () => Date;
}

export interface EngineResult {
  outcome: 'moved' | 'rolled-back';
  error: string | null;
  journal: Journal;
}

export class EngineError extends ExplainedError {}

/** MARS_READINESS_FAILPOINT=<step>:<error|crash>; null when unset. */
export function parseFailpoint(text: string | undefined): Failpoint | null {
  if (!text) return null;
  const [step, mode] = text.split(':');
  if (!RELOCATE_STEP_IDS.includes(step as RelocateStepId) || (mode !== 'error' && mode !== 'crash')) {
    throw new EngineError(
      `MARS_READINESS_FAILPOINT must be <step>:<error|crash> with a step among ${RELOCATE_STEP_IDS.join(', ')}; "${text}" is not`,
    );
  }
  return { step: step as RelocateStepId, mode };
}

export async function runRelocation(plan: RelocatePlan, machine: RelocationMachine, options: EngineOptions = {}): Promise<EngineResult> {
  if (isOpen(await readJournal(machine.journalPath))) {
    throw new EngineError('An interrupted cache move must be finished or undone first (fix resume).');
  }
  const target = machine.localPath(plan.to);
  const journal: Journal = {
    version: 1,
    plan,
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    state: 'running',
    outcome: null,
    steps: {},
    verified: false,
    createdTarget: !(await exists(target)),
    manifest: null,
    error: null,
  };
  const run = new Run(journal, machine, options);
  await machine.prepareJournalFolder?.().catch((error: Error) => {
    throw new EngineError(`the journal's folder could not be protected (${error.message}); nothing was changed`);
  });
  await run.save();
  const source = machine.localPath(plan.from);
  const verifier = new CopyVerifier(source, target);
  try {
    await run.step('stop-service', async () => {
      await machine.stopService();
      await run.waitFor('stopped');
    });
    await run.step('copy', async () => {
      await mkdir(target, { recursive: true });
      journal.manifest = await machine.copy(source, target, {
        ...(options.onCopy ? { onProgress: options.onCopy } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        afterFile: (done, total) => run.midStep('copy', done === Math.ceil(total / 2)),
        // Comparing starts as files land; the verify step below still judges the whole copy.
        onFileCopied: (rel) => verifier.compareSoon(rel),
      });
      if (journal.manifest.length === 0) await run.midStep('copy', true);
    });
    await run.step('verify', async () => {
      const { problems } = await verifier.verify(journal.manifest ?? [], options.signal);
      if (problems.length > 0) throw new EngineError(`the copy does not match the original: ${listSome(problems)}`);
      journal.verified = true;
    });
    await verifier.close();
    await run.forward();
  } catch (error) {
    await verifier.close();
    await run.rollBack(error as Error);
  }
  return { outcome: journal.outcome!, error: journal.error, journal };
}

/** Finishes or undoes an interrupted move; null when there is none. */
export async function resumeRelocation(machine: RelocationMachine, options: EngineOptions = {}): Promise<EngineResult | null> {
  const journal = await readJournal(machine.journalPath);
  if (!isOpen(journal)) return null;
  const doubt = await machine.journalDoubt?.();
  if (doubt) {
    throw new EngineError(
      `An interrupted cache move was found in ${machine.journalPath}, but it is not acted on: ${doubt}. If no one here started a move, delete that file; otherwise ask an administrator to look at it.`,
    );
  }
  const run = new Run(journal, machine, { ...options, failpoint: null });
  if (journal.verified && journal.state !== 'rolling-back') {
    options.onStep?.('roll-forward', 'running');
    try {
      // The copy was verified before the interruption; prove it again (a power cut may have cost it writes
      // the disk had acknowledged) before the registry is pointed at it. The original is still in place.
      const { plan } = journal;
      const { problems } = await verifyTree(machine.localPath(plan.from), machine.localPath(plan.to), journal.manifest ?? []);
      if (problems.length > 0) throw new EngineError(`the copy no longer matches the original: ${listSome(problems)}`);
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
    readonly machine: RelocationMachine,
    readonly options: EngineOptions,
  ) {}

  save(): Promise<void> {
    return writeJournal(this.machine.journalPath, this.journal);
  }

  async step(id: RelocateStepId, body: () => Promise<void>): Promise<void> {
    if (this.options.signal?.aborted) throw new EngineError('the move was cancelled');
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
  async midStep(id: RelocateStepId, now: boolean): Promise<void> {
    const failpoint = this.machine.isSandbox ? this.options.failpoint : null;
    if (!now || failpoint?.step !== id) return;
    if (failpoint.mode === 'crash') process.exit(CRASH_EXIT_CODE);
    throw new EngineError(`failpoint: the step "${id}" failed on purpose`);
  }

  async waitFor(state: ServiceState): Promise<void> {
    const deadline = Date.now() + (this.options.serviceTimeoutMs ?? 60_000);
    for (;;) {
      const now = await this.machine.serviceState();
      if (now === state) return;
      if (Date.now() > deadline) throw new EngineError(`the backup engine did not become ${state} in time (it is ${now})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async forward(): Promise<void> {
    const plan = this.journal.plan;
    await this.step('set-registry', async () => {
      const back = await this.machine.writeScratch({ scratchLocation: plan.to, providerScratchLocation: plan.to });
      if (
        !back.scratchLocation ||
        !back.providerScratchLocation ||
        !samePath(back.scratchLocation, plan.to) ||
        !samePath(back.providerScratchLocation, plan.to)
      ) {
        throw new EngineError(
          `the registry did not keep the new location (it reads ${back.scratchLocation} and ${back.providerScratchLocation})`,
        );
      }
    });
    await this.step('start-service', async () => {
      await this.machine.startService();
      await this.waitFor('running');
    });
    await this.step('reprobe', async () => {
      const values = await this.machine.readScratch();
      const problems = [
        values.scratchLocation && samePath(values.scratchLocation, plan.to) ? null : 'Config\\ScratchLocation does not name the new folder',
        values.providerScratchLocation && samePath(values.providerScratchLocation, plan.to)
          ? null
          : 'CloudBackupProvider\\ScratchLocation does not name the new folder',
        (await this.machine.serviceState()) === 'running' ? null : 'the backup engine is not running',
        (await exists(join(this.machine.localPath(plan.to), ...(this.journal.manifest?.[0] ? [this.journal.manifest[0].path] : []))))
          ? null
          : 'the new folder is missing',
      ].filter((x): x is string => x !== null);
      if (problems.length > 0) throw new EngineError(`after the move, ${problems.join('; ')}`);
    });
    this.journal.state = 'closed';
    this.journal.outcome = 'moved';
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
    if (toUndo && (await this.machine.serviceState()) !== 'stopped') {
      await this.machine.stopService();
      await this.waitFor('stopped');
    }
    if (steps['set-registry']) {
      const back = await this.machine.writeScratch(plan.previous);
      if (
        back.scratchLocation !== plan.previous.scratchLocation ||
        back.providerScratchLocation !== plan.previous.providerScratchLocation
      ) {
        throw new EngineError('the registry values could not be restored; run "fix resume" again as an administrator');
      }
    }
    if (steps.copy) await removeCopy(this.machine.localPath(plan.to), this.journal.createdTarget);
    if ((await this.machine.serviceState()) !== 'running') {
      await this.machine.startService().catch((error: Error) => {
        throw new EngineError(`the backup engine could not be started again (${error.message}); run "fix resume" as an administrator`);
      });
      await this.waitFor('running');
    }
    this.journal.state = 'closed';
    this.journal.outcome = 'rolled-back';
    await this.save();
    this.options.onStep?.('rollback', 'undone');
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

/** Removes what the copy wrote: the whole folder if the engine made it, else only what is inside it. */
async function removeCopy(target: string, created: boolean): Promise<void> {
  if (created) return rm(target, { recursive: true, force: true });
  const dir = await opendir(target).catch(() => null);
  if (!dir) return;
  for await (const entry of dir) await rm(join(target, entry.name), { recursive: true, force: true });
}
