// Where a fix runs, decided once by the machine: in this process (a sandbox), or in the elevated helper
// (Windows), or nowhere (Linux, with the reason). Both runners give the same answers and the same progress,
// so the wizard's handlers and the CLI do not ask which they have.

import type { FixAction, FixPlan } from '../../shared/actions/fix-plan.js';
import type { FixProgress } from '../../shared/api/wizard-api.js';
import { AppError } from '../errors.js';
import { trainingFailpoint, type EngineOptions } from '../actions/fix-engine.js';
import { runInHelper, type HelperProgram } from '../helper/helper-client.js';
import type { Machine } from '../machine/machine.js';
import { discardJournal, recoverFix, runConfirmedFix, type Selection } from './fixes.js';
import { t } from '../../shared/i18n/translate.js';

export interface FixResult {
  /** null: there was nothing to recover or discard. */
  outcome: 'done' | 'rolled-back' | 'discarded' | null;
  /** Which fix it was (for a recovery: the one interrupted); null when there was none. */
  action: FixAction | null;
  error: string | null;
  from: string | null;
  to: string | null;
}

export interface FixRunner {
  run(plan: FixPlan, selection: Selection, onProgress: (p: FixProgress) => void, signal: AbortSignal): Promise<FixResult>;
  recover(onProgress: (p: FixProgress) => void, signal: AbortSignal): Promise<FixResult>;
  discard(): Promise<FixResult>;
}

/**
 * The engine's events as progress; and in a sandbox (training), MARS_READINESS_FAILPOINT makes a step fail
 * or crash on purpose, so that a trainee sees a failure and its rollback. Never on a real machine.
 */
function engineEvents(machine: Machine, onProgress: (p: FixProgress) => void, signal: AbortSignal): EngineOptions {
  return {
    signal,
    failpoint: trainingFailpoint(machine, process.env),
    onStep: (step, state, detail) => onProgress({ step, state, ...(detail ? { detail } : {}) }),
    onCopy: (p) =>
      onProgress({ step: 'copy', state: 'running', files: p.files, totalFiles: p.totalFiles, bytes: p.bytes, totalBytes: p.totalBytes }),
  };
}

/** A runner for a machine where fixes cannot run: every call says why. */
function refusing(reason: string): FixRunner {
  const refuse = async (): Promise<never> => {
    throw new AppError('unsupported', reason);
  };
  return { run: refuse, recover: refuse, discard: refuse };
}

export function fixRunnerFor(machine: Machine, helper: HelperProgram | null): FixRunner {
  const fixes = machine.fixes;
  if (fixes.mode === 'none') return refusing(fixes.reason);
  if (fixes.mode === 'in-process') {
    return {
      async run(plan, selection, onProgress, signal) {
        const result = await runConfirmedFix(machine, plan, selection, engineEvents(machine, onProgress, signal));
        return {
          outcome: result.outcome,
          action: result.journal.plan.action,
          error: result.error,
          from: result.journal.plan.from,
          to: result.journal.plan.to,
        };
      },
      async recover(onProgress, signal) {
        const result = await recoverFix(machine, engineEvents(machine, onProgress, signal));
        return {
          outcome: result?.outcome ?? null,
          action: result?.journal.plan.action ?? null,
          error: result?.error ?? null,
          from: result?.journal.plan.from ?? null,
          to: result?.journal.plan.to ?? null,
        };
      },
      async discard() {
        const result = await discardJournal(machine);
        return { outcome: result ? 'discarded' : null, action: null, error: null, from: result?.aside ?? null, to: null };
      },
    };
  }
  const launch = machine.launchElevated;
  if (!launch || !helper) return refusing(t('engine.runner.noHelper', { command: 'mars-readiness fix' }));
  const inHelper = async (task: Parameters<typeof runInHelper>[2], onProgress: (p: FixProgress) => void, signal: AbortSignal) => {
    const done = await runInHelper(
      launch,
      helper,
      task,
      {
        onMessage: (m) =>
          onProgress(
            m.type === 'copy'
              ? { step: 'copy', state: 'running', files: m.files, totalFiles: m.totalFiles, bytes: m.bytes, totalBytes: m.totalBytes }
              : { step: m.step, state: m.state, ...(m.detail ? { detail: m.detail } : {}) },
          ),
      },
      signal,
    );
    return { outcome: done.outcome, action: done.action, error: done.error, from: done.from, to: done.to };
  };
  return {
    run: (plan, selection, onProgress, signal) => inHelper({ type: 'run', plan, selection: selection ?? null }, onProgress, signal),
    recover: (onProgress, signal) => inHelper({ type: 'recover' }, onProgress, signal),
    discard: () => inHelper({ type: 'discard' }, () => {}, new AbortController().signal),
  };
}
