// The report as text for a terminal: grouped by area, the areas with blockers first, every line within
// the given width (80 columns by default). Colour is the caller's choice (only on a TTY); status words
// are always printed too, so colour is never the only signal.

import { visibleReport } from './visible-text.js';
import { wrapIndented } from './wrap.js';
import { plural } from '../rules/finding.js';
import { groupFindings, VERDICT_WORDS } from './grouping.js';
import type { ActionId, Finding, Report } from './types.js';
import { diagnose, diagnosedCodeLine, diagnosisHeadline, localDateTime, type Diagnosis } from './diagnosis.js';
import { ACTION_STATUS_WORDS, doThisFirst, machineKindOf, whoWords, type DoThisFirst, type MachineKind } from './do-this-first.js';
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

/** The verdict as the terminal shows it: the report's words, in capitals, without the pause of the comma. */
const shout = (verdict: Report['verdict']) => VERDICT_WORDS[verdict].replace(',', '').toUpperCase();

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

  lines.push(`${p.bold('MARS readiness:')} ${verdictColour(p.bold(shout(report.verdict)))}`);
  const machine = [report.host.name, report.host.os].filter(Boolean).join(', ');
  if (machine) lines.push(...wrapIndented(machine, width, ''));
  lines.push(p.dim(wrapIndented(`Support matrix: ${report.matrix.edition} (${report.matrix.date})`, width, '').join('\n')));
  const c = report.counts;
  lines.push(
    ...wrapIndented(
      `${c.fail} blocking, ${plural(c.warn, 'warning')}, ${c.unknown} unknown, ${c.pass} passed, ${c.info} for information${c.waived !== undefined ? `, ${c.waived} waived` : ''}`,
      width,
      '',
    ),
  );
  for (const note of waiverNotes(report)) lines.push(...wrapIndented(`Note: ${note}`, width, '', '      '));

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
    lines.push('', p.bold('Checks that need Windows'), ...wrapIndented(notHereWords(notHere.length, options.machine!.osName), width, '  '));
  return `${lines.join('\n')}\n`;
}

const isHistory = (group: { findings: Finding[] }) => group.findings.some((f) => f.check.startsWith('history.'));

/** The doctor's words: what happened to the last backup, and each code with the check that points to its cause. */
function diagnosisLines(diagnosis: Diagnosis, width: number, p: Palette, formatDate: (iso: string) => string): string[] {
  const colour = diagnosis.outcome === 'warned' ? p.yellow : p.red;
  const lines = wrapIndented(diagnosisHeadline(diagnosis, formatDate), width, '').map((line) => colour(p.bold(line)));
  for (const code of diagnosis.codes) lines.push(...wrapIndented(`- ${diagnosedCodeLine(code)}`, width, '  ', '    '));
  const actions = [...new Set(diagnosis.codes.flatMap((c) => (c.stillThere ? c.checks.map((k) => k.action) : [])).filter(Boolean))];
  for (const action of actions) lines.push(...wrapIndented(`This tool can put it right: ${fixCommand(action!)}`, width, '  ', '    '));
  return lines;
}

/** The command that carries out a fix, with the one option it cannot do without. */
const fixCommand = (action: ActionId) => `mars-readiness fix ${action}${action === 'relocate-cache' ? ' --to <folder>' : ''}`;

/** The short list the wizard and the HTML report open with: one line per root cause, by who acts; the steps are the findings' own, below. */
function doThisFirstLines(first: DoThisFirst, width: number, p: Palette): string[] {
  const lines = [p.bold('Do this first')];
  let n = 0;
  for (const group of first.groups) {
    lines.push(...wrapIndented(`${whoWords(group.who, first.machine)}:`, width, '  '));
    for (const action of group.actions) {
      const marker = `${++n}. `;
      const indent = ' '.repeat(4 + marker.length);
      lines.push(...wrapIndented(`${marker}${action.title} (${ACTION_STATUS_WORDS[action.status].toLowerCase()})`, width, '    ', indent));
      if (action.resolves.length > 1)
        lines.push(...wrapIndented(`Resolves: ${action.resolves.map((f) => f.title).join('; ')}.`, width, indent));
      if (action.action) lines.push(...wrapIndented(`This tool can do it: ${fixCommand(action.action)}`, width, indent));
    }
  }
  return lines;
}

function renderFinding(f: Finding, width: number, p: Palette, kind: MachineKind): string[] {
  // Words, each as wide as the widest, so that titles line up: "unknown" is said, never drawn as "????".
  const label = {
    fail: p.red('FAIL   '),
    warn: p.yellow('WARN   '),
    unknown: p.cyan('UNKNOWN'),
    info: p.dim('INFO   '),
    waived: p.dim('WAIVED '),
    pass: p.green('PASS   '),
  }[f.status];
  const indent = ' '.repeat(11);
  const lines = wrapIndented(f.title, width - 2, indent).map((line, i) => (i === 0 ? `  ${label}  ${line.trimStart()}` : `  ${line}`));
  if (f.status === 'pass') return lines;
  lines.push(...wrapIndented(f.detail, width, indent));
  const waived = waivedWords(f);
  if (waived) lines.push(...wrapIndented(waived, width, indent));
  if (f.fix) {
    // Who, in words that fit the machine ("an administrator of this PC" on a laptop), as the wizard says it.
    lines.push(...wrapIndented(`What to do, by ${whoWords(f.fix.who, kind, 'sentence')}:`, width, indent));
    f.fix.steps.forEach((step, i) => lines.push(...wrapIndented(`${i + 1}. ${step}`, width, `${indent}  `, `${indent}     `)));
    if (f.fix.action) lines.push(...wrapIndented(`This tool can do it: ${fixCommand(f.fix.action)}`, width, indent));
  }
  lines.push(p.dim(wrapIndented(`${f.check}${f.subject ? ` ${f.subject}` : ''} - ${f.source.section}`, width, indent).join('\n')));
  if (f.source.url) lines.push(p.dim(wrapIndented(`Learn more: ${f.source.url}`, width, indent).join('\n')));
  return lines;
}

export { wrapIndented } from './wrap.js';
