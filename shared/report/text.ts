// The report as text for a terminal: grouped by area, the areas with blockers first, every line within
// the given width (80 columns by default). Colour is the caller's choice (only on a TTY); status words
// are always printed too, so colour is never the only signal.

import { visibleReport } from './visible-text.js';
import { displayWidth, wrapIndented } from './wrap.js';
import { groupFindings, machineWords, saidWords } from './grouping.js';
import { currentLanguage, t } from '../i18n/translate.js';
import { learnUrl } from '../i18n/languages.js';
import { sectionWords } from '../matrix/citation-words.js';
import type { ActionId, Finding, Report } from './types.js';
import { diagnose, diagnosedCodeLine, diagnosisHeadline, localDateTime, type Diagnosis } from './diagnosis.js';
import { doThisFirst, machineKindOf, whoWords, type DoThisFirst, type MachineKind } from './do-this-first.js';
import { notForThisOs, notHereWords } from './gui-words.js';
import type { OsFamily } from '../profile/types.js';
import { waivedWords, waiverNotes } from './waiver-words.js';

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const PLAIN: Palette = { red: id, yellow: id, green: id, cyan: id, dim: id, bold: id };

function id(text: string): string {
  return text;
}

/** The verdict as the terminal shows it: the report's words, in capitals where the script has them, without the pause of the comma. */
const SHOUTED = saidWords<Report['verdict']>({
  ready: 'report.text.verdict.ready',
  'ready-with-warnings': 'report.text.verdict.readyWithWarnings',
  'not-ready': 'report.text.verdict.notReady',
});

/** The status words before each finding's title, in capitals. */
const LABELS = saidWords<Finding['status']>({
  fail: 'report.text.label.fail',
  warn: 'report.text.label.warn',
  unknown: 'report.text.label.unknown',
  info: 'report.text.label.info',
  waived: 'report.text.label.waived',
  pass: 'report.text.label.pass',
});

/** Stands for a value inside a sentence that is coloured apart from it (a private-use character no report holds). */
const MARK = '\uE001';

/** A sentence in two parts around one value: the words before it and after it. */
function around(sentence: string): [string, string] {
  const [before = '', after = ''] = sentence.split(MARK);
  return [before, after];
}

export interface TextOptions {
  width?: number;
  palette?: Palette;
  /** The doctor's order: the backup history's findings first. */
  historyFirst?: boolean;
  /** How a time reads (the reader's locale and time zone by default). */
  formatDate?: (iso: string) => string;
  /**
   * The machine the report is of, where the caller knows it (a live check): on one that is not Windows,
   * the checks that need Windows fold into one line saying why, as on the wizard's results page.
   */
  machine?: { family: OsFamily; osName: string };
}

export function renderText(given: Report, options: TextOptions = {}): string {
  // A profile's strings reach people here: no control character or direction override gets through.
  const report = visibleReport(given);
  const width = Math.max(40, options.width ?? 80);
  const p = options.palette ?? PLAIN;
  const lines: string[] = [];
  const verdictColour = report.verdict === 'ready' ? p.green : report.verdict === 'not-ready' ? p.red : p.yellow;

  const [before, after] = around(t('report.text.heading', { verdict: MARK }));
  const space = /\s+$/.exec(before)?.[0] ?? '';
  lines.push(
    `${p.bold(before.slice(0, before.length - space.length))}${space}${verdictColour(p.bold(SHOUTED[report.verdict]))}${after ? p.bold(after) : ''}`,
  );
  const machine = machineWords(report.host);
  if (machine) lines.push(...wrapIndented(machine, width, ''));
  lines.push(
    p.dim(wrapIndented(t('report.text.matrix', { edition: report.matrix.edition, date: report.matrix.date }), width, '').join('\n')),
  );
  const c = report.counts;
  lines.push(
    ...wrapIndented(
      t('report.text.counts', {
        fail: c.fail,
        warn: c.warn,
        unknown: c.unknown,
        pass: c.pass,
        info: c.info,
        waived: c.waived ?? 0,
        withWaivers: c.waived !== undefined ? 'yes' : 'no',
      }),
      width,
      '',
    ),
  );
  for (const note of waiverNotes(report)) {
    const said = t('report.text.note', { note: MARK });
    const hanging = ' '.repeat(displayWidth(said.slice(0, said.indexOf(MARK))));
    lines.push(...wrapIndented(said.replace(MARK, note), width, '', hanging));
  }

  const diagnosis = diagnose(report);
  if (diagnosis) lines.push('', ...diagnosisLines(diagnosis, width, p, options.formatDate ?? ((iso) => localDateTime(iso))));

  const notHere = options.machine ? report.findings.filter((f) => notForThisOs(f, options.machine!.family)) : [];
  const shown = report.findings.filter((f) => !notHere.includes(f));
  const first = doThisFirst({ ...report, findings: shown });
  if (first.count > 0) lines.push('', ...doThisFirstLines(first, width, p));

  const kind = machineKindOf(report);
  const groups = groupFindings(shown);
  if (options.historyFirst) groups.sort((a, b) => Number(isHistory(b)) - Number(isHistory(a)));
  for (const group of groups) {
    lines.push('', p.bold(group.name));
    for (const f of group.findings) lines.push(...renderFinding(f, width, p, kind));
  }
  if (notHere.length > 0)
    lines.push(
      '',
      p.bold(t('report.text.needWindows')),
      ...wrapIndented(notHereWords(notHere.length, options.machine!.osName), width, '  '),
    );
  return `${lines.join('\n')}\n`;
}

