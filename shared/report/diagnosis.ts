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
import { dateOf } from '../util/date-of.js';
import { currentLanguage, joinSentences, t } from '../i18n/translate.js';
import { m, type Msg } from '../i18n/message.js';
import { saidWords } from './grouping.js';

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
  /**
   * The same two as catalogue messages (null for a code this tool cannot explain): what keeps the JSON
   * report language-neutral, as a finding's `messages` do - its words are the run's language.
   */
  messages: { meaning: Msg; cause: Msg } | null;
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
    messages: known ? { meaning: known.messages.meaning, cause: known.messages.cause } : null,
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
export const OUTCOME_WORDS: Readonly<Record<JobOutcome, string>> = saidWords({
  failed: 'guidance.diagnosis.outcome.failed',
  'did-not-start': 'guidance.diagnosis.outcome.didNotStart',
  warned: 'guidance.diagnosis.outcome.warned',
});

const OUTCOME_KEYS: Record<JobOutcome, string> = { failed: 'failed', 'did-not-start': 'didNotStart', warned: 'warned' };

/**
 * The headline: "The last backup failed on Tuesday 1 December 2026 at 02:00: <cause>." The date is
 * formatted by the caller (the reader's locale and time zone, through Intl).
 */
export function diagnosisHeadline(diagnosis: Diagnosis, formatDate: (iso: string) => string): string {
  const when = m('guidance.diagnosis.when', { outcome: OUTCOME_KEYS[diagnosis.outcome], date: formatDate(diagnosis.at) });
  if (diagnosis.cause) return t('guidance.diagnosis.headline.cause', { when, cause: diagnosis.cause });
  if (diagnosis.codes.length > 0) return t('guidance.diagnosis.headline.unexplained', { when });
  if (!diagnosis.logsRead) return t('guidance.diagnosis.headline.unread', { when });
  return t('guidance.diagnosis.headline.noCode', { when });
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
  const times = m('guidance.times', { count: code.count });
  if (!code.known) {
    const windows = windowsErrorMeaning(code.code);
    return t('guidance.diagnosis.code.unknown', { code: code.code, times, meaning: windows ?? m('guidance.diagnosis.unexplained') });
  }
  if (code.checks.length === 0)
    return t('guidance.diagnosis.code.unchecked', { code: code.code, times, meaning: code.meaning ?? '', cause: code.cause ?? '' });
  const found = code.checks.map(checkState);
  return t('guidance.diagnosis.code.known', {
    code: code.code,
    times,
    meaning: code.meaning ?? '',
    cause: code.cause ?? '',
    found: joinSentences(found),
  });
}

/** "once", "twice", "1,204 times": how often something was seen. */
export function timesWords(count: number): string {
  return t('guidance.times', { count });
}

/** "a code this tool cannot explain": what a code without a meaning is said to be. */
export function unexplainedWords(): string {
  return t('guidance.diagnosis.unexplained');
}

/** What a code means, for any code: the table's meaning, else Windows' own for a 0x8007xxxx, else null. */
export function codeMeaning(code: DiagnosedCode): string | null {
  return code.meaning ?? windowsErrorMeaning(code.code);
}

/** Whether the cause a check looks at is still there, by its finding's status here: "Still there (blocks backup)". */
export function pointedCheckState(status: FindingStatus | null): string {
  return t('guidance.diagnosis.pointed', { status: status ?? 'none' });
}

function checkState(check: PointedCheck): string {
  if (check.status === null || check.title === null) return t('guidance.diagnosis.state.notChecked', { check: check.check });
  const title = check.title.replace(/[.!。！]$/, '');
  return t('guidance.diagnosis.state.found', { status: check.status, title });
}

/**
 * The time in the reader's time zone, its zone named: "Tue, 1 Dec 2026, 02:41 UTC". In the language the
 * report speaks: for English, the reader's English where that is their locale (en-US, en-GB, ...), else
 * British English; for another language, that language's own form (always the Gregorian calendar and
 * Latin digits, as the rest of the report writes numbers). A `locale` given wins.
 */
export function localDateTime(iso: string, locale?: string, timeZone?: string, withSeconds = false): string {
  const date = dateOf(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const language = currentLanguage();
  const wanted = locale ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  const shown = language === 'en' ? (/^en(-|$)/i.test(wanted) ? wanted : 'en-GB') : (locale ?? language);
  return new Intl.DateTimeFormat(shown, {
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
