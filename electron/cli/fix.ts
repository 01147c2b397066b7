// `mars-readiness fix relocate-cache` and `fix resume`: plan the cache move, show it, carry it out with
// the engine (asking first unless --yes), and finish or undo an interrupted one.

import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { relocationScript } from '../../shared/actions/powershell-script.js';
import { cleanTarget, planRelocation, type RelocatePlan } from '../../shared/actions/relocate-plan.js';
import { targetFacts } from '../actions/target-facts.js';
import {
  CRASH_EXIT_CODE,
  parseFailpoint,
  resumeRelocation,
  runRelocation,
  type EngineOptions,
  type EngineResult,
} from '../actions/relocate-engine.js';
import type { RelocationMachine } from '../actions/relocation-machine.js';
import { sandboxRelocationMachine } from '../actions/sandbox-relocation.js';
import { windowsRelocationMachine } from '../actions/windows-relocation.js';
import { runCommand } from '../probes/command-runner.js';
import { collectProfile } from '../probes/collect.js';
import { SandboxMachine } from '../sandbox/sandbox-machine.js';
import { ExplainedError } from '../explained-error.js';

export interface FixIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export class FixUsageError extends ExplainedError {}

export interface RelocateFlags {
  to?: string;
  /** A plan file written by the wizard for the elevated helper: run exactly this plan, if it still holds. */
  plan?: string;
  sandbox?: string;
  dryRun?: boolean;
  json?: boolean;
  script?: boolean;
  yes?: boolean;
}

interface Target {
  machine: RelocationMachine;
  sandbox: SandboxMachine | null;
}

async function openMachine(sandboxDir: string | undefined): Promise<Target> {
  if (sandboxDir) {
    const sandbox = await SandboxMachine.open(sandboxDir).catch((error: Error) => {
      throw new FixUsageError(error.message);
    });
    return { machine: sandboxRelocationMachine(sandbox), sandbox };
  }
  if (process.platform !== 'win32')
    throw new FixUsageError('moving the cache needs Windows; on this machine, practise on a sandbox with --sandbox DIR.');
  return { machine: windowsRelocationMachine(runCommand), sandbox: null };
}

function engineOptions(io: FixIo, sandbox: SandboxMachine | null): EngineOptions {
  const failpoint = sandbox ? parseFailpoint(io.env.MARS_READINESS_FAILPOINT) : null;
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

export async function relocateCache(flags: RelocateFlags, io: FixIo): Promise<number> {
  const { machine, sandbox } = await openMachine(flags.sandbox);
  const interrupted = await resumeRelocation(machine, engineOptions(io, null));
  if (interrupted) io.stderr(`An interrupted cache move was found and ${interrupted.outcome === 'moved' ? 'finished' : 'undone'} first.\n`);

  const given = flags.plan ? await readPlanFile(flags.plan) : null;
  const to = given?.to ?? flags.to;
  if (!to) throw new FixUsageError('name the folder to move the cache to with --to PATH.');
  const { profile } = await collectProfile({ sandbox, offline: true });
  const local = machine.localPath(cleanTarget(to));
  const plan = planRelocation({
    // A given plan was checked against the selection by the wizard; the helper re-checks the machine.
    profile: given ? { ...profile, selection: { items: [] } } : profile,
    to,
    target: await targetFacts(local, sandbox, to),
    offlineSeeding: sandbox ? (sandbox.machine.offlineSeeding ?? false) : null,
  });
  // The elevated helper runs only the plan it was started for: the same folders, the same values to restore.
  if (given && plan.ok && (plan.plan.from !== given.from || JSON.stringify(plan.plan.previous) !== JSON.stringify(given.previous))) {
    io.stderr(`The machine changed since the plan was made (the cache is now in ${plan.plan.from}); nothing was done.\n`);
    return 1;
  }
  if (!plan.ok) {
    if (flags.json) io.stdout(`${JSON.stringify({ ok: false, problems: plan.problems }, null, 2)}\n`);
    io.stderr(`The cache cannot be moved to ${to}:\n${plan.problems.map((p) => `  - ${p}\n`).join('')}`);
    return 1;
  }
  if (flags.script) {
    io.stdout(relocationScript(plan.plan));
    return 0;
  }
  if (flags.dryRun) {
    io.stdout(flags.json ? `${JSON.stringify(plan.plan, null, 2)}\n` : describePlan(plan.plan));
    return 0;
  }
  if (!flags.yes) {
    if (!io.interactive)
      throw new FixUsageError(
        'moving the cache changes this machine: add --yes to go ahead without a question (see the plan with --dry-run).',
      );
    io.stderr(describePlan(plan.plan));
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question('Go ahead? [y/N] ');
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.stderr('Nothing was changed.\n');
      return 1;
    }
  }
  // Ctrl+C stops the move between files and undoes what it did, rather than leaving it half done.
  const stop = new AbortController();
  const onInterrupt = () => {
    io.stderr('Stopping: everything done so far is being undone...\n');
    stop.abort();
  };
  process.once('SIGINT', onInterrupt);
  try {
    const result = await runRelocation(plan.plan, machine, { ...engineOptions(io, sandbox), signal: stop.signal });
    return describeResult(result, io);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

async function readPlanFile(path: string): Promise<RelocatePlan> {
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new FixUsageError(`the plan file ${path} cannot be read: ${error.message}`);
  });
  const plan = JSON.parse(text) as RelocatePlan;
  if (plan?.action !== 'relocate-cache' || typeof plan.from !== 'string' || typeof plan.to !== 'string')
    throw new FixUsageError(`${path} is not a cache-move plan`);
  return plan;
}

export async function resume(flags: { sandbox?: string }, io: FixIo): Promise<number> {
  const { machine } = await openMachine(flags.sandbox);
  const result = await resumeRelocation(machine, engineOptions(io, null));
  if (!result) {
    io.stdout('There is no interrupted cache move to finish.\n');
    return 0;
  }
  return describeResult(result, io);
}

export function describePlan(plan: RelocatePlan): string {
  const lines = [`Move the cache from ${plan.from}`, `              to ${plan.to}`, ''];
  plan.steps.forEach((s, i) => lines.push(`${i + 1}. ${s.title} [${s.id}]`, `   ${s.does}`, `   If undone: ${s.undo}`));
  lines.push('', `The original folder stays; delete it only after a backup has succeeded.`);
  return `${lines.join('\n')}\n`;
}

export { CRASH_EXIT_CODE };
