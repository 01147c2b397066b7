// The report as one self-contained HTML page (no script, no external file) that a helpdesk can attach to
// a ticket and anyone can open. Every value from the profile is escaped. When the agent's history shows a
// failed (or warned) backup, the doctor's block follows the verdict: the headline, its time as a <time>,
// and each code with the checks that tell whether its cause is still there, linked to their findings.

import { findingAnchor } from './anchor.js';
import {
  codeMeaning,
  diagnose,
  diagnosisHeadlineParts,
  FIX_WORDS,
  localDateTime,
  pointedCheckState,
  timesWords,
  type DiagnosedCode,
  type Diagnosis,
} from './diagnosis.js';
import { groupFindings, STATUS_WORDS, VERDICT_WORDS } from './grouping.js';
import type { Finding, Report } from './types.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc}
.verdict{padding:.75rem 1rem;border-radius:6px;font-weight:600;margin:1rem 0}
.ready{background:#e6f4ea;color:#0d5223}.ready-with-warnings{background:#fff4e5;color:#663c00}.not-ready{background:#fdeded;color:#5f2120}
.finding{border:1px solid #ddd;border-left-width:6px;border-radius:4px;padding:.5rem 1rem;margin:.5rem 0}
.fail{border-left-color:#c62828}.warn{border-left-color:#ed6c02}.unknown{border-left-color:#0277bd}.info{border-left-color:#757575}.pass{border-left-color:#2e7d32}
.status{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.05em}
.meta{color:#555;font-size:.85rem}pre{background:#f5f5f5;padding:.5rem;overflow:auto;font-size:.8rem}
.diagnosis{padding:.75rem 1rem;border-radius:6px;margin:1rem 0}.diagnosis h2{border:0;margin:0 0 .5rem}.diagnosis a{color:inherit}
.diagnosis .meta{color:inherit;opacity:.85}.diagnosis ul{margin:.25rem 0;padding-left:1.5rem}
@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}.finding{border-color:#444}.meta{color:#aaa}pre{background:#1e1e1e}
.ready{background:#0d3a1a;color:#c8f0d2}.ready-with-warnings{background:#3d2800;color:#ffe0b2}.not-ready{background:#3b1212;color:#ffcdd2}}
`;

function findingHtml(f: Finding): string {
  const fix = f.fix
    ? `<p><strong>What to do</strong> (${escape(f.fix.who)}${f.fix.action ? `; the wizard can do it: ${escape(f.fix.action)}` : ''}):</p><ol>${f.fix.steps.map((s) => `<li>${escape(s)}</li>`).join('')}</ol>`
    : '';
  const evidence =
    Object.keys(f.evidence).length > 0
      ? `<details><summary>Evidence</summary><pre>${escape(JSON.stringify(f.evidence, null, 2))}</pre></details>`
      : '';
  return `<section class="finding ${f.status}" id="${escape(findingAnchor(f))}"><div class="status">${escape(STATUS_WORDS[f.status])}</div>
<h3>${escape(f.title)}</h3><p>${escape(f.detail)}</p>${fix}${evidence}
<p class="meta">${escape(f.check)}${f.subject ? ` - ${escape(f.subject)}` : ''} - ${escape(f.source.document)}, section "${escape(f.source.section)}" (${escape(f.source.edition)}, ${escape(f.source.date)})</p></section>`;
}

/** The doctor's block: what happened to the last backup, each code, and the findings it points to. */
function diagnosisHtml(diagnosis: Diagnosis, findings: readonly Finding[], formatDate: (iso: string) => string): string {
  const { before, after } = diagnosisHeadlineParts(diagnosis);
  const when = `<time datetime="${escape(diagnosis.at)}">${escape(formatDate(diagnosis.at))}</time>`;
  const tone = diagnosis.outcome === 'warned' ? 'ready-with-warnings' : 'not-ready';
  const codes =
    diagnosis.codes.length > 0
      ? `<p>The error codes in the agent's logs${diagnosis.windowDays !== null ? ` of the last ${diagnosis.windowDays === 1 ? 'day' : `${diagnosis.windowDays} days`}` : ''}, the most telling first:</p>
<ul class="codes">${diagnosis.codes.map((code) => codeHtml(code, findings)).join('\n')}</ul>`
      : '';
  return `<section class="diagnosis ${tone}" aria-labelledby="diagnosis-heading"><h2 id="diagnosis-heading">${escape(before)}${when}${escape(after)}</h2>
${codes}</section>`;
}

function codeHtml(code: DiagnosedCode, findings: readonly Finding[]): string {
  const meaning = codeMeaning(code) ?? 'a code this tool cannot explain';
  const cause = code.cause ? ` Usually ${escape(code.cause)}.` : '';
  const none = code.known && code.checks.length === 0 ? ' No check of this tool looks at that cause.' : '';
  const checks = code.checks.map((check) => {
    const finding = findings.find((f) => f.check === check.check && f.subject === check.subject);
    if (!finding) return `<li>${escape(pointedCheckState(null))} <span class="meta">(${escape(check.check)})</span></li>`;
    const action = finding.fix?.action;
    const fix = action ? `; the wizard can put it right: ${escape(FIX_WORDS[action])} (${escape(action)})` : '';
    return `<li>${escape(pointedCheckState(check.status))}: <a href="#${escape(findingAnchor(finding))}">${escape(finding.title)}</a> <span class="meta">(${escape(check.check)})</span>${fix}</li>`;
  });
  return `<li><strong><code>${escape(code.code)}</code></strong> (seen ${escape(timesWords(code.count))}): ${escape(meaning)}.${cause}${none}${checks.length > 0 ? `<ul>${checks.join('')}</ul>` : ''}</li>`;
}

export interface HtmlOptions {
  /** How a time reads (the reader's locale and time zone by default, through Intl). */
  formatDate?: (iso: string) => string;
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const diagnosis = diagnose(report);
  const doctor = diagnosis ? `${diagnosisHtml(diagnosis, report.findings, options.formatDate ?? ((iso) => localDateTime(iso)))}\n` : '';
  const machine = [report.host.name, report.host.os].filter(Boolean).join(', ') || 'Unnamed machine';
  const c = report.counts;
  const groups = groupFindings(report.findings)
    .map((g) => `<h2>${escape(g.name)}</h2>${g.findings.map(findingHtml).join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>MARS readiness: ${escape(machine)}</title><style>${STYLE}</style></head>
<body><h1>MARS readiness report</h1><p>${escape(machine)}</p>
<div class="verdict ${report.verdict}" role="status">${escape(VERDICT_WORDS[report.verdict])}: ${c.fail} blocking, ${c.warn} warnings, ${c.unknown} unknown, ${c.pass} passed, ${c.info} for information</div>
${doctor}<p class="meta">Support matrix ${escape(report.matrix.edition)} (${escape(report.matrix.date)}). Report made ${escape(report.generatedAt)} by ${escape(report.tool.name)} ${escape(report.tool.version)}${report.host.capturedAt ? `; machine examined ${escape(report.host.capturedAt)}` : ''}.</p>
${groups}
</body></html>
`;
}
