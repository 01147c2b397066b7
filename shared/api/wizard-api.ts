// The one interface between the wizard's pages and the main process. The renderer calls it through
// window.wizard (Electron's preload) or the HTTP bridge (browser mode); the main process implements it
// once (electron/api/handlers.ts). Every call resolves to a result, never throws across the boundary.

import type { EditionId } from '../matrix/types.js';
import type { MachineProfile } from '../profile/types.js';
import type { FixAction, FixPlan, PlanResult } from '../actions/fix-plan.js';
import type { CheckId, Report } from '../report/types.js';
import type { ReportDiff } from '../report/diff.js';
import type { Language } from '../i18n/languages.js';
import type { IgnoredPolicy } from '../i18n/policy.js';

/**
 * invalid-argument: the call itself was wrong; invalid-profile: the opened file is not a profile; cancelled:
 * the user stopped it; refused: the machine does not allow it now, said in words; declined: the
 * administrator prompt was declined; busy: something else runs; recovery-pending: an interrupted move
 * must be dealt with first; unsupported: not here; internal: what this version did not foresee.
 */
export type ApiErrorCode =
  'invalid-argument' | 'invalid-profile' | 'cancelled' | 'refused' | 'declined' | 'busy' | 'recovery-pending' | 'unsupported' | 'internal';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

/** The machine the wizard examines and fixes: this one, or a sandbox standing in for it. */
export interface MachineView {
  kind: 'windows' | 'sandbox' | 'linux' | 'other';
  /** In words: "this machine (APP01)", "the sandbox machine APP01 in /tmp/x". */
  label: string;
  /** Why fixes cannot run on it; null when they can. */
  cannotFix: string | null;
}

/** An interrupted cache move found on the machine: said at start, dealt with only when the user asks. */
export interface PendingMoveView {
  /** What it is and what to do, in words. */
  message: string;
  /** Which fix was interrupted; null when its record cannot be read. */
  action: FixAction | null;
  /** The record cannot be read: it can only be set aside (after someone has looked at it). */
  damaged: boolean;
  /** Where its record is. */
  path: string;
}

export interface AppInfo {
  toolVersion: string;
  /** A sandbox machine stands in for this one (training mode). */
  sandbox: boolean;
  machine: MachineView;
  /**
   * An interrupted cache move waiting to be finished or undone; null when there is none - and while a fix
   * runs (fixRunning), whose open record is not an interrupted one.
   */
  pending: PendingMoveView | null;
  /** A fix runs on the machine now: in another window of this wizard, or in the command line (it holds the machine-wide lock). */
  fixRunning?: boolean;
  /** desktop: the Electron app; browser: the HTTP bridge of `npm run web`. */
  mode: 'desktop' | 'browser';
  platform: string;
  /**
   * What a sandbox machine records its owner means to back up (its machine.json `selection`): offered on
   * "What to back up" as a choice the user sees and can change, never used unless the request names it.
   * Null or absent: none.
   */
  recordedSelection?: { paths: string[]; systemState: boolean } | null;
  editions: { id: EditionId; date: string }[];
  defaultEdition: EditionId;
  /** The language the main process speaks (and the pages should): chosen at start, changed by setLanguage. */
  language: LanguageView;
}

/** The language the wizard speaks, and whether the user may change it. */
export interface LanguageView {
  current: Language;
  /**
   * Where it came from: the machine-wide policy value (a fleet's choice: the menu is locked), the user's
   * choice in the menu, or the Windows display language / the environment (LANG), else English.
   */
  source: 'policy' | 'user' | 'system' | 'default';
  /** A machine-wide policy fixes the language: the menu cannot change it (even when --lang chose this run's). */
  locked: boolean;
  /**
   * The policy value is set but names no language the tool speaks, or is not text (a list, a number): it
   * was passed over. Its data as read, and its registry type. Null: no such value, or it was used.
   */
  ignoredPolicy: IgnoredPolicy | null;
}

/** What the user asked for on the "What to back up" page. */
export interface ScanRequest {
  edition: EditionId;
  paths: string[];
  systemState: boolean;
  uploadMbps: number | null;
  /** The cache folder to examine; null: the one the agent's registry names. */
  cachePath: string | null;
  offline: boolean;
}

export interface ProbeNoteView {
  field: string;
  reason: string;
}

export interface ScanOutcome {
  profile: MachineProfile;
  report: Report;
  notes: ProbeNoteView[];
  /**
   * What changed since the latest report of this machine the wizard kept before this session (its history
   * folder, under the app's user data); null or absent when it has none.
   */
  sinceLastTime?: ReportDiff | null;
}

export type ScanStep = 'system' | 'agent' | 'volumes' | 'cache' | 'selection' | 'network' | 'report';
export const SCAN_STEPS: readonly ScanStep[] = ['system', 'agent', 'volumes', 'cache', 'selection', 'network', 'report'];

export interface ScanProgress {
  step: ScanStep;
  state: 'running' | 'done';
  /**
   * While the selected folders are scanned (step "selection", running): how far the scan is, sent at least
   * twice a second while it runs (the main process sends at most four a second, the latest figures).
   */
  selection?: SelectionScanProgress;
}

/** The selection scan so far: files and bytes counted, the rate since it began, the folder it is in. */
export interface SelectionScanProgress {
  files: number;
  bytes: number;
  filesPerSecond: number;
  current: string;
}

export interface SaveRequest {
  suggestedName: string;
  content: string;
  kind: 'json' | 'html' | 'md' | 'csv';
}

/** Progress of a fix: each step as it runs, and the copy's files and bytes. */
export interface FixProgress {
  step: string;
  state: 'running' | 'done' | 'failed' | 'undoing' | 'undone';
  detail?: string;
  files?: number;
  totalFiles?: number;
  bytes?: number;
  totalBytes?: number;
}

