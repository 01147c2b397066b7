// The main process's side of WizardApi, as plain Node: the IPC registration (Electron) and the HTTP bridge
// (browser mode) both call these. Arguments are validated here, whoever sent them; every outcome is an
// ApiResult, never an exception across the boundary.

import { ArgumentError, PARSE_ARGUMENTS } from '../../shared/api/arguments.js';
import { cleanTarget, planRelocation, type PlanResult, type RelocatePlan } from '../../shared/actions/relocate-plan.js';
import type {
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
import { resumeRelocation, runRelocation } from '../actions/relocate-engine.js';
import { sandboxRelocationMachine } from '../actions/sandbox-relocation.js';
import { targetFacts } from '../actions/target-facts.js';
import type { Journal } from '../actions/journal.js';
import { windowsRelocationMachine } from '../actions/windows-relocation.js';
import { runCommand } from '../probes/command-runner.js';
import { DEFAULT_EDITION, EDITIONS, EDITION_IDS, type EditionId } from '../../shared/matrix/index.js';

import { buildReport } from '../../shared/report/build.js';
import type { CheckId, Finding } from '../../shared/report/types.js';
import { APP } from '../app-info.js';
import { parseProfile, ProfileLoadError } from '../cli/load-profile.js';
import { collectProfile, CollectCancelled, type Collected, type CollectOptions } from '../probes/collect.js';
import type { SandboxMachine } from '../sandbox/sandbox-machine.js';

/** What differs between the desktop app and browser mode: the native dialogs, and how probing is done. */
export interface HandlerDeps {
  mode: AppInfo['mode'];
  collect?: (options: CollectOptions) => Promise<Collected>;
  pickFolder?: () => Promise<string | null>;
  saveFile?: (request: SaveRequest) => Promise<string | null>;
  emitProgress: (progress: ScanProgress) => void;
  emitFixProgress?: (progress: FixProgress) => void;
  /** Probe (and fix) a sandbox machine instead of this one. */
  sandbox?: SandboxMachine | null;
  /** Windows desktop only: runs a cache-move plan in a helper elevated through UAC, relaying its journal. */
  elevatedMove?: (
    plan: RelocatePlan,
    onJournal: (journal: Journal) => void,
  ) => Promise<{ outcome: 'moved' | 'rolled-back'; error: string | null }>;
  now?: () => Date;
}

export type Handlers = { [M in Method]: (...args: unknown[]) => Promise<ApiResult<unknown>> };

export function createHandlers(deps: HandlerDeps): Handlers {
  const collect = deps.collect ?? collectProfile;
  const now = deps.now ?? (() => new Date());
  let running: AbortController | null = null;
  let lastRequest: ScanRequest | null = null;
  let moving: AbortController | null = null;
  let recovered: Promise<string | null> | null = null;
  // Fixes change the machine: a sandbox's files here, or on Windows through the elevated helper.
  const machine = deps.sandbox
    ? sandboxRelocationMachine(deps.sandbox)
    : process.platform === 'win32' && deps.elevatedMove
      ? windowsRelocationMachine(runCommand)
      : null;
  const emitFix = deps.emitFixProgress ?? (() => {});
  const engineOptions = {
    onStep: (step: string, state: FixProgress['state'], detail?: string) => emitFix({ step, state, ...(detail ? { detail } : {}) }),
    onCopy: (p: { files: number; totalFiles: number; bytes: number; totalBytes: number }) =>
      emitFix({ step: 'copy', state: 'running', files: p.files, totalFiles: p.totalFiles, bytes: p.bytes, totalBytes: p.totalBytes }),
  };
  /** The wizard finishes or undoes an interrupted move before anything else, once. */
  const recover = () =>
    (recovered ??= machine
      ? resumeRelocation(machine, engineOptions).then((r) =>
          r
            ? r.outcome === 'moved'
              ? `An interrupted cache move was finished: the cache is in ${r.journal.plan.to}.`
              : `An interrupted cache move was undone: the cache stays in ${r.journal.plan.from}.`
            : null,
        )
      : Promise.resolve(null));
  const plan = async (to: string): Promise<PlanResult> => {
    if (!machine) {
      throw new UnsupportedError(
        process.platform === 'win32'
          ? 'The desktop wizard cannot move the cache by itself yet: run "mars-readiness fix relocate-cache --to FOLDER" in an administrator prompt, or save the PowerShell script from the Report page.'
          : 'Moving the cache needs Windows: open a sandbox machine to practise (mars-readiness web --sandbox DIR).',
      );
    }
    const request = lastRequest ?? {
      edition: 'current' as const,
      paths: [],
      systemState: false,
      uploadMbps: null,
      cachePath: null,
      offline: true,
    };
    const { profile } = await collect({
      sandbox: deps.sandbox ?? null,
      offline: true,
      cachePath: null,
      selection: request.paths.length > 0 || request.systemState ? { paths: request.paths, systemState: request.systemState } : null,
    });
    const local = machine.localPath(cleanTarget(to));
    return planRelocation({
      profile,
      to,
      target: await targetFacts(local, deps.sandbox ?? null, to),
      // On a real machine no documented value says an offline-seeding backup runs: not known (null).
      offlineSeeding: deps.sandbox ? (deps.sandbox.machine.offlineSeeding ?? false) : null,
    });
  };

  const probe = async (request: ScanRequest, onProgress?: (p: ScanProgress) => void): Promise<Collected> => {
    if (running) throw new BusyError();
    running = new AbortController();
    try {
      return await collect({
        sandbox: deps.sandbox ?? null,
        cachePath: request.cachePath,
        offline: request.offline,
        uploadMbps: request.uploadMbps,
        selection: request.paths.length > 0 || request.systemState ? { paths: request.paths, systemState: request.systemState } : null,
        signal: running.signal,
        ...(onProgress ? { onProgress } : {}),
      });
    } finally {
      running = null;
    }
  };
  const report = (profile: Collected['profile'], edition: EditionId, examples?: Collected['examples']) =>
    buildReport(profile, { edition, toolVersion: APP.version, now: now(), ...(examples ? { examples } : {}) });

  const implementations = {
    appInfo: async (): Promise<AppInfo> => ({
      toolVersion: APP.version,
      sandbox: deps.sandbox != null,
      recovered: await recover(),
      mode: deps.mode,
      platform: process.platform,
      editions: EDITION_IDS.map((id) => ({ id, date: EDITIONS[id].date })),
      defaultEdition: DEFAULT_EDITION,
    }),
    scan: async (request: ScanRequest): Promise<ScanOutcome> => {
      await recover();
      lastRequest = request;
      const collected = await probe(request, deps.emitProgress);
      deps.emitProgress({ step: 'report', state: 'running' });
      const outcome = {
        profile: collected.profile,
        report: report(collected.profile, request.edition, collected.examples),
        notes: collected.notes,
      };
      deps.emitProgress({ step: 'report', state: 'done' });
      return outcome;
    },
    cancelScan: async () => {
      running?.abort();
      return null;
    },
    evaluateProfile: async (text: string, edition: EditionId) => {
      const profile = parseProfile('the opened profile', Buffer.from(text, 'utf8'));
      return { profile, report: report(profile, edition) };
    },
    recheck: async (request: ScanRequest, check: CheckId): Promise<Finding[]> => {
      const collected = await probe(request);
      return report(collected.profile, request.edition, collected.examples).findings.filter((f) => f.check === check);
    },
    planCacheMove: async (to: string) => plan(to),
    cancelMove: async () => {
      moving?.abort();
      return null;
    },
    moveCache: async (to: string, request: ScanRequest): Promise<FixOutcome> => {
      await recover();
      lastRequest = request;
      const planned = await plan(to);
      if (!planned.ok) throw new ArgumentError(`the cache cannot be moved to ${to}: ${planned.problems.join(' ')}`);
      if (running) throw new BusyError();
      moving = new AbortController();
      const result = deps.sandbox
        ? await runRelocation(planned.plan, machine!, { ...engineOptions, signal: moving.signal }).finally(() => (moving = null))
        : await deps.elevatedMove!(planned.plan, (journal) => {
            for (const [step, state] of Object.entries(journal.steps)) emitFix({ step, state: state === 'done' ? 'done' : 'running' });
          });
      const collected = await probe(request);
      return {
        outcome: result.outcome,
        error: result.error,
        after: {
          profile: collected.profile,
          report: report(collected.profile, request.edition, collected.examples),
          notes: collected.notes,
        },
      };
    },
    pickFolder: async () => {
      if (!deps.pickFolder) throw new UnsupportedError("There is no folder picker in the browser: type the folder's path instead.");
      return deps.pickFolder();
    },
    saveFile: async (request: SaveRequest) => {
      if (!deps.saveFile) throw new UnsupportedError('The browser saves the file itself, as a download.');
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

class BusyError extends Error {
  constructor() {
    super('A scan is already running: wait for it to finish, or cancel it.');
  }
}

class UnsupportedError extends Error {}

function toApiError(error: unknown): {
  code: 'invalid-argument' | 'invalid-profile' | 'cancelled' | 'busy' | 'unsupported' | 'internal';
  message: string;
} {
  if (error instanceof ArgumentError) return { code: 'invalid-argument', message: error.message };
  if (error instanceof ProfileLoadError)
    return { code: 'invalid-profile', message: `This file is not a valid machine profile: ${error.problems.join('; ')}` };
  if (error instanceof CollectCancelled) return { code: 'cancelled', message: 'The scan was cancelled.' };
  if (error instanceof BusyError) return { code: 'busy', message: error.message };
  if (error instanceof UnsupportedError) return { code: 'unsupported', message: error.message };
  return { code: 'internal', message: `Something went wrong inside the wizard: ${(error as Error).message}` };
}
