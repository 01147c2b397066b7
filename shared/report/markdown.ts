// The report as Markdown, for a ticket or a chat (`check --format markdown`): a heading with the machine,
// the verdict and its counts, what the agent's history says when the last backup failed, the Do this first
// list (by who acts, each action with its steps and what it resolves), then the blockers, warnings and
// unknowns with their fixes and Learn more links, what is for information, and the passed checks as a
// table. Every value from the profile is escaped, so that a path or an address never turns into markup.

import { visibleReport } from './visible-text.js';
import { FIX_TITLES } from '../actions/fix-plan.js';
import { AREA_NAMES, areaOf } from '../rules/catalogue.js';
import { plural } from '../rules/finding.js';
import { codeMeaning, diagnose, diagnosisHeadline, localDateTime, pointedCheckState, timesWords } from './diagnosis.js';
import { ACTION_STATUS_WORDS, doThisFirst, machineKindOf, whoWords, type MachineKind } from './do-this-first.js';
import { groupFindings, statusLabel, VERDICT_WORDS } from './grouping.js';
import { evidenceFacts, factText } from './evidence-words.js';
import { countsWords } from './html.js';
import type { Finding, FindingStatus, Report } from './types.js';
import { waivedWords, waiverNotes } from './waiver-words.js';

export interface MarkdownOptions {
  /** How a time reads (the reader's locale and time zone by default, through Intl). */
  formatDate?: (iso: string) => string;
}

/**
 * Text as Markdown shows it literally: every character CommonMark (or a GitHub table) could read as markup
 * is escaped, a backslash only where it would escape what follows (so that "C:\Program Files" stays as it
 * is), a number or a sign that would start a list at the start; new lines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\\(?=[!-/:-@[-`{-~])|[`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+#=])/, '\\$1');
}

/** A link to an https address (Microsoft's documentation); anything else is left as words. */
function link(words: string, url: string): string {
  if (!/^https:\/\/[^\s<>]+$/.test(url)) return escapeMarkdown(words);
  return `[${escapeMarkdown(words)}](${url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`;
}

/** Text as a code span, fenced with more backticks than it holds (also the network request's, render.ts). */
const code = (text: string) => {
  const ticks = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1;
  const fence = '`'.repeat(ticks);
  return `${fence}${ticks > 1 || /^`|`$/.test(text) ? ` ${text} ` : text}${fence}`;
};
export { code as markdownCode };

const SECTIONS: readonly { status: FindingStatus; heading: string }[] = [
  { status: 'fail', heading: 'Blockers' },
  { status: 'warn', heading: 'Warnings' },
  { status: 'unknown', heading: 'Not known' },
  { status: 'waived', heading: 'Waived' },
];

function findingMarkdown(f: Finding, machine: MachineKind): string[] {
  const lines = [
    `### ${escapeMarkdown(f.title)}`,
    '',
    `${statusLabel(f.status, f.check)} - ${AREA_NAMES[areaOf(f.check)]}. ${escapeMarkdown(f.detail)}`,
  ];
  const waived = waivedWords(f);
  if (waived) lines.push('', `_${escapeMarkdown(waived)}_`);
  const facts = evidenceFacts(f);
  if (facts.length > 0) lines.push('', 'What the check saw:', '', ...facts.map((fact) => `- ${escapeMarkdown(factText(fact))}`));
  if (f.fix) {
    const wizard = f.fix.action
      ? ` (the wizard can do it for you: ${FIX_TITLES[f.fix.action]}; ${code(`mars-readiness fix ${f.fix.action}`)})`
      : '';
    lines.push('', `**What to do**, by ${whoWords(f.fix.who, machine, 'sentence')}${wizard}:`, '');
    f.fix.steps.forEach((step, i) => lines.push(`${i + 1}. ${escapeMarkdown(step)}`));
  }
  lines.push('', `${link(`Learn more: ${f.source.section}`, f.source.url)} - ${code(f.check)}${f.subject ? ` ${code(f.subject)}` : ''}`);
  return lines;
}

