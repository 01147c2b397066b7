// The doctor: when the agent's history shows a job that failed (or skipped files), why, in words a
// helpdesk agent can read aloud - the date, the likely cause, the codes the agent's logs hold with what
// each means, and for each the check of this report that tells whether its cause is still there (with the
// fix the wizard can carry out, where that check offers one). Read from a report alone, so the wizard,
// the text and HTML reports and `mars-readiness doctor` say the same, for a machine examined here or a
// report opened from a file.

import type { ActionId, CheckId, Finding, FindingStatus, Report } from './types.js';
import type { HistoryErrorCode, HistoryEvent } from '../profile/types.js';
import { knownErrorCode, windowsErrorMeaning } from '../rules/error-codes.js';
import { latestJob } from '../rules/history.js';
import { dateOf } from '../rules/timestamps.js';
import { timesWords } from '../rules/finding.js';

export type JobOutcome = 'failed' | 'did-not-start' | 'warned';

/** A check a code points to, as this report found it. */
export interface PointedCheck {
  check: CheckId;
  /** Its worst finding's status here; null when the report has no finding of it. */
  status: FindingStatus | null;
  title: string | null;
  /** That finding's subject (null for a check of the whole machine, or when there is no finding): with
   * the check, it names the finding on a page (findingAnchor). */
  subject: string | null;
  /** The fix the wizard can carry out for it, when its finding offers one. */
  action: ActionId | null;
}

export interface DiagnosedCode {
  code: string;
  /** How many times the agent's logs hold it, in the window. */
  count: number;
  known: boolean;
  /** What it means and what usually causes it; null for a code this tool cannot explain. */
  meaning: string | null;
  cause: string | null;
  checks: PointedCheck[];
  /** The cause is still there: a check it points to fails or warns now. */
  stillThere: boolean;
}

export interface Diagnosis {
  outcome: JobOutcome;
  /** When the job ended (ISO 8601, UTC): shown in the reader's own time zone and language. */
  at: string;
  /** The likely cause in plain words (the most telling code's), or null when the logs name none this tool knows. */
  cause: string | null;
  /** The codes, the most telling first: a known one whose cause is still there, then known ones, then the rest. */
  codes: DiagnosedCode[];
  /** How many days back the history was read. */
  windowDays: number | null;
  /** The agent's error logs could be read: when false, no code in `codes` says nothing of the cause. */
  logsRead: boolean;
}

const SEVERITY: Record<FindingStatus, number> = { fail: 0, warn: 1, unknown: 2, waived: 3, info: 4, pass: 5 };
const OUTCOMES: Record<number, JobOutcome | undefined> = { 10: 'warned', 11: 'failed', 18: 'did-not-start' };

export function diagnose(report: Pick<Report, 'findings'>): Diagnosis | null {
  const last = report.findings.find((f) => f.check === 'history.last-backup');
  if (!last || (last.status !== 'fail' && last.status !== 'warn')) return null;
  const events = last.evidence['/history/events'];
  if (!Array.isArray(events)) return null;
  const job = latestJob(events as HistoryEvent[]);
  const outcome = job ? OUTCOMES[job.event.id] : undefined;
  if (!job || !outcome) return null;
  const windowDays = typeof last.evidence['/history/windowDays'] === 'number' ? (last.evidence['/history/windowDays'] as number) : null;

  const codes = report.findings
    .filter((f) => f.check === 'history.known-error' && f.subject !== null)
    .map((f) => diagnosedCode(f, report.findings))
    .sort((a, b) => rank(a) - rank(b) || b.count - a.count);
  const telling = codes.find((c) => c.known);
  // history.known-error's one finding without a subject: the logs could not be read.
  const logsRead = !report.findings.some((f) => f.check === 'history.known-error' && f.subject === null && f.status === 'unknown');
  return { outcome, at: job.event.time, cause: telling?.cause ?? null, codes, windowDays, logsRead };
}

function rank(code: DiagnosedCode): number {
  return code.known ? (code.stillThere ? 0 : 1) : 2;
}

function diagnosedCode(finding: Finding, findings: readonly Finding[]): DiagnosedCode {
  const entries = finding.evidence['/history/errorCodes'];
  const count = Array.isArray(entries) ? (entries as HistoryErrorCode[]).reduce((sum, e) => sum + (e.count ?? 0), 0) : 0;
  const known = knownErrorCode(finding.subject!);
  const checks = (known?.checks ?? []).map((check) => pointedCheck(check, findings));
  return {
    code: finding.subject!,
    count,
    known: known !== undefined,
    meaning: known?.meaning ?? null,
    cause: known?.cause ?? null,
    checks,
    stillThere: checks.some((c) => c.status === 'fail' || c.status === 'warn'),
  };
}

