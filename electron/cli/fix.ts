// `mars-readiness fix relocate-cache | point-registry | start-engine` and `fix resume`: plan the fix, show
// it with its figures, carry it out through the application services (asking first unless --yes), and
// finish, undo or set aside an interrupted one. A dry run and a script change nothing, ever: with an
// interrupted fix pending they say so.

import { createInterface } from 'node:readline/promises';
import { fixScript, yesAnswers } from '../../shared/actions/powershell-script.js';
import { stepWords, type FixAction, type FixPlan } from '../../shared/actions/fix-plan.js';
import { describePlanLines } from '../../shared/actions/describe-plan.js';
import { durationWords, ProgressRate } from '../../shared/actions/progress-rate.js';
import { formatBytes, formatNumber, joinSentences, t } from '../../shared/i18n/translate.js';
import { trainingFailpoint, type EngineOptions, type EngineResult } from '../actions/fix-engine.js';
import { AppError, errorCode, FIX_EXIT } from '../errors.js';
import { openMachine } from '../machine/open-machine.js';
import type { Machine } from '../machine/machine.js';
import { busyWith, discardJournal, planFix, recoverFix, runConfirmedFix } from '../services/fixes.js';
import { describePending, pendingRecovery } from '../actions/pending-fix.js';

export interface FixIo {
  /** Words for a person (the CLI wraps them to the terminal's width). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** What a program reads - JSON, a script - exactly as written, never wrapped; stdout by default. */
  data?: (text: string) => void;
  /** A person can answer a question on this terminal. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  ask?: (question: string) => Promise<string>;
}

export interface FixFlags {
  to?: string;
  /** What will be backed up, so that the move can refuse a target inside it. */
  select?: string[];
  systemState?: boolean;
  sandbox?: string;
  dryRun?: boolean;
  json?: boolean;
  script?: boolean;
  yes?: boolean;
}

async function machineFor(sandbox: string | undefined): Promise<Machine> {
  const machine = await openMachine({ sandbox }).catch((error: Error) => {
    throw new AppError('invalid-argument', error.message);
  });
  if (machine.fixes.mode === 'none') throw new AppError('unsupported', machine.fixes.reason);
  return machine;
}

function engineOptions(io: FixIo, machine: Machine, plan: FixPlan | null): EngineOptions {
  const failpoint = trainingFailpoint(machine, io.env);
  const rate = new ProgressRate();
  let lastShown = 0;
  return {
    failpoint,
    onStep: (step, state, detail) =>
      io.stderr(
        `${t('cli.fix.stepLine', { state: STEP_STATES.has(state) ? state : 'other', step: stepWords(plan, step), hasDetail: detail ? 'yes' : 'no', detail: detail ?? '' })}\n`,
      ),
    onCopy: (p) => {
      const reading = rate.update(p);
      // A line a second at most (and the last one): enough to follow, not a flood in a log file.
      const now = Date.now();
      if (now - lastShown < 1000 && p.files !== p.totalFiles) return;
      lastShown = now;
      io.stderr(`     ${copyLine(reading)}\n`);
    },
  };
}

/** The engine's step states the step line names; any other is said as running. */
const STEP_STATES = new Set(['done', 'failed', 'undone']);

/** "1,204 of 3,000 files, 1.2 GB of 4.0 GB, 85 MB/s, about 40 seconds left". */
export function copyLine(r: ReturnType<ProgressRate['update']>): string {
  const left = r.secondsLeft !== null && r.files < r.totalFiles ? durationWords(r.secondsLeft) : null;
  return t('cli.fix.copyLine', {
    files: formatNumber(r.files),
    totalFiles: r.totalFiles,
    copied: formatBytes(r.bytes),
    size: formatBytes(r.totalBytes),
    hasRate: r.bytesPerSecond !== null ? 'yes' : 'no',
    rate: r.bytesPerSecond !== null ? formatBytes(r.bytesPerSecond) : '',
    hasLeft: left !== null ? 'yes' : 'no',
    left: left ?? '',
  });
}

const DONE_WORDS: Record<FixAction, (plan: FixPlan) => string> = {
  'relocate-cache': (plan) => `${t('cli.fix.done.relocateCache', { to: String(plan.to), from: String(plan.from) })}\n`,
  'point-registry': (plan) => `${t('cli.fix.done.pointRegistry', { to: String(plan.to) })}\n`,
  'start-engine': () => `${t('cli.fix.done.startEngine')}\n`,
};

