// The report as Markdown, for a ticket or a chat (`check --format markdown`): a heading with the machine,
// the verdict and its counts, what the agent's history says when the last backup failed, the Do this first
// list (by who acts, each action with its steps and what it resolves), then the blockers, warnings and
// unknowns with their fixes and Learn more links, what is for information, and the passed checks as a
// table. Every value from the profile is escaped, so that a path or an address never turns into markup.

import { visibleReport } from './visible-text.js';
import { FIX_TITLES } from '../actions/fix-plan.js';
import { areaOf } from '../rules/catalogue.js';
import { codeMeaning, diagnose, diagnosisHeadline, localDateTime, pointedCheckState, timesWords, unexplainedWords } from './diagnosis.js';
import { doThisFirst, machineKindOf, whoWords, type MachineKind } from './do-this-first.js';
import { areaWords, groupFindings, machineWords, statusLabel, VERDICT_WORDS } from './grouping.js';
import { currentLanguage, t } from '../i18n/translate.js';
import { learnUrl } from '../i18n/languages.js';
import { sectionWords } from '../matrix/citation-words.js';
import type { MessageId } from '../i18n/message.js';
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
  return `[${escapeMarkdown(words)}](${learnUrl(url, currentLanguage()).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`;
}

/** Text as a code span, fenced with more backticks than it holds (also the network request's, render.ts). */
const code = (text: string) => {
  const ticks = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1;
  const fence = '`'.repeat(ticks);
  return `${fence}${ticks > 1 || /^`|`$/.test(text) ? ` ${text} ` : text}${fence}`;
};
export { code as markdownCode };

const SECTIONS: readonly { status: FindingStatus; heading: MessageId }[] = [
  { status: 'fail', heading: 'report.section.fail' },
  { status: 'warn', heading: 'report.section.warn' },
  { status: 'unknown', heading: 'report.section.unknown' },
  { status: 'waived', heading: 'report.section.waived' },
];

function findingMarkdown(f: Finding, machine: MachineKind): string[] {
  const lines = [
    `### ${escapeMarkdown(f.title)}`,
    '',
    t('report.markdown.status', {
      status: statusLabel(f.status, f.check),
      area: areaWords(areaOf(f.check)),
      detail: escapeMarkdown(f.detail),
    }),
  ];
  const waived = waivedWords(f);
  if (waived) lines.push('', `_${escapeMarkdown(waived)}_`);
  const facts = evidenceFacts(f);
  if (facts.length > 0) lines.push('', t('report.saw'), '', ...facts.map((fact) => `- ${escapeMarkdown(factText(fact))}`));
  if (f.fix) {
    const action = f.fix.action;
    lines.push(
      '',
      t('report.markdown.whatToDo', {
        label: `**${t('report.whatToDo')}**`,
        who: whoWords(f.fix.who, machine, 'sentence'),
        wizard: action ? 'yes' : 'no',
        fix: action ? FIX_TITLES[action] : '',
        command: action ? code(`mars-readiness fix ${action}`) : '',
      }),
      '',
    );
    f.fix.steps.forEach((step, i) => lines.push(`${i + 1}. ${escapeMarkdown(step)}`));
  }
  const more = link(t('report.learnMore.section', { section: sectionWords(f.source.section) }), f.source.url);
  lines.push(
    '',
    f.subject
      ? t('report.markdown.sourceOfSubject', { link: more, check: code(f.check), subject: code(f.subject) })
      : t('report.markdown.source', { link: more, check: code(f.check) }),
  );
  return lines;
}