function pointedCheck(check: CheckId, findings: readonly Finding[]): PointedCheck {
  const worst = findings.filter((f) => f.check === check).sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status])[0];
  return {
    check,
    status: worst?.status ?? null,
    title: worst?.title ?? null,
    subject: worst?.subject ?? null,
    action: worst?.fix?.action ?? null,
  };
}

/** "failed", "did not start", "skipped some files": what happened to the job, for a headline. */
export const OUTCOME_WORDS: Record<JobOutcome, string> = {
  failed: 'failed',
  'did-not-start': 'did not start',
  warned: 'skipped some files',
};

/**
 * The headline: "The last backup failed on Tuesday 1 December 2026 at 02:00: <cause>." The date is
 * formatted by the caller (the reader's locale and time zone, through Intl).
 */
export function diagnosisHeadline(diagnosis: Diagnosis, formatDate: (iso: string) => string): string {
  const job = diagnosis.outcome === 'did-not-start' ? 'The last scheduled backup' : 'The last backup';
  const when = `${job} ${OUTCOME_WORDS[diagnosis.outcome]} on ${formatDate(diagnosis.at)}`;
  if (diagnosis.cause) return `${when}: ${diagnosis.cause}.`;
  if (diagnosis.codes.length > 0) return `${when}. The agent's logs hold codes this tool cannot explain; they are listed below.`;
  if (!diagnosis.logsRead) return `${when}. The agent's error logs could not be read, so why is not known yet.`;
  return `${when}. The agent's logs name no error code for it.`;
}

/**
 * The headline around its date, for a page that marks the date up (an HTML <time>, say): the words
 * before it and after it, as diagnosisHeadline says them.
 */
export function diagnosisHeadlineParts(diagnosis: Diagnosis): { before: string; after: string } {
  const mark = '\u0000';
  const [before = '', after = ''] = diagnosisHeadline(diagnosis, () => mark).split(mark);
  return { before, after };
}

/** One line per code: what it means, and what this report found of the cause it points to. */
export function diagnosedCodeLine(code: DiagnosedCode): string {
  const times = timesWords(code.count);
  if (!code.known) {
    const windows = windowsErrorMeaning(code.code);
    return windows ? `${code.code} (seen ${times}): ${windows}.` : `${code.code} (seen ${times}): a code this tool cannot explain.`;
  }
  const found = code.checks.map(checkState);
  const tail = code.checks.length === 0 ? ' No check of this tool looks at that cause.' : ` ${found.join(' ')}`;
  return `${code.code} (seen ${times}): ${code.meaning}. Usually ${code.cause}.${tail}`;
}

export { timesWords } from '../rules/finding.js';

/** What a code means, for any code: the table's meaning, else Windows' own for a 0x8007xxxx, else null. */
export function codeMeaning(code: DiagnosedCode): string | null {
  return code.meaning ?? windowsErrorMeaning(code.code);
}

/** Whether the cause a check looks at is still there, by its finding's status here: "Still there (blocks backup)". */
export function pointedCheckState(status: FindingStatus | null): string {
  if (status === null) return 'Not checked here';
  if (status === 'fail') return 'Still there (blocks backup)';
  if (status === 'warn') return 'Still there (a risk)';
  if (status === 'unknown') return 'Could not be checked now';
  if (status === 'waived') return 'Still there (waived)';
  return 'Fine now';
}

function checkState(check: PointedCheck): string {
  if (check.status === null || check.title === null) return `Not checked here (${check.check}).`;
  const title = check.title.replace(/[.!]$/, '');
  if (check.status === 'fail') return `Still so now: ${title} (blocks backup).`;
  if (check.status === 'warn') return `Still a risk now: ${title}.`;
  if (check.status === 'unknown') return `Could not be checked now: ${title}.`;
  if (check.status === 'waived') return `Still so now, but waived: ${title}.`;
  return `Fine now: ${title}.`;
}

/**
 * The time in the reader's time zone, its zone named: "Tue, 1 Dec 2026, 02:41 UTC". The sentence around it
 * is English (until the catalogue of issue 17), so the date is too, in the reader's English where that is
 * their language (en-US, en-GB, ...), else British English: no foreign script or calendar inside an English
 * sentence.
 */
export function localDateTime(iso: string, locale?: string, timeZone?: string, withSeconds = false): string {
  const date = dateOf(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const wanted = locale ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  const english = /^en(-|$)/i.test(wanted) ? wanted : 'en-GB';
  return new Intl.DateTimeFormat(english, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    timeZoneName: 'short',
    calendar: 'gregory',
    numberingSystem: 'latn',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A time as HTML's <time datetime> takes it: at most three digits of a second (Windows writes seven). */
export function htmlDateTime(iso: string): string {
  return iso.replace(/(\.\d{3})\d+/, '$1');
}