/** Which fix to plan: the action, and for a cache move the folder it goes to. */
export interface FixRequest {
  action: FixAction;
  to: string | null;
  /**
   * The finding the fix is for, when it was planned from one: a plan is refused when that check passes on
   * the machine as it is now (fixed in the meantime, from another window, say). Absent or null: none.
   */
  finding?: { check: CheckId; subject: string | null } | null;
}

/** What the wizard says while a fix runs elsewhere: another window of it, or the command line. */
export const FIX_RUNNING_ELSEWHERE =
  'A fix is running in another window of this wizard (or in the command line); wait for it to finish, then check again.';

/** What planning a fix for a finding that now passes says. */
export const ALREADY_FIXED = 'This is already fixed: check again to see the machine as it is now.';

export interface FixOutcome {
  /** null: there was nothing to do (no interrupted move to recover). */
  outcome: 'done' | 'rolled-back' | 'discarded' | null;
  /** Which fix ran (for a recovery, the one interrupted); null when none did. */
  action: FixAction | null;
  /** The folders of the fix: for a move, where the cache was and where it is now. */
  from: string | null;
  to: string | null;
  error: string | null;
  /** How many items an undo left in place because the fix did not make them (`error` names them). */
  leftInPlace: number;
  /** The machine examined again after the fix, for the same request. */
  after: ScanOutcome;
}

export interface WizardApi {
  appInfo(): Promise<ApiResult<AppInfo>>;
  /** Probes this machine for the request; progress arrives through onScanProgress. One scan at a time. */
  scan(request: ScanRequest): Promise<ApiResult<ScanOutcome>>;
  cancelScan(): Promise<ApiResult<null>>;
  /** Evaluates a profile collected elsewhere (the text of its file). */
  evaluateProfile(text: string, edition: EditionId): Promise<ApiResult<{ profile: MachineProfile; report: Report }>>;
  /**
   * Checks the machine again for one finding's sake: the machine is probed afresh and the whole report is
   * the new truth (a check does not change alone); `check` names the finding the user asked about.
   */
  recheck(request: ScanRequest, check: CheckId): Promise<ApiResult<ScanOutcome>>;
  /** A native folder picker; `unsupported` in browser mode, where paths are typed. */
  pickFolder(): Promise<ApiResult<string | null>>;
  /** A native save dialog; `unsupported` in browser mode, where the page downloads the file itself. */
  saveFile(request: SaveRequest): Promise<ApiResult<string | null>>;
  /**
   * Plans a fix from the machine as it is now: the figures, what was checked, the steps - or why it cannot
   * be done. `to` is the folder a cache move goes to (null for the other actions).
   */
  planFix(request: FixRequest): Promise<ApiResult<PlanResult>>;
  /**
   * Carries out the fix as the user confirmed it (the plan planFix showed), then examines the machine
   * again for the request. The plan is made again from the machine first: if anything differs, nothing runs.
   */
  runFix(plan: FixPlan, request: ScanRequest): Promise<ApiResult<FixOutcome>>;
  /** Stops a running fix; whatever it had done is undone. */
  cancelFix(): Promise<ApiResult<null>>;
  /** Finishes or undoes the interrupted fix appInfo reported, once the user has confirmed it. */
  recoverFix(request: ScanRequest): Promise<ApiResult<FixOutcome>>;
  /** Sets a damaged record of an interrupted move aside (kept, renamed), once the user has confirmed it. */
  discardPendingMove(request: ScanRequest): Promise<ApiResult<FixOutcome>>;
  /**
   * Speaks this language from now on (the words the main process sends: errors, plans, progress); refused
   * while a policy fixes the language. The pages load their own catalogue and say the report again.
   */
  setLanguage(language: Language): Promise<ApiResult<LanguageView>>;
  /** Subscribes to scan progress; returns the unsubscribe function. */
  onScanProgress(listener: (progress: ScanProgress) => void): () => void;
  /** Subscribes to fix progress; returns the unsubscribe function. */
  onFixProgress(listener: (progress: FixProgress) => void): () => void;
}

/** Channel names, each once: the preload, the IPC registration and the HTTP bridge all use these. */
export const CHANNELS = {
  appInfo: 'wizard:app-info',
  scan: 'wizard:scan',
  cancelScan: 'wizard:cancel-scan',
  evaluateProfile: 'wizard:evaluate-profile',
  recheck: 'wizard:recheck',
  pickFolder: 'wizard:pick-folder',
  saveFile: 'wizard:save-file',
  planFix: 'wizard:plan-fix',
  runFix: 'wizard:run-fix',
  cancelFix: 'wizard:cancel-fix',
  recoverFix: 'wizard:recover-fix',
  discardPendingMove: 'wizard:discard-pending-move',
  setLanguage: 'wizard:set-language',
} as const satisfies Record<Exclude<keyof WizardApi, 'onScanProgress' | 'onFixProgress'>, string>;

export const PROGRESS_CHANNEL = 'wizard:scan-progress';
export const FIX_PROGRESS_CHANNEL = 'wizard:fix-progress';

export type Method = keyof typeof CHANNELS;
export const METHODS = Object.keys(CHANNELS) as Method[];
/** The subscriptions of WizardApi, beside its methods: together, every name window.wizard exposes. */
export const SUBSCRIPTIONS = ['onScanProgress', 'onFixProgress'] as const satisfies readonly Exclude<keyof WizardApi, Method>[];
export const WIZARD_API_NAMES: readonly (keyof WizardApi)[] = [...METHODS, ...SUBSCRIPTIONS];
