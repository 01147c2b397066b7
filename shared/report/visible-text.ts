// What a profile carries reaches people inside our sentences (a host name, a path, a registry value), and
// a profile is not to be trusted: a terminal obeys the escape sequences in it (clearing the screen, forging
// a link, colouring a line), a line end in a host name forges a line of the report ("MARS readiness:
// READY"), and a right-to-left override turns the rest of a sentence around. Every such character becomes
// one that shows it was there (U+FFFD), and a line end or tab a space, before a report is rendered as text,
// Markdown, HTML or a summary. The JSON report keeps the values as they were. Pure.

import type { Finding, Report } from './types.js';

/** C0 and C1 controls and DEL, and the bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters made visible
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029\u0085]/g;

export const SHOWN_INSTEAD = '\uFFFD';

/** The text with every control and direction override shown as U+FFFD, line ends and tabs as spaces. */
export function visibleText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(HIDDEN, SHOWN_INSTEAD);
}

/** Text of many lines (ours): its controls and overrides shown as U+FFFD, its line ends kept. */
export function visibleLines(text: string): string {
  return text.replace(HIDDEN, SHOWN_INSTEAD);
}

/** Every string in a value, made visible, however deep (evidence is any JSON). */
function visibleValue(value: unknown): unknown {
  if (typeof value === 'string') return visibleText(value);
  if (Array.isArray(value)) return value.map(visibleValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleValue(v)]));
  return value;
}

function visibleFinding(f: Finding): Finding {
  return {
    ...f,
    subject: f.subject === null ? null : visibleText(f.subject),
    title: visibleText(f.title),
    detail: visibleText(f.detail),
    evidence: visibleValue(f.evidence) as Finding['evidence'],
    fix: f.fix ? { ...f.fix, steps: f.fix.steps.map(visibleText) } : null,
  };
}

/** The report as the renderers show it: what people read made visible; ids, statuses and counts as they are. */
export function visibleReport<R extends Report>(report: R): R {
  return {
    ...report,
    host: visibleValue(report.host) as Report['host'],
    findings: report.findings.map(visibleFinding),
  };
}