function describeResult(result: EngineResult, io: FixIo, stopped = false): number {
  const plan = result.journal.plan;
  if (result.outcome === 'done') {
    // A stop that came after the last change finds nothing left to undo: the fix stands, and says so.
    if (stopped) io.stdout(`${t('cli.fix.stoppedTooLate')}\n`);
    io.stdout(DONE_WORDS[plan.action](plan));
    return 0;
  }
  io.stdout(
    plan.action === 'start-engine'
      ? `${t('cli.fix.failed.startEngine', { error: String(result.error) })}\n`
      : plan.action === 'relocate-cache'
        ? `${t('cli.fix.failed.relocateCache', { error: String(result.error), from: String(plan.from) })}\n`
        : `${t('cli.fix.failed.pointRegistry', { error: String(result.error) })}\n`,
  );
  return 1;
}

/**
 * Ctrl+C stops the move between files and undoes what it did, rather than leaving it half done - and so
 * does every other way a command is ended from outside that can be caught: SIGTERM (a service manager),
 * SIGHUP (a closed terminal or SSH session) and a broken output pipe (`| head`). Repeated signals while the
 * undo runs change nothing; a stop that comes after the last step leaves the finished move as it is.
 */
async function withInterrupt<T>(io: FixIo, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const onStop = () => {
    if (stop.signal.aborted) return;
    stop.abort();
    io.stderr(`${t('cli.fix.stopping')}\n`);
  };
  const onPipe = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') onStop();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const name of signals) process.on(name, onStop);
  process.stdout.on('error', onPipe);
  process.stderr.on('error', onPipe);
  try {
    return await work(stop.signal);
  } finally {
    for (const name of signals) process.off(name, onStop);
    process.stdout.off('error', onPipe);
    process.stderr.off('error', onPipe);
  }
}

export async function runFixAction(action: FixAction, flags: FixFlags, io: FixIo): Promise<number> {
  if (action === 'relocate-cache' && !flags.to) throw new AppError('invalid-argument', t('cli.fix.usage.needsTo'));
  if (action !== 'relocate-cache' && (flags.to || flags.select?.length || flags.systemState))
    throw new AppError('invalid-argument', t('cli.fix.usage.noTarget', { action }));
  if (flags.json && !flags.dryRun) throw new AppError('invalid-argument', t('cli.fix.usage.jsonNeedsDryRun'));
  if (flags.script && (flags.dryRun || flags.yes)) throw new AppError('invalid-argument', t('cli.fix.usage.scriptAlone'));
  const machine = await machineFor(flags.sandbox);
  const pending = await pendingRecovery(machine);
  const busy = await busyWith(machine);
  if (busy) {
    // A fix running now (its record is open too): a dry run or a script notes it, a run waits for none.
    if (flags.dryRun || flags.script) io.stderr(`${t('cli.fix.noteBusy', { busy })}\n`);
    else throw new AppError('busy', t('cli.fix.busy', { busy: `${busy[0]!.toUpperCase()}${busy.slice(1)}` }));
  } else if (pending) {
    // An interrupted fix leaves the machine halfway: no plan made from it now (nor "nothing to do") would
    // hold, so a dry run and a script say so as the run itself does (exit 5), not a plan that says no fix waits.
    throw new AppError('recovery-pending', describePending(pending));
  }

  const selection =
    flags.select?.length || flags.systemState ? { paths: flags.select ?? [], systemState: flags.systemState === true } : null;
  const plan = await planFix(machine, { action, to: flags.to ?? null }, selection);
  if (!plan.ok && plan.fixed) {
    // Nothing to do: the machine is already as the fix would leave it. Said, and a success for a script
    // that runs the fix on every machine of a fleet.
    if (flags.json) (io.data ?? io.stdout)(`${JSON.stringify({ ok: false, nothingToDo: true, problems: plan.problems }, null, 2)}\n`);
    else io.stdout(`${t('cli.fix.nothingToDo', { why: joinSentences(plan.problems) })}\n`);
    return 0;
  }
  if (!plan.ok) {
    if (flags.json) (io.data ?? io.stdout)(`${JSON.stringify({ ok: false, problems: plan.problems }, null, 2)}\n`);
    io.stderr(
      `${t('cli.fix.refused', { action: REFUSED[action], to: flags.to ?? '' })}\n${plan.problems.map((p) => `  - ${p}\n`).join('')}`,
    );
    return FIX_EXIT.refused;
  }
  if (flags.script) {
    (io.data ?? io.stdout)(fixScript(plan.plan));
    return 0;
  }
  if (flags.dryRun) {
    if (flags.json) (io.data ?? io.stdout)(`${JSON.stringify(plan.plan, null, 2)}\n`);
    else io.stdout(describePlan(plan.plan, machine));
    return 0;
  }
  if (!(await confirmed(flags, io, describePlan(plan.plan, machine), 'fix'))) return FIX_EXIT.refused;
  const stop = { signal: null as AbortSignal | null };
  const result = await withInterrupt(io, (signal) => {
    stop.signal = signal;
    return runConfirmedFix(machine, plan.plan, selection, { ...engineOptions(io, machine, plan.plan), signal });
  });
  return describeResult(result, io, stop.signal?.aborted === true);
}

