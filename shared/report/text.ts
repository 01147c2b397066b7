// The report as text for a terminal: grouped by area, the areas with blockers first, every line within
// the given width (80 columns by default). Colour is the caller's choice (only on a TTY); status words
// are always printed too, so colour is never the only signal.

import wrapAnsi from 'wrap-ansi';
import { plural } from '../rules/finding.js';
import { groupFindings, VERDICT_WORDS } from './grouping.js';
import type { Finding, Report } from './types.js';
import { diagnose, diagnosedCodeLine, diagnosisHeadline, localDateTime, type Diagnosis } from './diagnosis.js';

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
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const p = options.palette ?? PLAIN;
  const lines: string[] = [];
  const verdictColour = report.verdict === 'ready' ? p.green : report.verdict === 'not-ready' ? p.red : p.yellow;

  lines.push(`${p.bold('MARS readiness:')} ${verdictColour(p.bold(shout(report.verdict)))}`);
  const machine = [report.host.name, report.host.os].filter(Boolean).join(', ');
  if (machine) lines.push(...wrapIndented(machine, width, ''));
  lines.push(p.dim(`Support matrix: ${report.matrix.edition} (${report.matrix.date})`));
  const c = report.counts;
  lines.push(`${c.fail} blocking, ${plural(c.warn, 'warning')}, ${c.unknown} unknown, ${c.pass} passed, ${c.info} for information`);

  const diagnosis = diagnose(report);
  if (diagnosis) lines.push('', ...diagnosisLines(diagnosis, width, p, options.formatDate ?? ((iso) => localDateTime(iso))));

  const groups = groupFindings(report.findings);
  if (options.historyFirst) groups.sort((a, b) => Number(isHistory(b)) - Number(isHistory(a)));
  for (const group of groups) {
    lines.push('', p.bold(group.name));
    for (const f of group.findings) lines.push(...renderFinding(f, width, p));
  }
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
    lines.push(
      ...wrapIndented(
        `This tool can put it right: mars-readiness fix ${action!}${action === 'relocate-cache' ? ' --to <folder>' : ''}`,
        width,
        '  ',
        '    ',
      ),
    );
  return lines;
}

function renderFinding(f: Finding, width: number, p: Palette): string[] {
  // Words, each as wide as the widest, so that titles line up: "unknown" is said, never drawn as "????".
  const label = {
    fail: p.red('FAIL   '),
    warn: p.yellow('WARN   '),
    unknown: p.cyan('UNKNOWN'),
    info: p.dim('INFO   '),
    pass: p.green('PASS   '),
  }[f.status];
  const indent = ' '.repeat(11);
  const lines = wrapIndented(f.title, width - 2, indent).map((line, i) => (i === 0 ? `  ${label}  ${line.trimStart()}` : `  ${line}`));
  if (f.status === 'pass') return lines;
  lines.push(...wrapIndented(f.detail, width, indent));
  if (f.fix) {
    const action = f.fix.action ? `; the wizard can do it: ${f.fix.action}` : '';
    lines.push(...wrapIndented(`What to do (${f.fix.who}${action}):`, width, indent));
    f.fix.steps.forEach((step, i) => lines.push(...wrapIndented(`${i + 1}. ${step}`, width, `${indent}  `, `${indent}     `)));
  }
  lines.push(p.dim(wrapIndented(`${f.check}${f.subject ? ` ${f.subject}` : ''} - ${f.source.section}`, width, indent).join('\n')));
  return lines;
}

/** Word-wraps text to `width` columns, the first line indented by `first`, the others by `rest`. */
/** The longest text one line of facts shows; a profile may carry far more (a 20 MB host name, say). */
const MAX_SHOWN = 2000;

/**
 * Word-wraps text to `width` columns, the first line indented by `first`, the others by `rest`; a text
 * longer than MAX_SHOWN is shortened first, saying by how much, so a report stays readable (and small).
 */
export function wrapIndented(text: string, width: number, first: string, rest = first): string[] {
  const shown =
    text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${(text.length - MAX_SHOWN).toLocaleString('en-US')} more characters)` : text;
  const room = width - Math.max(first.length, rest.length);
  const body = wrapAnsi(breakLongWords(shown, room), room, { hard: true, trim: true });
  return body.split('\n').map((line, i) => `${i === 0 ? first : rest}${line}`);
}

/**
 * A word longer than a line (a deep path, a registry key) is never cut inside a name: it goes on lines
 * of its own, broken after a backslash or slash, each piece as long as a line allows. Only a name longer
 * than a whole line is cut, as a last resort.
 */
export function breakLongWords(text: string, room: number): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .split(' ')
        .map((word) => (visibleLength(word) <= room ? word : `\n${piecesOf(word, room).join('\n')}\n`))
        .join(' ')
        .replace(/ ?\n ?/g, '\n')
        .replace(/^\n|\n$/g, ''),
    )
    .join('\n');
}

function piecesOf(word: string, room: number): string[] {
  const parts = word.split(/(?<=[\\/])/);
  const pieces: string[] = [];
  let current = '';
  for (const part of parts) {
    if (current && current.length + part.length > room) {
      pieces.push(current);
      current = '';
    }
    current += part;
  }
  if (current) pieces.push(current);
  return pieces;
}

// eslint-disable-next-line no-control-regex
const visibleLength = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').length;
