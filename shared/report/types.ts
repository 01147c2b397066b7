import type { FixAction } from '../actions/fix-plan.js';
import type { Msg } from '../i18n/message.js';
// The readiness report: the contract's JSON format (docs/checks.md, "The report").

import type { EditionId } from '../matrix/types.js';

export type Status = 'pass' | 'warn' | 'fail' | 'info' | 'unknown';
export type Verdict = 'ready' | 'ready-with-warnings' | 'not-ready';

export const STATUSES: readonly Status[] = ['fail', 'warn', 'unknown', 'info', 'pass'];

/** A finding's status in a report: its check's, or `waived` where a waiver file covers a fail, warn or unknown (--waivers). */
export type FindingStatus = Status | 'waived';
/** The statuses a waiver can cover. */
export type WaivableStatus = 'fail' | 'warn' | 'unknown';

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
  status: FindingStatus;
  title: string;
  detail: string;
  /** The profile values the finding used, keyed by JSON pointer into the profile. */
  evidence: Record<string, unknown>;
  /** What to do; null for pass and info. */
  fix: Fix | null;
  source: Source;
  /**
   * The title, detail and fix steps as catalogue messages (id and arguments): what makes a report readable
   * in another language than the one it was made in (shared/report/relocalize.ts).
   */
  messages?: FindingMessages;
  /** Only on a waived finding (--waivers): the status its check gave, and the waiver that covers it. */
  waivedStatus?: WaivableStatus;
  waiver?: WaiverTerms;
}

export interface FindingMessages {
  title: Msg;
  detail: Msg;
  /** One per fix step, in the steps' order; [] for a finding without a fix. */
  steps: Msg[];
}

/** What a waiver says beside what it covers: why, who approved it, until when (a date, YYYY-MM-DD). */
export interface WaiverTerms {
  justification: string;
  approvedBy: string;
  expires: string;
}

/** A count per status; `waived` only in a report made with --waivers. */
export type Counts = Record<Status, number> & { waived?: number };

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
  /** Only in a report made with --waivers: the waivers that no longer apply, and those that matched nothing. */
  waivers?: WaiverNotes;
}

/** A waiver as a report names it: what it covers and until when. */
export interface WaiverRef {
  check: CheckId;
  subject: string | null;
  expires: string;
}

export interface WaiverNotes {
  /** Waivers whose expiry date is before the report's day: they no longer apply. */
  expired: WaiverRef[];
  /** Waivers (not expired) that cover no blocker, warning or unknown of this report. */
  unused: WaiverRef[];
}
