// A report in the current language: each finding's title, detail and fix steps said again from the
// catalogue messages it carries. A report saved in one language reads in another this way (the wizard's
// language menu, `check --profile` in another --lang); the findings' ids, statuses and evidence are untouched.

import { say } from '../i18n/translate.js';
import type { Finding, Report } from './types.js';

export function relocalizeFinding(finding: Finding): Finding {
  const messages = finding.messages;
  if (!messages) return finding;
  return {
    ...finding,
    title: say(messages.title),
    detail: say(messages.detail),
    fix: finding.fix ? { ...finding.fix, steps: messages.steps.map(say) } : null,
  };
}

export function relocalizeReport(report: Report): Report {
  return { ...report, findings: report.findings.map(relocalizeFinding) };
}
