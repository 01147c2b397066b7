// `mars-readiness fix relocate-cache` and `fix resume`: plan the cache move, show it, carry it out through
// the application services (asking first unless --yes), and finish, undo or set aside an interrupted one.
// A dry run and a script change nothing, ever: with an interrupted move pending they say so.

import { createInterface } from 'node:readline/promises';
import { relocationScript } from '../../shared/actions/powershell-script.js';
import type { RelocatePlan } from '../../shared/actions/relocate-plan.js';
import { parseFailpoint, type EngineOptions, type EngineResult } from '../actions/relocate-engine.js';
import { AppError, errorCode, FIX_EXIT } from '../errors.js';
import { openMachine } from '../machine/open-machine.js';
import type { Machine } from '../machine/machine.js';
import {
  busyWith,
  describePending,
  discardJournal,
  moveCache,
  pendingRecovery,
  planCacheMove,
  recoverMove,
} from '../services/cache-move.js';

export interface FixIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** A person can answer a question on this terminal. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  ask?: (question: string) => Promise<string>;
}

export interface RelocateFlags {
  to?: string;
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

function engineOptions(io: FixIo, machine: Machine): EngineOptions {
  const failpoint = machine.failpoints ? parseFailpoint(io.env.MARS_READINESS_FAILPOINT) : null;
  let lastPercent = -1;
  return {
    failpoint,
    onStep: (step, state, detail) =>
      io.stderr(
        `${state === 'running' ? '...' : state === 'done' ? 'ok ' : state === 'failed' ? 'FAILED' : state}  ${step}${detail ? `: ${detail}` : ''}\n`,
      ),
    onCopy: (p) => {
      const percent = p.totalBytes === 0 ? 100 : Math.floor((p.bytes / p.totalBytes) * 100);
      if (percent >= lastPercent + 10 || p.files === p.totalFiles) {
        lastPercent = percent;
        io.stderr(`     copied ${p.files}/${p.totalFiles} files, ${percent}%\n`);
      }
    },
  };
}

function describeResult(result: EngineResult, io: FixIo): number {
  if (result.outcome === 'moved') {
    io.stdout(
      `The cache now lives in ${result.journal.plan.to}; both registry values name it and the backup engine runs.\nRun a backup now; delete ${result.journal.plan.from} only after it succeeds.\n`,
    );
    return 0;
  }
  io.stdout(
    `The move was undone: ${result.error}. The cache stays in ${result.journal.plan.from}, both registry values are as before, and the backup engine runs.\n`,
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
    io.stderr('Stopping: everything done so far is being undone...\n');
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

export async function relocateCache(flags: RelocateFlags, io: FixIo): Promise<number> {
  if (!flags.to) throw new AppError('invalid-argument', 'name the folder to move the cache to with --to PATH.');
  if (flags.json && !flags.dryRun) throw new AppError('invalid-argument', '--json goes with --dry-run: it prints the plan as JSON.');
  if (flags.script && (flags.dryRun || flags.yes))
    throw new AppError('invalid-argument', '--script prints a script and runs nothing: use it alone.');
  const machine = await machineFor(flags.sandbox);
  const pending = await pendingRecovery(machine);
  const busy = await busyWith(machine);
  if (flags.dryRun || flags.script) {
    // Read only: a pending recovery or a running move is reported, never acted on.
    if (pending) io.stderr(`Note: ${describePending(pending)}\n`);
    if (busy) io.stderr(`Note: ${busy}.\n`);
  } else if (pending) throw new AppError('recovery-pending', describePending(pending));

  const plan = await planCacheMove(machine, flags.to);
  if (!plan.ok) {
    if (flags.json) io.stdout(`${JSON.stringify({ ok: false, problems: plan.problems }, null, 2)}\n`);
    io.stderr(`The cache cannot be moved to ${flags.to}:\n${plan.problems.map((p) => `  - ${p}\n`).join('')}`);
    return FIX_EXIT.refused;
  }
  if (flags.script) {
    io.stdout(relocationScript(plan.plan));
    return 0;
  }
  if (flags.dryRun) {
    io.stdout(flags.json ? `${JSON.stringify(plan.plan, null, 2)}\n` : describePlan(plan.plan, machine));
    return 0;
  }
  if (
    !(await confirmed(
      flags,
      io,
      describePlan(plan.plan, machine),
      'moving the cache changes this machine',
      ' (see what would happen first with --dry-run)',
    ))
  )
    return FIX_EXIT.refused;
  const result = await withInterrupt(io, (signal) => moveCache(machine, plan.plan, null, { ...engineOptions(io, machine), signal }));
  return describeResult(result, io);
}

async function confirmed(flags: { yes?: boolean }, io: FixIo, what: string, why: string, hint = ''): Promise<boolean> {
  if (flags.yes) return true;
  if (!io.interactive) throw new AppError('invalid-argument', `${why}: add --yes to go ahead without a question${hint}.`);
  io.stderr(what);
  const answer = io.ask ? await io.ask('Go ahead? [y/N] ') : await askOnTerminal('Go ahead? [y/N] ');
  if (/^y(es)?$/i.test(answer.trim())) return true;
  io.stderr('Nothing was changed.\n');
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
    io.stdout('There is no interrupted cache move to finish.\n');
    return 0;
  }
  if (flags.discard) {
    const what = `${pending.damaged ?? describePending(pending)}\nSetting it aside renames the record (it is kept) and starts the backup engine again if this tool stopped it; nothing else changes.\n`;
    if (!(await confirmed(flags, io, what, 'setting the record aside'))) return FIX_EXIT.refused;
    const result = await discardJournal(machine);
    io.stdout(
      result
        ? `The record was set aside as ${result.aside}${result.restarted ? '; the backup engine was started again' : ''}.\n`
        : 'There was nothing to set aside.\n',
    );
    return 0;
  }
  const result = await withInterrupt(io, (signal) => recoverMove(machine, { ...engineOptions(io, machine), failpoint: null, signal }));
  if (!result) {
    io.stdout('There is no interrupted cache move to finish.\n');
    return 0;
  }
  return describeResult(result, io);
}

export function describePlan(plan: RelocatePlan, machine: Machine): string {
  const lines = [`On ${machine.label}:`, `Move the cache from ${plan.from}`, `              to ${plan.to}`, ''];
  plan.steps.forEach((s, i) => lines.push(`${i + 1}. ${s.title} [${s.id}]`, `   ${s.does}`, `   If undone: ${s.undo}`));
  for (const caution of plan.cautions) lines.push('', `Not checked: ${caution}`);
  lines.push('', `The original folder stays; delete it only after a backup has succeeded.`);
  return `${lines.join('\n')}\n`;
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
    io.stderr(`${name}: ${(error as Error).message}\n`);
    return FIX_EXIT[code];
  }
}
