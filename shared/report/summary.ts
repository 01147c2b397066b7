// A few lines a helpdesk agent can paste into a ticket: the verdict and what needs doing.

import { plural } from '../rules/finding.js';
import { VERDICT_WORDS } from './grouping.js';
import type { Report } from './types.js';

export function shortSummary(report: Report): string {
  const c = report.counts;
  const machine = [report.host.name, report.host.os].filter(Boolean).join(', ') || 'This machine';
  const lines = [
    `MARS readiness of ${machine}: ${VERDICT_WORDS[report.verdict]} (support matrix ${report.matrix.edition}, ${report.matrix.date}).`,
    `${plural(c.fail, 'blocker')}, ${plural(c.warn, 'warning')}, ${c.unknown} unknown, ${c.pass} passed.`,
  ];
  for (const f of report.findings.filter((x) => x.status === 'fail' || x.status === 'warn' || x.status === 'unknown')) {
    const tag = f.status === 'fail' ? 'BLOCKER' : f.status === 'warn' ? 'WARNING' : 'UNKNOWN';
    lines.push(`- ${tag}: ${f.title}${f.fix ? ` (${f.fix.who})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