export function renderMarkdown(given: Report, options: MarkdownOptions = {}): string {
  // A profile's strings reach people here: no control character or direction override gets through.
  const report = visibleReport(given);
  const formatDate = options.formatDate ?? ((iso: string) => localDateTime(iso));
  const machine = [report.host.name, report.host.os].filter(Boolean).join(', ') || 'Unnamed machine';
  const kind = machineKindOf(report);
  const lines: string[] = [
    `# MARS readiness: ${escapeMarkdown(machine)}`,
    '',
    `**${VERDICT_WORDS[report.verdict]}**: ${countsWords(report.counts)}.`,
    ...waiverNotes(report).flatMap((note) => ['', `> ${escapeMarkdown(note)}`]),
    '',
    `Support matrix ${escapeMarkdown(report.matrix.edition)} (${escapeMarkdown(report.matrix.date)}). Report made ${escapeMarkdown(formatDate(report.generatedAt))} by ${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)}${report.host.capturedAt ? `; machine examined ${escapeMarkdown(formatDate(report.host.capturedAt))}` : ''}.`,
  ];

  const diagnosis = diagnose(report);
  if (diagnosis) {
    lines.push('', `**${escapeMarkdown(diagnosisHeadline(diagnosis, formatDate))}**`);
    if (diagnosis.codes.length > 0) lines.push('');
    for (const c of diagnosis.codes) {
      const checks = c.checks
        .map((check) => {
          const finding = report.findings.find((f) => f.check === check.check && f.subject === check.subject);
          return `${pointedCheckState(finding ? check.status : null)}${finding ? `: ${escapeMarkdown(finding.title)}` : ''}`;
        })
        .join('; ');
      lines.push(
        `- ${code(c.code)} (seen ${timesWords(c.count)}): ${escapeMarkdown(codeMeaning(c) ?? 'a code this tool cannot explain')}.${c.cause ? ` Usually ${escapeMarkdown(c.cause)}.` : ''}${checks ? ` ${checks}.` : ''}`,
      );
    }
  }

  const first = doThisFirst(report);
  lines.push('', '## Do this first', '');
  if (first.count === 0) lines.push('Nothing: no check found a problem or left a question open.');
  let n = 0;
  for (const group of first.groups) {
    lines.push(`### ${whoWords(group.who, first.machine)}`, '');
    for (const action of group.actions) {
      const marker = `${++n}. `;
      // A nested list starts where the item's text does.
      const indent = ' '.repeat(marker.length);
      lines.push(`${marker}**${escapeMarkdown(action.title)}** (${ACTION_STATUS_WORDS[action.status].toLowerCase()})`);
      action.steps.forEach((step, i) => lines.push(`${indent}${i + 1}. ${escapeMarkdown(step)}`));
      lines.push(`${indent}- Resolves: ${action.resolves.map((f) => escapeMarkdown(f.title)).join('; ')}`);
      if (action.action)
        lines.push(
          `${indent}- The wizard can do it for you: ${FIX_TITLES[action.action]} (${code(`mars-readiness fix ${action.action}`)})`,
        );
    }
    lines.push('');
  }

  const ordered = groupFindings(report.findings).flatMap((g) => g.findings);
  const of = (status: FindingStatus) => ordered.filter((f) => f.status === status);
  for (const { status, heading } of SECTIONS) {
    const findings = of(status);
    if (findings.length === 0) continue;
    lines.push('', `## ${heading} (${findings.length})`);
    for (const f of findings) lines.push('', ...findingMarkdown(f, kind));
  }
  const info = of('info');
  if (info.length > 0) {
    lines.push('', '## For information', '');
    for (const f of info) lines.push(`- **${escapeMarkdown(f.title)}**. ${escapeMarkdown(f.detail)} ${link('Learn more', f.source.url)}`);
  }
  // Passed checks in the catalogue's order, as the reference lists them.
  const passed = report.findings.filter((f) => f.status === 'pass');
  if (passed.length > 0) {
    lines.push('', `## Passed (${plural(passed.length, 'check')})`, '', '| Area | Check | Support matrix |', '| --- | --- | --- |');
    for (const f of passed)
      lines.push(`| ${AREA_NAMES[areaOf(f.check)]} | ${escapeMarkdown(f.title)} | ${link(f.source.section, f.source.url)} |`);
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
