// The main process's side of WizardApi, as plain Node: the IPC registration (Electron) and the HTTP bridge
// (browser mode) both call these. Each handler is a line or two over the application services, on the one
// Machine the wizard was opened for; arguments are validated here, whoever sent them; every outcome is an
// ApiResult whose error carries a code and a sentence a user can read, never an exception across the
// boundary.

import { ArgumentError, PARSE_ARGUMENTS } from '../../shared/api/arguments.js';
import type { FixPlan } from '../../shared/actions/fix-plan.js';
import { FIX_RUNNING_ELSEWHERE, type FixRequest } from '../../shared/api/wizard-api.js';
import type {
  ApiErrorCode,
  ApiResult,
  AppInfo,
  FixOutcome,
  FixProgress,
  Method,
  SaveRequest,
  ScanOutcome,
  ScanProgress,
  ScanRequest,
} from '../../shared/api/wizard-api.js';
import { DEFAULT_EDITION, EDITIONS, EDITION_IDS, type EditionId } from '../../shared/matrix/index.js';
import { buildReport } from '../../shared/report/build.js';
import type { CheckId, Report } from '../../shared/report/types.js';
import { diffReports, type ComparableReport, type ReportDiff } from '../../shared/report/diff.js';
import { COMPARABLE_REPORT, keepInHistory, latestReportOf } from '../services/report-history.js';
import { APP } from '../app-info.js';
import { parseProfile, ProfileLoadError } from '../../shared/profile/parse-profile.js';
import { AppError, errorCode } from '../errors.js';
import type { HelperProgram } from '../helper/helper-client.js';
import type { Machine } from '../machine/machine.js';
import { collectProfile, CollectCancelled, type Collected, type CollectOptions } from '../probes/collect.js';
import type { ScanProgress as FolderScanProgress } from '../probes/selection/scanner.js';
import { planFix } from '../services/fixes.js';
import { describePendingInWizard, pendingRecovery } from '../actions/pending-fix.js';
import { lockHolder } from '../actions/machine-lock.js';
import { fixRunnerFor, type FixResult } from '../services/fix-runner.js';
import { languageView, useLanguage } from '../i18n/process-language.js';
import type { Language } from '../../shared/i18n/languages.js';
import { t } from '../../shared/i18n/translate.js';

/** What differs between the desktop app and browser mode: the native dialogs, the machine, the helper. */
export interface HandlerDeps {
  mode: AppInfo['mode'];
  /** The machine the wizard examines and fixes: this one, or a sandbox. */
  machine: Machine;
  /** How the elevated helper is started on a machine whose fixes need it; null where they do not. */
  helper?: HelperProgram | null;
  /** Replaces probing, for tests that drive the pages over a recorded machine. */
  collect?: (options: CollectOptions) => Promise<Collected>;
  pickFolder?: () => Promise<string | null>;
  saveFile?: (request: SaveRequest) => Promise<string | null>;
  emitProgress: (progress: ScanProgress) => void;
  emitFixProgress?: (progress: FixProgress) => void;
  now?: () => Date;
  /** Where each scan's report is kept, for "since last time" (the app's user data); none: no history. */
  historyDir?: string | null;
}

export type Handlers = { [M in Method]: (...args: unknown[]) => Promise<ApiResult<unknown>> };

/** How often, at most, the selection scan's figures reach the wizard: four times a second (it promises two). */
export const SELECTION_PROGRESS_MS = 250;

/**
 * Passes on the latest of a stream of values at most once per `ms`: the first at once, then the newest
 * when the interval is up (none is held longer). flush() sends what is waiting now; cancel() drops it.
 */
export function latestEvery<T>(ms: number, send: (value: T) => void) {
  let last = -Infinity;
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    last = Date.now();
    send(value);
  };
  return {
    push: (value: T) => {
      waiting = { value };
      const wait = last + ms - Date.now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    flush,
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting = null;
    },
  };
}

const NO_SELECTION: ScanRequest = { edition: 'current', paths: [], systemState: false, uploadMbps: null, cachePath: null, offline: true };

