// What changed between two reports of a machine (`mars-readiness diff OLD NEW`, and the wizard's "since
// last time"): findings matched by check id and subject (subject-key.ts), each put in one list -
//   resolved   it blocked, warned or was unknown before, and now passes, is for information, or is gone;
//   new        it was not there before, and now blocks, warns or is unknown;
//   regressed  it is worse now: from fine to a warning or unknown, or to a blocker;
//   improved   it is better now but not fine: from a blocker to a warning or unknown;
//   changed    as bad as before, in another way (a warning that is now unknown, or the other way round).
// A waived finding (--waivers) counts as the status its check gave: a waiver changes the verdict, not the
// machine. Pure; the words are wrapped as the rest of the text output (wrap.ts).

import { localDateTime } from './diagnosis.js';
import { visibleLines, visibleText } from './visible-text.js';
import { VERDICT_WORDS } from './grouping.js';
import { areaOf } from '../rules/catalogue.js';
import { t } from '../i18n/translate.js';
import { m, type MessageId, type Msg } from '../i18n/message.js';
import { findingKey } from './subject-key.js';
import type { CheckId, Finding, FindingStatus, Report, Verdict } from './types.js';
import { displayWidth, wrapIndented } from './wrap.js';

export type ComparableReport = Pick<Report, 'generatedAt' | 'verdict'> & {
  matrix: Pick<Report['matrix'], 'edition' | 'date'>;
  host: Pick<Report['host'], 'name'>;
  findings: readonly Pick<Finding, 'check' | 'subject' | 'status' | 'title' | 'waivedStatus'>[];
};

export interface DiffEntry {
  check: CheckId;
  subject: string | null;
  /** The finding's title now (before, for one that is gone). */
  title: string;
  /** Its status in each report, as the report gives it; null where it is not there. */
  was: FindingStatus | null;
  now: FindingStatus | null;
}

export interface ReportSide {
  generatedAt: string;
  host: string | null;
  verdict: Verdict;
  matrix: { edition: string; date: string };
}

export interface ReportDiff {
  from: ReportSide;
  to: ReportSide;
  resolved: DiffEntry[];
  new: DiffEntry[];
  regressed: DiffEntry[];
  improved: DiffEntry[];
  changed: DiffEntry[];
  /** Findings in both with the same status. */
  unchanged: number;
  /** What to bear in mind: two different machines, two editions of the matrix. */
  notes: string[];
}

type Comparable = ComparableReport['findings'][number];

/** How bad a status is: 2 blocks, 1 warns or is not known, 0 is fine; a waived finding by its check's status. */
function level(f: Comparable | undefined): number {
  if (!f) return 0;
  const status = f.status === 'waived' ? (f.waivedStatus ?? 'fail') : f.status;
  return status === 'fail' ? 2 : status === 'warn' || status === 'unknown' ? 1 : 0;
}

const effective = (f: Comparable) => (f.status === 'waived' ? (f.waivedStatus ?? f.status) : f.status);

const sideOf = (report: ComparableReport): ReportSide => ({
  generatedAt: report.generatedAt,
  host: report.host.name,
  verdict: report.verdict,
  matrix: { edition: report.matrix.edition, date: report.matrix.date },
});

export function diffReports(from: ComparableReport, to: ComparableReport): ReportDiff {
  const before = new Map(from.findings.map((f) => [findingKey(f), f]));
  const after = new Map(to.findings.map((f) => [findingKey(f), f]));
  const diff: ReportDiff = {
    from: sideOf(from),
    to: sideOf(to),
    resolved: [],
    new: [],
    regressed: [],
    improved: [],
    changed: [],
    unchanged: 0,
    notes: [],
  };
  const entry = (was: Comparable | undefined, now: Comparable | undefined): DiffEntry => ({
    check: (now ?? was)!.check,
    subject: (now ?? was)!.subject,
    title: (now ?? was)!.title,
    was: was?.status ?? null,
    now: now?.status ?? null,
  });
  for (const [key, now] of after) {
    const was = before.get(key);
    const [a, b] = [level(was), level(now)];
    if (!was) {
      if (b > 0) diff.new.push(entry(was, now));
    } else if (a > 0 && b === 0) diff.resolved.push(entry(was, now));
    else if (b > a) diff.regressed.push(entry(was, now));
    else if (b < a) diff.improved.push(entry(was, now));
    else if (b > 0 && effective(was) !== effective(now)) diff.changed.push(entry(was, now));
    else diff.unchanged++;
  }
  for (const [key, was] of before) if (!after.has(key) && level(was) > 0) diff.resolved.push(entry(was, undefined));

  const [a, b] = [from.host.name, to.host.name];
  if (a !== null && b !== null && a.toLowerCase() !== b.toLowerCase()) diff.notes.push(t('report.diff.note.machines', { a, b }));
  if (from.matrix.edition !== to.matrix.edition)
    diff.notes.push(t('report.diff.note.editions', { a: from.matrix.edition, b: to.matrix.edition }));
  return diff;
}

