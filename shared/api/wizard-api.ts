// The one interface between the wizard's pages and the main process. The renderer calls it through
// window.wizard (Electron's preload) or the HTTP bridge (browser mode); the main process implements it
// once (electron/api/handlers.ts). Every call resolves to a result, never throws across the boundary.

import type { EditionId } from '../matrix/types.js';
import type { MachineProfile } from '../profile/types.js';
import type { PlanResult } from '../actions/relocate-plan.js';
import type { CheckId, Finding, Report } from '../report/types.js';

export type ApiErrorCode = 'invalid-argument' | 'invalid-profile' | 'cancelled' | 'busy' | 'unsupported' | 'internal';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

export interface AppInfo {
  toolVersion: string;
  /** A sandbox machine stands in for this one (training mode). */
  sandbox: boolean;
  /** An interrupted cache move found at start, and what became of it; null when there was none. */
  recovered: string | null;
  /** desktop: the Electron app; browser: the HTTP bridge of `npm run web`. */
  mode: 'desktop' | 'browser';
  platform: string;
  editions: { id: EditionId; date: string }[];
  defaultEdition: EditionId;
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
}

export type ScanStep = 'system' | 'agent' | 'volumes' | 'cache' | 'selection' | 'network' | 'report';
export const SCAN_STEPS: readonly ScanStep[] = ['system', 'agent', 'volumes', 'cache', 'selection', 'network', 'report'];

export interface ScanProgress {
  step: ScanStep;
  state: 'running' | 'done';
}

export interface SaveRequest {
  suggestedName: string;
  content: string;
  kind: 'json' | 'html';
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

export interface FixOutcome {
  outcome: 'moved' | 'rolled-back';
  error: string | null;
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
  /** Re-evaluates one check on a fresh probe of the machine. */
  recheck(request: ScanRequest, check: CheckId): Promise<ApiResult<Finding[]>>;
  /** A native folder picker; `unsupported` in browser mode, where paths are typed. */
  pickFolder(): Promise<ApiResult<string | null>>;
  /** A native save dialog; `unsupported` in browser mode, where the page downloads the file itself. */
  saveFile(request: SaveRequest): Promise<ApiResult<string | null>>;
  /** Plans moving the cache to a folder: the steps, or why that folder will not do. */
  planCacheMove(to: string): Promise<ApiResult<PlanResult>>;
  /** Moves the cache as planned, then examines the machine again for the request. */
  moveCache(to: string, request: ScanRequest): Promise<ApiResult<FixOutcome>>;
  /** Stops a running move; whatever it had done is undone. */
  cancelMove(): Promise<ApiResult<null>>;
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
  planCacheMove: 'wizard:plan-cache-move',
  moveCache: 'wizard:move-cache',
  cancelMove: 'wizard:cancel-move',
} as const satisfies Record<Exclude<keyof WizardApi, 'onScanProgress' | 'onFixProgress'>, string>;

export const PROGRESS_CHANNEL = 'wizard:scan-progress';
export const FIX_PROGRESS_CHANNEL = 'wizard:fix-progress';

export type Method = keyof typeof CHANNELS;
export const METHODS = Object.keys(CHANNELS) as Method[];