export function createHandlers(deps: HandlerDeps): Handlers {
  const { machine } = deps;
  const collect = deps.collect ?? collectProfile;
  const now = deps.now ?? (() => new Date());
  const runner = fixRunnerFor(machine, deps.helper ?? null);
  const emitFix = deps.emitFixProgress ?? (() => {});
  let scanning: AbortController | null = null;
  let planning: AbortController | null = null;
  let moving: AbortController | null = null;
  let lastRequest: ScanRequest | null = null;

  // Always named, even empty: what the wizard's user chose is the selection, never one the machine records
  // (a sandbox's, which the "What to back up" page offers as a choice instead).
  const selectionOf = (request: ScanRequest) => ({ paths: request.paths, systemState: request.systemState });
  const probe = async (request: ScanRequest, onProgress?: (p: ScanProgress) => void): Promise<Collected> => {
    if (scanning) throw new AppError('busy', t('cli.api.scanRunning'));
    scanning = new AbortController();
    // The selection scan's figures (files, bytes, rate, folder) go out as the selection step's progress,
    // the latest every SELECTION_PROGRESS_MS at most, and the last of them before the step says it is done.
    const figures = onProgress
      ? latestEvery(SELECTION_PROGRESS_MS, (selection: FolderScanProgress) =>
          onProgress({ step: 'selection', state: 'running', selection }),
        )
      : null;
    try {
      const collected = await collect({
        machine,
        cachePath: request.cachePath,
        offline: request.offline,
        uploadMbps: request.uploadMbps,
        selection: selectionOf(request),
        signal: scanning.signal,
        ...(onProgress
          ? {
              onProgress: (p: ScanProgress) => {
                if (p.step === 'selection' && p.state === 'done') figures!.flush();
                onProgress(p);
              },
              onScanProgress: figures!.push,
            }
          : {}),
      });
      return collected;
    } finally {
      figures?.cancel();
      scanning = null;
    }
  };
  const report = (profile: Collected['profile'], edition: EditionId, examples?: Collected['examples'], interruptedFix?: string | null) =>
    buildReport(profile, {
      edition,
      toolVersion: APP.version,
      now: now(),
      ...(examples ? { examples } : {}),
      interruptedFix: interruptedFix ?? null,
    });
  const since = sinceLastTime(deps.historyDir ?? null);
  const outcome = async (request: ScanRequest, onProgress?: (p: ScanProgress) => void): Promise<ScanOutcome> => {
    const collected = await probe(request, onProgress);
    onProgress?.({ step: 'report', state: 'running' });
    const made = report(collected.profile, request.edition, collected.examples, collected.interruptedFix);
    const result: ScanOutcome = { profile: collected.profile, report: made, notes: collected.notes };
    if (deps.historyDir) result.sinceLastTime = await since(made);
    onProgress?.({ step: 'report', state: 'done' });
    return result;
  };
  /** One fix at a time: a second click while one runs is refused, and never takes over its Stop. */
  const fix = async (request: ScanRequest, work: (signal: AbortSignal) => Promise<FixResult>): Promise<FixOutcome> => {
    // Another window of this wizard runs one (this server's), or another process holds the machine-wide
    // lock (the command line): said as such, never as its lock file's owner and time.
    if (moving || (await lockHolder(machine.stateDir).catch(() => null))) throw new AppError('busy', FIX_RUNNING_ELSEWHERE);
    moving = new AbortController();
    let result: FixResult;
    try {
      result = await work(moving.signal);
    } finally {
      moving = null;
    }
    // Afterwards the page is the new truth: the machine examined again for the same request.
    return {
      outcome: result.outcome,
      action: result.action,
      from: result.from,
      to: result.to,
      error: result.error,
      leftInPlace: result.leftInPlace,
      after: await outcome(request),
    };
  };

  const implementations = {
    appInfo: async (): Promise<AppInfo> => {
      // A fix that runs now has an open record too: it is running, not interrupted.
      const fixRunning = moving !== null || (await lockHolder(machine.stateDir).catch(() => null)) !== null;
      const pending = fixRunning ? null : await pendingRecovery(machine);
      return {
        toolVersion: APP.version,
        sandbox: machine.kind === 'sandbox',
        machine: { kind: machine.kind, label: machine.label, cannotFix: machine.fixes.mode === 'none' ? machine.fixes.reason : null },
        pending: pending
          ? {
              message: describePendingInWizard(pending),
              action: pending.journal?.plan.action ?? null,
              damaged: pending.damaged !== null,
              path: pending.path,
            }
          : null,
        fixRunning,
        mode: deps.mode,
        platform: process.platform,
        recordedSelection: (await machine.recordedSelection?.()) ?? null,
        editions: EDITION_IDS.map((id) => ({ id, date: EDITIONS[id].date })),
        defaultEdition: DEFAULT_EDITION,
        language: languageView(),
      };
    },
    setLanguage: async (language: Language) => {
      if (languageView().locked) throw new AppError('refused', t('cli.language.fixedByPolicy'));
      await useLanguage(language, 'user');
      return languageView();
    },
    scan: async (request: ScanRequest): Promise<ScanOutcome> => {
      lastRequest = request;
      return outcome(request, deps.emitProgress);
    },
    cancelScan: async () => {
      scanning?.abort();
      return null;
    },
    evaluateProfile: async (text: string, edition: EditionId) => {
      const profile = parseProfile('the opened profile', Buffer.from(text, 'utf8'));
      return { profile, report: report(profile, edition) };
    },
    // The check id is validated (an unknown one is refused); the answer is the machine as it is now.
    recheck: async (request: ScanRequest, _check: CheckId): Promise<ScanOutcome> => outcome(request),
    planFix: async (request: FixRequest) => {
      if (machine.fixes.mode === 'none') throw new AppError('unsupported', machine.fixes.reason);
      // A new plan replaces one still being made: its scan stops, rather than piling up behind it.
      planning?.abort();
      const mine = new AbortController();
      planning = mine;
      try {
        return await planFix(machine, request, selectionOf(lastRequest ?? NO_SELECTION), mine.signal);
      } catch (error) {
        if (error instanceof CollectCancelled) throw new AppError('cancelled', t('cli.api.planReplaced'));
        throw error;
      } finally {
        if (planning === mine) planning = null;
      }
    },
    cancelFix: async () => {
      moving?.abort();
      return null;
    },
    runFix: async (plan: FixPlan, request: ScanRequest) => {
      lastRequest = request;
      return fix(request, (signal) => runner.run(plan, selectionOf(request), emitFix, signal));
    },
    recoverFix: async (request: ScanRequest) => fix(request, (signal) => runner.recover(emitFix, signal)),
    discardPendingMove: async (request: ScanRequest) => fix(request, () => runner.discard()),
    pickFolder: async () => {
      if (!deps.pickFolder) throw new AppError('unsupported', t('cli.api.noFolderPicker'));
      return deps.pickFolder();
    },
    saveFile: async (request: SaveRequest) => {
      if (!deps.saveFile) throw new AppError('unsupported', t('cli.api.browserSaves'));
      return deps.saveFile(request);
    },
  } satisfies Record<Method, (...args: never[]) => Promise<unknown>>;

  const handlers = {} as Handlers;
  for (const method of Object.keys(implementations) as Method[]) {
    handlers[method] = async (...args: unknown[]) => {
      try {
        const parsed = PARSE_ARGUMENTS[method](args);
        const value = await (implementations[method] as (...a: unknown[]) => Promise<unknown>)(...parsed);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    };
  }
  return handlers;
}

export function toApiError(error: unknown): { code: ApiErrorCode; message: string } {
  if (error instanceof ArgumentError) return { code: 'invalid-argument', message: error.message };
  if (error instanceof ProfileLoadError)
    return {
      code: 'invalid-profile',
      message: error.sentence ?? t('cli.api.invalidProfile', { problems: error.problems.join('; ') }),
    };
  if (error instanceof CollectCancelled) return { code: 'cancelled', message: t('cli.api.scanCancelled') };
  const code = errorCode(error);
  const message = (error as Error)?.message ?? String(error);
  // Sentences written for users are shown as they are; only the unforeseen is marked as such.
  return { code, message: code === 'internal' ? t('cli.api.internal', { message }) : message };
}

/**
 * "Since last time": each report of this machine is kept in the history folder, and compared with the
 * latest one kept before this session (read once, at the first scan: checking again compares with the same
 * one). The history never stops a scan: a folder that cannot be read or written means no comparison.
 */
function sinceLastTime(folder: string | null): (report: Report) => Promise<ReportDiff | null> {
  let baseline: Promise<ComparableReport | null> | null = null;
  return async (report) => {
    if (folder === null) return null;
    baseline ??= latestReportOf(folder, report.host.name).then((value) =>
      COMPARABLE_REPORT(value) === null ? (value as ComparableReport) : null,
    );
    const before = await baseline.catch(() => null);
    await keepInHistory(folder, 'report', report.generatedAt, report.host.name, `${JSON.stringify(report, null, 2)}\n`).catch(() => {});
    return before ? diffReports(before, report) : null;
  };
}
