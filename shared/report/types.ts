import type { FixAction } from '../actions/fix-plan.js';
// The readiness report: the contract's JSON format (docs/checks.md, "The report").

import type { EditionId } from '../matrix/types.js';

export type Status = 'pass' | 'warn' | 'fail' | 'info' | 'unknown';
export type Verdict = 'ready' | 'ready-with-warnings' | 'not-ready';

export const STATUSES: readonly Status[] = ['fail', 'warn', 'unknown', 'info', 'pass'];

export type CheckId =
  | 'os.supported'
  | 'os.system-state'
  | 'software.dotnet'
  | 'software.powershell'
  | 'network.tls12'
  | 'agent.install'
  | 'agent.service'
  | 'agent.version'
  | 'agent.interrupted-fix'
  | 'cache.registry'
  | 'cache.folder'
  | 'cache.location'
  | 'cache.attributes'
  | 'cache.free-space'
  | 'cache.azure-temporary'
  | 'volume.supported'
  | 'volume.size-limit'
  | 'selection.azure-temporary'
  | 'selection.agent-folders'
  | 'files.skipped'
  | 'files.onedrive'
  | 'files.dfsr'
  | 'network.endpoints'
  | 'network.proxy'
  | 'network.service-proxy'
  | 'network.throttling'
  | 'backup.offline-seeding'
  | 'restore.instant-restore'
  | 'restore.target'
  | 'system-state.prerequisites'
  | 'agent.vault-credentials'
  | 'agent.antivirus'
  | 'host.clock'
  | 'history.last-backup'
  | 'history.known-error';

/** Who can carry out a fix, from the least to the most privileged. */
export type Fixer = 'user' | 'helpdesk' | 'server admin' | 'network team';

/** Fix actions the wizard can carry out itself (each has a planner in shared/actions). */
export type ActionId = FixAction;

export interface Fix {
  steps: string[];
  who: Fixer;
  /** Set where the wizard can do it itself. */
  action: ActionId | null;
}

export interface Source {
  edition: EditionId;
  date: string;
  document: string;
  section: string;
  /** The https address of that section of Microsoft's documentation on learn.microsoft.com (contract v2). */
  url: string;
}

export interface Finding {
  check: CheckId;
  subject: string | null;
  status: Status;
  title: string;
  detail: string;
  /** The profile values the finding used, keyed by JSON pointer into the profile. */
  evidence: Record<string, unknown>;
  /** What to do; null for pass and info. */
  fix: Fix | null;
  source: Source;
}

export type Counts = Record<Status, number>;

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  matrix: { edition: EditionId; date: string };
  generatedAt: string;
  host: {
    name: string | null;
    azureVm: boolean | null;
    role: string | null;
    os: string | null;
    capturedAt: string | null;
  };
  verdict: Verdict;
  counts: Counts;
  findings: Finding[];
}
