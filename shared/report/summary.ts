// A few lines a helpdesk agent can paste into a ticket or a chat ("Copy a short summary"): the machine and
// its verdict, what the agent's history says when the last backup failed, the blockers first, then the
// warnings, then what is not known, each by its title; and the Do this first list in short - by who acts,
// one line per action, what it resolves counted and whether the wizard can do it.

import { visibleReport } from './visible-text.js';
import { FIX_TITLES } from '../actions/fix-plan.js';
import { plural } from '../rules/finding.js';
import { diagnose, diagnosisHeadline, localDateTime } from './diagnosis.js';
import { doThisFirst, whoWords } from './do-this-first.js';
import { groupFindings, VERDICT_WORDS } from './grouping.js';
import type { Report, Status } from './types.js';

export interface SummaryOptions {
  /** How a time reads (the reader's locale and time zone by default, through Intl). */
  formatDate?: (iso: string) => string;
}

/** The lists of the summary, in its order: blockers, warnings, then what is not known. */
export const SUMMARY_LISTS: readonly { status: Status; heading: string }[] = [
  { status: 'fail', heading: 'Blockers' },
  { status: 'warn', heading: 'Warnings' },
  { status: 'unknown', heading: 'Not known' },
];

export function shortSummary(given: Report, options: SummaryOptions = {}): string {
  // A profile's strings reach people here: no control character or direction override gets through.
  const report = visibleReport(given);
  const c = report.counts;
  const machine = [report.host.name, report.host.os].filter(Boolean).join(', ') || 'This machine';
  const lines = [
    `MARS readiness of ${machine}: ${VERDICT_WORDS[report.verdict]} (support matrix ${report.matrix.edition}, ${report.matrix.date}).`,
    `${plural(c.fail, 'blocker')}, ${plural(c.warn, 'warning')}, ${plural(c.unknown, 'unknown', 'unknown')}, ${plural(c.pass, 'passed', 'passed')}${c.waived !== undefined ? `, ${plural(c.waived, 'waived', 'waived')}` : ''}.`,
  ];
  const diagnosis = diagnose(report);
  if (diagnosis) lines.push(diagnosisHeadline(diagnosis, options.formatDate ?? ((iso) => localDateTime(iso))));

  const ordered = groupFindings(report.findings).flatMap((g) => g.findings);
  for (const { status, heading } of SUMMARY_LISTS) {
    const findings = ordered.filter((f) => f.status === status);
    if (findings.length === 0) continue;
    lines.push('', `${heading}:`, ...findings.map((f) => `- ${f.title}`));
  }

  const first = doThisFirst(report);
  if (first.count > 0) {
    lines.push('', 'Do this first:');
    let n = 0;
    for (const group of first.groups) {
      lines.push(`${whoWords(group.who, first.machine)}:`);
      for (const action of group.actions) {
        const resolves = action.resolves.length > 1 ? `; resolves ${plural(action.resolves.length, 'finding')}` : '';
        const wizard = action.action ? `; the wizard can do it (${FIX_TITLES[action.action]})` : '';
        lines.push(`  ${++n}. ${action.title}${resolves}${wizard}.`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
