// Where a fix runs, decided once by the machine: in this process (a sandbox), or in the elevated helper
// (Windows), or nowhere (Linux, with the reason). Both runners give the same answers and the same progress,
// so the wizard's handlers and the CLI do not ask which they have.

import type { FixPlan } from '../../shared/actions/fix-plan.js';
import type { FixProgress } from '../../shared/api/wizard-api.js';
import { AppError } from '../errors.js';
import { trainingFailpoint, type EngineOptions } from '../actions/fix-engine.js';
import { runInHelper, type HelperProgram } from '../helper/helper-client.js';
import type { Machine } from '../machine/machine.js';
import { discardJournal, recoverFix, runConfirmedFix, type Selection } from './fixes.js';
import { t } from '../../shared/i18n/translate.js';
import { discardResultOf, fixResultOf, type FixResult } from './fix-result.js';

export type { FixResult };

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
        return fixResultOf(await runConfirmedFix(machine, plan, selection, engineEvents(machine, onProgress, signal)));
      },
      async recover(onProgress, signal) {
        return fixResultOf(await recoverFix(machine, engineEvents(machine, onProgress, signal)));
      },
      async discard() {
        return discardResultOf(await discardJournal(machine));
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
    return { outcome: done.outcome, action: done.action, error: done.error, from: done.from, to: done.to, leftInPlace: done.leftInPlace };
  };
  return {
    run: (plan, selection, onProgress, signal) => inHelper({ type: 'run', plan, selection: selection ?? null }, onProgress, signal),
    recover: (onProgress, signal) => inHelper({ type: 'recover' }, onProgress, signal),
    discard: () => inHelper({ type: 'discard' }, () => {}, new AbortController().signal),
  };
}