const isHistory = (group: { findings: Finding[] }) => group.findings.some((f) => f.check.startsWith('history.'));

/** The doctor's words: what happened to the last backup, and each code with the check that points to its cause. */
function diagnosisLines(diagnosis: Diagnosis, width: number, p: Palette, formatDate: (iso: string) => string): string[] {
  const colour = diagnosis.outcome === 'warned' ? p.yellow : p.red;
  const lines = wrapIndented(diagnosisHeadline(diagnosis, formatDate), width, '').map((line) => colour(p.bold(line)));
  for (const code of diagnosis.codes) lines.push(...wrapIndented(`- ${diagnosedCodeLine(code)}`, width, '  ', '    '));
  const actions = [...new Set(diagnosis.codes.flatMap((c) => (c.stillThere ? c.checks.map((k) => k.action) : [])).filter(Boolean))];
  for (const action of actions)
    lines.push(...wrapIndented(t('report.text.canPutRight', { command: fixCommand(action!) }), width, '  ', '    '));
  return lines;
}

/** The command that carries out a fix, with the one option it cannot do without. */
const fixCommand = (action: ActionId) => `mars-readiness fix ${action}${action === 'relocate-cache' ? ' --to <folder>' : ''}`;

/** The short list the wizard and the HTML report open with: one line per root cause, by who acts; the steps are the findings' own, below. */
function doThisFirstLines(first: DoThisFirst, width: number, p: Palette): string[] {
  const lines = [p.bold(t('report.doThisFirst.heading'))];
  let n = 0;
  for (const group of first.groups) {
    lines.push(...wrapIndented(t('report.text.who', { who: whoWords(group.who, first.machine) }), width, '  '));
    for (const action of group.actions) {
      const marker = `${++n}. `;
      const indent = ' '.repeat(4 + marker.length);
      lines.push(
        ...wrapIndented(`${marker}${t('report.action.titled', { title: action.title, status: action.status })}`, width, '    ', indent),
      );
      if (action.resolves.length > 1)
        lines.push(...wrapIndented(t('report.text.resolves', { titles: titlesWords(action.resolves) }), width, indent));
      if (action.action) lines.push(...wrapIndented(t('report.text.canDoIt', { command: fixCommand(action.action) }), width, indent));
    }
  }
  return lines;
}

function renderFinding(f: Finding, width: number, p: Palette, kind: MachineKind): string[] {
  // Words, each as wide as the widest, so that titles line up: "unknown" is said, never drawn as "????".
  const widest = Math.max(...Object.values(LABELS).map(displayWidth));
  const word = LABELS[f.status];
  const padded = word + ' '.repeat(widest - displayWidth(word));
  const colour = { fail: p.red, warn: p.yellow, unknown: p.cyan, info: p.dim, waived: p.dim, pass: p.green }[f.status];
  const label = colour(padded);
  const indent = ' '.repeat(widest + 4);
  const lines = wrapIndented(f.title, width - 2, indent).map((line, i) => (i === 0 ? `  ${label}  ${line.trimStart()}` : `  ${line}`));
  if (f.status === 'pass') return lines;
  lines.push(...wrapIndented(f.detail, width, indent));
  const waived = waivedWords(f);
  if (waived) lines.push(...wrapIndented(waived, width, indent));
  if (f.fix) {
    // Who, in words that fit the machine ("an administrator of this PC" on a laptop), as the wizard says it.
    lines.push(...wrapIndented(t('report.text.whatToDo', { who: whoWords(f.fix.who, kind, 'sentence') }), width, indent));
    f.fix.steps.forEach((step, i) => lines.push(...wrapIndented(`${i + 1}. ${step}`, width, `${indent}  `, `${indent}     `)));
    if (f.fix.action) lines.push(...wrapIndented(t('report.text.canDoIt', { command: fixCommand(f.fix.action) }), width, indent));
  }
  const source = f.subject
    ? t('report.text.sourceOfSubject', { check: f.check, subject: f.subject, section: sectionWords(f.source.section) })
    : t('report.text.source', { check: f.check, section: sectionWords(f.source.section) });
  lines.push(p.dim(wrapIndented(source, width, indent).join('\n')));
  if (f.source.url)
    lines.push(
      p.dim(wrapIndented(t('report.text.learnMore', { url: learnUrl(f.source.url, currentLanguage()) }), width, indent).join('\n')),
    );
  return lines;
}

/** Findings' titles one after the other ("A; B; C"), as a sentence lists them. */
export function titlesWords(findings: readonly { title: string }[]): string {
  return findings.map((f) => f.title).join(t('report.titles.separator'));
}

export { wrapIndented } from './wrap.js';