/** Each action as the "cannot be done" message's select names it. */
const REFUSED: Record<FixAction, string> = {
  'relocate-cache': 'relocate',
  'point-registry': 'point',
  'start-engine': 'start',
};

/**
 * Asks before a change (`what` is the plan or the record said); `change` is what would change, for the
 * sentence that asks for --yes where no one can answer. The answer is y or yes in any language (so that a
 * script's `yes |` keeps working) or the language's own yes: the same words as the fix --script prompts,
 * and the question says them (script.ask.hint).
 */
async function confirmed(flags: { yes?: boolean }, io: FixIo, what: string, change: 'fix' | 'discard'): Promise<boolean> {
  if (flags.yes) return true;
  if (!io.interactive) throw new AppError('invalid-argument', t('cli.fix.needsYes', { change }));
  io.stderr(what);
  const question = `${t('cli.fix.ask')} ${t('script.ask.hint')} `;
  const answer = io.ask ? await io.ask(question) : await askOnTerminal(question);
  if (yesAnswers().includes(answer.trim().toLowerCase())) return true;
  io.stderr(`${t('cli.fix.nothingChanged')}\n`);
  return false;
}

async function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export async function resume(flags: { sandbox?: string; discard?: boolean; yes?: boolean }, io: FixIo): Promise<number> {
  const machine = await machineFor(flags.sandbox);
  const pending = await pendingRecovery(machine);
  if (!pending) {
    io.stdout(`${t('cli.fix.resume.nothing')}\n`);
    return 0;
  }
  if (flags.discard) {
    const what = `${pending.damaged ?? describePending(pending)}\n${t('cli.fix.resume.discardExplained')}\n`;
    if (!(await confirmed(flags, io, what, 'discard'))) return FIX_EXIT.refused;
    const result = await discardJournal(machine);
    io.stdout(
      result
        ? `${t('cli.fix.resume.setAside', { file: result.aside, restarted: result.restarted ? 'yes' : 'no' })}\n`
        : `${t('cli.fix.resume.nothingToSetAside')}\n`,
    );
    return 0;
  }
  const result = await withInterrupt(io, (signal) =>
    recoverFix(machine, { ...engineOptions(io, machine, pending.journal?.plan ?? null), failpoint: null, signal }),
  );
  if (!result) {
    io.stdout(`${t('cli.fix.resume.nothing')}\n`);
    return 0;
  }
  return describeResult(result, io);
}

export function describePlan(plan: FixPlan, machine: Machine): string {
  return `${[t('cli.fix.planOn', { machine: machine.label }), ...describePlanLines(plan)].join('\n')}\n`;
}

/**
 * Runs a fix command and turns what stopped it into one sentence and the exit status of its kind (the
 * table in errors.ts); only the unforeseen is left to the CLI's own "unexpected" handling.
 */
export async function runFixCommand(work: () => Promise<number>, io: FixIo, name: string): Promise<number> {
  try {
    return await work();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'internal') throw error;
    io.stderr(`${t('cli.error.line', { program: name, message: (error as Error).message })}\n`);
    return FIX_EXIT[code];
  }
}
