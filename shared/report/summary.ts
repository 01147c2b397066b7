// A few lines a helpdesk agent can paste into a ticket or a chat ("Copy a short summary"): the machine and
// its verdict, what the agent's history says when the last backup failed, the blockers first, then the
// warnings, then what is not known, each by its title; and the Do this first list in short - by who acts,
// one line per action, what it resolves counted and whether the wizard can do it.

import { visibleReport } from './visible-text.js';
import { FIX_TITLES } from '../actions/fix-plan.js';
import { diagnose, diagnosisHeadline, localDateTime } from './diagnosis.js';
import { doThisFirst, whoWords } from './do-this-first.js';
import { groupFindings, machineWords, VERDICT_WORDS } from './grouping.js';
import { t } from '../i18n/translate.js';
import type { MessageId } from '../i18n/message.js';
import type { Report, Status } from './types.js';

export interface SummaryOptions {
  /** How a time reads (the reader's locale and time zone by default, through Intl). */
  formatDate?: (iso: string) => string;
}

/** The lists of the summary, in its order: blockers, warnings, then what is not known. */
export const SUMMARY_LISTS: readonly { status: Status; readonly heading: string }[] = (
  [
    ['fail', 'report.summary.blockers'],
    ['warn', 'report.summary.warnings'],
    ['unknown', 'report.summary.unknowns'],
  ] as const
).map(([status, id]: readonly [Status, MessageId]) => ({
  status,
  get heading() {
    return t(id);
  },
}));

export function shortSummary(given: Report, options: SummaryOptions = {}): string {
  // A profile's strings reach people here: no control character or direction override gets through.
  const report = visibleReport(given);
  const c = report.counts;
  const machine = machineWords(report.host, 'report.summary.thisMachine');
  const lines = [
    t('report.summary.heading', {
      machine,
      verdict: VERDICT_WORDS[report.verdict],
      edition: report.matrix.edition,
      date: report.matrix.date,
    }),
    t('report.summary.counts', {
      fail: c.fail,
      warn: c.warn,
      unknown: c.unknown,
      pass: c.pass,
      waived: c.waived ?? 0,
      withWaivers: c.waived !== undefined ? 'yes' : 'no',
    }),
  ];
  const diagnosis = diagnose(report);
  if (diagnosis) lines.push(diagnosisHeadline(diagnosis, options.formatDate ?? ((iso) => localDateTime(iso))));

  const ordered = groupFindings(report.findings).flatMap((g) => g.findings);
  for (const { status, heading } of SUMMARY_LISTS) {
    const findings = ordered.filter((f) => f.status === status);
    if (findings.length === 0) continue;
    lines.push('', t('report.summary.list', { heading }), ...findings.map((f) => `- ${f.title}`));
  }

  const first = doThisFirst(report);
  if (first.count > 0) {
    lines.push('', t('report.summary.list', { heading: t('report.doThisFirst.heading') }));
    let n = 0;
    for (const group of first.groups) {
      lines.push(t('report.text.who', { who: whoWords(group.who, first.machine) }));
      for (const action of group.actions) {
        const said = t('report.summary.action', {
          title: action.title,
          resolves: action.resolves.length > 1 ? action.resolves.length : 0,
          wizard: action.action ? 'yes' : 'no',
          fix: action.action ? FIX_TITLES[action.action] : '',
        });
        lines.push(`  ${++n}. ${said}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