export function renderMarkdown(given: Report, options: MarkdownOptions = {}): string {
  // A profile's strings reach people here: no control character or direction override gets through.
  const report = visibleReport(given);
  const formatDate = options.formatDate ?? ((iso: string) => localDateTime(iso));
  const machine = machineWords(report.host, 'report.machine.unnamed');
  const kind = machineKindOf(report);
  const lines: string[] = [
    `# ${t('report.heading.machine', { machine: escapeMarkdown(machine) })}`,
    '',
    t('report.markdown.verdict', { verdict: `**${VERDICT_WORDS[report.verdict]}**`, counts: countsWords(report.counts) }),
    ...waiverNotes(report).flatMap((note) => ['', `> ${escapeMarkdown(note)}`]),
    '',
    t('report.made', {
      edition: escapeMarkdown(report.matrix.edition),
      date: escapeMarkdown(report.matrix.date),
      made: escapeMarkdown(formatDate(report.generatedAt)),
      tool: escapeMarkdown(`${report.tool.name} ${report.tool.version}`),
      examined: report.host.capturedAt ? 'yes' : 'no',
      capturedAt: report.host.capturedAt ? escapeMarkdown(formatDate(report.host.capturedAt)) : '',
    }),
  ];

  const diagnosis = diagnose(report);
  if (diagnosis) {
    lines.push('', `**${escapeMarkdown(diagnosisHeadline(diagnosis, formatDate))}**`);
    if (diagnosis.codes.length > 0) lines.push('');
    for (const c of diagnosis.codes) {
      const checks = c.checks
        .map((check) => {
          const finding = report.findings.find((f) => f.check === check.check && f.subject === check.subject);
          const state = pointedCheckState(finding ? check.status : null);
          return finding ? t('report.markdown.pointed', { state, title: escapeMarkdown(finding.title) }) : state;
        })
        .join(t('report.titles.separator'));
      const said = t('report.markdown.code', {
        code: code(c.code),
        times: timesWords(c.count),
        meaning: escapeMarkdown(codeMeaning(c) ?? unexplainedWords()),
        hasCause: c.cause ? 'yes' : 'no',
        cause: c.cause ? escapeMarkdown(c.cause) : '',
        hasChecks: checks ? 'yes' : 'no',
        checks,
      });
      lines.push(`- ${said}`);
    }
  }

  const first = doThisFirst(report);
  lines.push('', `## ${t('report.doThisFirst.heading')}`, '');
  if (first.count === 0) lines.push(t('report.doThisFirst.nothing'));
  let n = 0;
  for (const group of first.groups) {
    lines.push(`### ${whoWords(group.who, first.machine)}`, '');
    for (const action of group.actions) {
      const marker = `${++n}. `;
      // A nested list starts where the item's text does.
      const indent = ' '.repeat(marker.length);
      lines.push(`${marker}${t('report.action.titled', { title: `**${escapeMarkdown(action.title)}**`, status: action.status })}`);
      action.steps.forEach((step, i) => lines.push(`${indent}${i + 1}. ${escapeMarkdown(step)}`));
      lines.push(
        `${indent}- ${t('report.resolves', { titles: action.resolves.map((f) => escapeMarkdown(f.title)).join(t('report.titles.separator')) })}`,
      );
      if (action.action)
        lines.push(
          `${indent}- ${t('report.markdown.wizard', { fix: FIX_TITLES[action.action], command: code(`mars-readiness fix ${action.action}`) })}`,
        );
    }
    lines.push('');
  }

  const ordered = groupFindings(report.findings).flatMap((g) => g.findings);
  const of = (status: FindingStatus) => ordered.filter((f) => f.status === status);
  for (const { status, heading } of SECTIONS) {
    const findings = of(status);
    if (findings.length === 0) continue;
    lines.push('', `## ${t('report.markdown.section', { heading: t(heading), count: findings.length })}`);
    for (const f of findings) lines.push('', ...findingMarkdown(f, kind));
  }
  const info = of('info');
  if (info.length > 0) {
    lines.push('', `## ${t('report.section.info')}`, '');
    for (const f of info)
      lines.push(
        `- ${t('report.info', { title: `**${escapeMarkdown(f.title)}**`, detail: escapeMarkdown(f.detail), more: link(t('report.learnMore'), f.source.url) })}`,
      );
  }
  // Passed checks in the catalogue's order, as the reference lists them.
  const passed = report.findings.filter((f) => f.status === 'pass');
  if (passed.length > 0) {
    lines.push(
      '',
      `## ${t('report.markdown.passed', { count: passed.length })}`,
      '',
      `| ${escapeMarkdown(t('report.table.area'))} | ${escapeMarkdown(t('report.table.check'))} | ${escapeMarkdown(t('report.table.matrix'))} |`,
      '| --- | --- | --- |',
    );
    for (const f of passed)
      lines.push(`| ${areaWords(areaOf(f.check))} | ${escapeMarkdown(f.title)} | ${link(sectionWords(f.source.section), f.source.url)} |`);
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