/** Whether the difference should fail a script: something got worse, or something new blocks (waived findings aside). */
export function diffFails(diff: ReportDiff): boolean {
  return diff.regressed.some((e) => e.now !== 'waived') || diff.new.some((e) => e.now === 'fail');
}

/** Nothing in any list. */
export const nothingChanged = (diff: ReportDiff): boolean =>
  diff.resolved.length + diff.new.length + diff.regressed.length + diff.improved.length + diff.changed.length === 0;

/** A status in words, for a sentence: "blocks backup", "a warning", "gone". */
function statusWords(status: FindingStatus | null, check: CheckId): Msg {
  return m('report.diff.status', { status: status ?? 'gone', restore: areaOf(check) === 'restore' ? 'yes' : 'no' });
}

/** One line per finding that changed: its title, what it was and what it is now. */
export function diffEntryWords(e: DiffEntry): string {
  const title = e.title.replace(/[.!]$/, '');
  if (e.was === null) return t('report.diff.entry.new', { title, now: statusWords(e.now, e.check) });
  return t('report.diff.entry.changed', { title, was: statusWords(e.was, e.check), now: statusWords(e.now, e.check) });
}

/** "2026-11-25 12:00 UTC": a report's time, the same wherever the text is read. */
/** A run's time in the reader's words and zone (by Intl), to the second when needed to tell two runs apart. */
const when = (iso: string, withSeconds = false) => localDateTime(iso, undefined, undefined, withSeconds);

type DiffList = 'regressed' | 'new' | 'resolved' | 'improved' | 'changed';

/** The lists in their order, each with its heading in the current language. */
export const DIFF_LISTS: readonly { key: DiffList; readonly heading: string }[] = (
  ['regressed', 'new', 'resolved', 'improved', 'changed'] as const
).map((key) => ({
  key,
  get heading() {
    return t(`report.diff.list.${key}` as MessageId);
  },
}));

/** A one-line summary: "Since 2026-11-20 09:30 UTC: 1 resolved, 1 new." (the wizard's "since last time"). */
export function diffHeadline(diff: ReportDiff): string {
  const since = when(diff.from.generatedAt);
  if (nothingChanged(diff)) return t('report.diff.headline.nothing', { since });
  const parts = DIFF_LISTS.filter(({ key }) => diff[key].length > 0).map(({ key }) =>
    t(`report.diff.count.${key}` as MessageId, { count: diff[key].length }),
  );
  return t('report.diff.headline.changes', { since, parts: parts.join(t('report.diff.separator')) });
}

/** The difference as text, every line within `width`. */
export function renderDiffText(diff: ReportDiff, width = 80): string {
  const w = Math.max(40, width);
  const host = diff.to.host ?? diff.from.host;
  const seconds = when(diff.from.generatedAt) === when(diff.to.generatedAt);
  const span = { from: when(diff.from.generatedAt, seconds), to: when(diff.to.generatedAt, seconds) };
  const lines = wrapIndented(
    host ? t('report.diff.heading', { machine: visibleText(host), ...span }) : t('report.diff.headingUnnamed', span),
    w,
    '',
  );
  const verdict =
    diff.from.verdict === diff.to.verdict
      ? t('report.diff.verdict.same', { verdict: VERDICT_WORDS[diff.to.verdict] })
      : t('report.diff.verdict.changed', { was: VERDICT_WORDS[diff.from.verdict], now: VERDICT_WORDS[diff.to.verdict] });
  lines.push(...wrapIndented(verdict, w, ''));
  for (const note of diff.notes) {
    const said = t('report.text.note', { note: '\uE001' });
    const hanging = ' '.repeat(displayWidth(said.slice(0, said.indexOf('\uE001'))));
    lines.push(...wrapIndented(said.replace('\uE001', note), w, '', hanging));
  }
  if (nothingChanged(diff)) {
    lines.push('', ...wrapIndented(t('report.diff.nothing', { count: diff.unchanged }), w, ''));
    return visibleLines(`${lines.join('\n')}\n`);
  }
  for (const { key, heading } of DIFF_LISTS) {
    const entries = diff[key];
    if (entries.length === 0) continue;
    lines.push('', t('report.markdown.section', { heading, count: entries.length }));
    for (const e of entries) {
      lines.push(...wrapIndented(`- ${diffEntryWords(e)}`, w, '  ', '    '));
      lines.push(...wrapIndented(`${e.check}${e.subject ? ` ${e.subject}` : ''}`, w, '    '));
    }
  }
  lines.push('', ...wrapIndented(t('report.diff.same', { count: diff.unchanged }), w, ''));
  // The titles and subjects come from the two files: nothing in them may steer the terminal.
  return visibleLines(`${lines.join('\n')}\n`);
}
