// The report as one self-contained HTML page (no script, no external file) that a helpdesk can attach to
// a ticket and anyone can open. Every value from the profile is escaped. It opens with a one-screen
// summary (a printed page of its own): the machine, the verdict, the doctor's block when the agent's
// history shows a failed (or warned) backup - the headline, its time as a <time>, each code with the
// checks that tell whether its cause is still there, linked to their findings - the matrix edition, and
// the Do this first list, each action linked to the findings it resolves. Then the blockers, warnings and
// unknowns with their fixes and Learn more links, what is for information in a line each, and the passed
// checks as a table. Every finding has its findingAnchor id. Printed (A4 or Letter), no finding, action or
// row is cut at a page's edge, and each link to Microsoft's documentation prints its address.

import { visibleReport } from './visible-text.js';
import { findingAnchor } from './anchor.js';
import {
  codeMeaning,
  diagnose,
  diagnosisHeadlineParts,
  localDateTime,
  pointedCheckState,
  timesWords,
  unexplainedWords,
  type DiagnosedCode,
  type Diagnosis,
  htmlDateTime,
} from './diagnosis.js';
import { areaWords, groupFindings, machineWords, statusLabel, VERDICT_WORDS } from './grouping.js';
import { evidenceFacts, factText } from './evidence-words.js';
import { ACTION_STATUS_WORDS, doThisFirst, machineKindOf, whoWords, type MachineKind } from './do-this-first.js';
import type { Finding, FindingStatus, Report } from './types.js';
import { waivedWords, waiverNotes } from './waiver-words.js';
import { FIX_TITLES } from '../actions/fix-plan.js';
import { areaOf } from '../rules/catalogue.js';
import { documentWords, headingWords, sectionWords } from '../matrix/citation-words.js';
import { currentLanguage, t } from '../i18n/translate.js';
import { LANGUAGE_DIRECTION, learnUrl } from '../i18n/languages.js';
import type { Arg, MessageId } from '../i18n/message.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A catalogue message as HTML: its words escaped, with markup in the places named by `slots` (a link, a
 * <strong>): each slot stands in the sentence as a private-use character no report holds until it is escaped.
 */
function said(id: MessageId, args: Record<string, Arg>, slots: Record<string, string> = {}): string {
  const marks = Object.keys(slots).map((_, i) => String.fromCharCode(0xe010 + i));
  const withMarks = { ...args, ...Object.fromEntries(Object.keys(slots).map((name, i) => [name, marks[i]!])) };
  let html = escape(t(id, withMarks));
  Object.values(slots).forEach((markup, i) => (html = html.replace(marks[i]!, () => markup)));
  return html;
}

/** A learn.microsoft.com address in the reader's language. */
const learn = (url: string) => learnUrl(url, currentLanguage());

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin:.25rem 0}
a{color:#0b57d0}
.machine{font-size:1.1rem;margin:0}
.verdict{padding:.75rem 1rem;border-radius:6px;font-weight:600;margin:1rem 0}
.ready{background:#e6f4ea;color:#0d5223}.ready-with-warnings{background:#fff4e5;color:#663c00}.not-ready{background:#fdeded;color:#5f2120}
.finding{border:1px solid #ddd;border-inline-start-width:6px;border-radius:4px;padding:.5rem 1rem;margin:.5rem 0}
.fail{border-inline-start-color:#c62828}.warn{border-inline-start-color:#ed6c02}.unknown{border-inline-start-color:#0277bd}.waived{border-inline-start-color:#6a1b9a;border-inline-start-style:dashed}.info{border-inline-start-color:#757575}.pass{border-inline-start-color:#2e7d32}
.waiver{font-style:italic}
.status{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.05em;margin:0}.status .area{text-transform:none;font-weight:400;letter-spacing:0}
.meta{color:#555;font-size:.85rem}pre{background:#f5f5f5;padding:.5rem;overflow:auto;font-size:.8rem;white-space:pre-wrap;overflow-wrap:anywhere}
.finding p,.finding li{overflow-wrap:anywhere}
.diagnosis{padding:.75rem 1rem;border-radius:6px;margin:1rem 0}.diagnosis h2{border:0;margin:0 0 .5rem}.diagnosis a{color:inherit}
.diagnosis .meta{color:inherit;opacity:.85}.diagnosis ul{margin:.25rem 0;padding-inline-start:1.5rem}
.first h2{margin-top:1rem}.first h3{margin:.75rem 0 .25rem}.first ol{margin:0;padding-inline-start:1.75rem}
.action{margin:.35rem 0;overflow-wrap:anywhere}.action p{margin:0}.tag{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .35rem;border-radius:3px;border:1px solid currentColor;margin-inline-start:.35rem;white-space:nowrap}
.tag.fail{color:#b71c1c}.tag.warn{color:#8a4b00}.tag.unknown{color:#01579b}
.action .resolves{font-size:.9rem}.action .fix{font-size:.9rem;font-style:italic}
.saw{margin:.5rem 0 0;font-weight:600}.facts{margin:.25rem 0;padding-inline-start:1.5rem;font-size:.9rem}
.info-list{padding-inline-start:1.5rem}.info-list li{margin:.25rem 0}
table.passed{border-collapse:collapse;width:100%;font-size:.9rem}
table.passed th,table.passed td{text-align:start;vertical-align:top;padding:.2rem .5rem;border-bottom:1px solid #ddd}
table.passed .finding{border:0;border-radius:0;padding:0;margin:0}
@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}a{color:#8ab4f8}.finding{border-color:#444}.meta{color:#aaa}pre{background:#1e1e1e}
table.passed th,table.passed td{border-color:#444}.tag.fail{color:#ef9a9a}.tag.warn{color:#ffcc80}.tag.unknown{color:#81d4fa}
.ready{background:#0d3a1a;color:#c8f0d2}.ready-with-warnings{background:#3d2800;color:#ffe0b2}.not-ready{background:#3b1212;color:#ffcdd2}}
@page{margin:14mm 12mm}
@media print{
body{font-size:10pt;line-height:1.3;max-width:none;margin:0;padding:0;background:#fff;color:#000}
h1{font-size:15pt}h2{font-size:12pt;margin:1rem 0 .35rem}h3{font-size:10.5pt}
a{color:#000}.meta,.diagnosis .meta{color:#333;opacity:1}
.verdict,.diagnosis{color:#000;background:none;border:1px solid #777;padding:.35rem .6rem;margin:.5rem 0}
.first h2{margin-top:.6rem}.first h3{margin:.4rem 0 .1rem}.action{margin:.15rem 0}
.finding{padding:.3rem .7rem;margin:.35rem 0}.finding h3{margin:.1rem 0}.finding p{margin:.3rem 0}
table.passed{font-size:8.5pt}table.passed th,table.passed td{padding:.1rem .35rem}
.summary{break-after:page}
h2,h3,.status,.saw{break-after:avoid}
.finding,.action,.diagnosis li,.verdict,tr,.info-list li{break-inside:avoid}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
}
`;

/** "3 blockers, 1 warning, 0 unknown, 22 passed, 5 for information": the counts, each with its plural. */
export function countsWords(c: Report['counts']): string {
  return t('report.counts', {
    fail: c.fail,
    warn: c.warn,
    unknown: c.unknown,
    pass: c.pass,
    info: c.info,
    waived: c.waived ?? 0,
    withWaivers: c.waived !== undefined ? 'yes' : 'no',
  });
}

const learnMore = (f: Finding) =>
  f.source.url
    ? `<p class="learn"><a href="${escape(learn(f.source.url))}">${escape(t('report.learnMore.section', { section: sectionWords(f.source.section) }))}</a></p>`
    : '';

function findingHtml(f: Finding, machine: MachineKind): string {
  const action = f.fix?.action;
  const fix = f.fix
    ? `<p>${said(
        'report.html.whatToDo',
        { who: whoWords(f.fix.who, machine, 'sentence'), wizard: action ? 'yes' : 'no', fix: action ? FIX_TITLES[action] : '' },
        { label: `<strong>${escape(t('report.whatToDo'))}</strong>` },
      )}</p><ol>${f.fix.steps.map((s) => `<li>${escape(s)}</li>`).join('')}</ol>`
    : '';
  const facts = evidenceFacts(f);
  const evidence =
    facts.length > 0
      ? `<p class="saw">${escape(t('report.saw'))}</p><ul class="facts">${facts.map((fact) => `<li>${escape(factText(fact))}</li>`).join('')}</ul>`
      : '';
  return `<section class="finding ${f.status}" id="${escape(findingAnchor(f))}"><p class="status">${escape(statusLabel(f.status, f.check))} <span class="area">- ${escape(areaWords(areaOf(f.check)))}</span></p>
<h3>${escape(f.title)}</h3><p>${escape(f.detail)}</p>${waivedWords(f) ? `<p class="waiver">${escape(waivedWords(f)!)}</p>` : ''}${evidence}${fix}${learnMore(f)}
<p class="meta">${escape(
    t('report.html.meta', {
      check: f.check,
      hasSubject: f.subject ? 'yes' : 'no',
      subject: f.subject ?? '',
      document: documentWords(f.source),
      section: headingWords(f.source.section),
      edition: f.source.edition,
      date: f.source.date,
    }),
  )}</p></section>`;
}

/** The Do this first list: by who acts, each action with what it resolves (links to their findings) and the wizard's fix. */
function doThisFirstHtml(report: Report): string {
  const list = doThisFirst(report);
  if (list.count === 0)
    return `<section class="first"><h2>${escape(t('report.doThisFirst.heading'))}</h2><p>${escape(t('report.doThisFirst.nothing'))}</p></section>`;
  let n = 0;
  const groups = list.groups
    .map((group) => {
      const items = group.actions.map((a) => {
        const resolves = a.resolves
          .map((f) => `<a href="#${escape(findingAnchor(f))}">${escape(f.title)}</a>`)
          .join(escape(t('report.titles.separator')));
        const fix = a.action ? `<p class="fix">${escape(t('report.html.wizardCanDo', { fix: FIX_TITLES[a.action] }))}</p>` : '';
        return `<li class="action ${a.status}" id="action-${escape(a.id)}" value="${++n}"><p><strong>${escape(a.title)}</strong><span class="tag ${a.status}">${escape(ACTION_STATUS_WORDS[a.status])}</span></p>
<p class="resolves">${said('report.resolves', {}, { titles: resolves })}</p>${fix}</li>`;
      });
      return `<h3>${escape(whoWords(group.who, list.machine))}</h3><ol>${items.join('\n')}</ol>`;
    })
    .join('\n');
  return `<section class="first"><h2>${escape(t('report.doThisFirst.heading'))}</h2>
<p>${escape(t('report.html.firstIntro', { count: list.count }))}</p>
${groups}</section>`;
}

/** The doctor's block: what happened to the last backup, each code, and the findings it points to. */
function diagnosisHtml(diagnosis: Diagnosis, findings: readonly Finding[], formatDate: (iso: string) => string): string {
  const { before, after } = diagnosisHeadlineParts(diagnosis);
  const when = `<time datetime="${escape(htmlDateTime(diagnosis.at))}">${escape(formatDate(diagnosis.at))}</time>`;
  const tone = diagnosis.outcome === 'warned' ? 'ready-with-warnings' : 'not-ready';
  const codes =
    diagnosis.codes.length > 0
      ? `<p>${escape(t('report.html.codesIntro', { hasWindow: diagnosis.windowDays !== null ? 'yes' : 'no', days: diagnosis.windowDays ?? 0 }))}</p>
<ul class="codes">${diagnosis.codes.map((code) => codeHtml(code, findings)).join('\n')}</ul>`
      : '';
  return `<section class="diagnosis ${tone}" aria-labelledby="diagnosis-heading"><h2 id="diagnosis-heading">${escape(before)}${when}${escape(after)}</h2>
${codes}</section>`;
}

function codeHtml(code: DiagnosedCode, findings: readonly Finding[]): string {
  const meaning = codeMeaning(code) ?? unexplainedWords();
  const checks = code.checks.map((check) => {
    const finding = findings.find((f) => f.check === check.check && f.subject === check.subject);
    if (!finding) return `<li>${escape(pointedCheckState(null))} <span class="meta">(${escape(check.check)})</span></li>`;
    const action = finding.fix?.action;
    return `<li>${said(
      'report.html.pointed',
      {
        state: pointedCheckState(check.status),
        wizard: action ? 'yes' : 'no',
        fix: action ? FIX_TITLES[action] : '',
        action: action ?? '',
      },
      {
        title: `<a href="#${escape(findingAnchor(finding))}">${escape(finding.title)}</a>`,
        check: `<span class="meta">(${escape(check.check)})</span>`,
      },
    )}</li>`;
  });
  const line = said(
    'report.html.code',
    {
      times: timesWords(code.count),
      meaning,
      hasCause: code.cause ? 'yes' : 'no',
      cause: code.cause ?? '',
      none: code.known && code.checks.length === 0 ? 'yes' : 'no',
    },
    { code: `<strong><code>${escape(code.code)}</code></strong>` },
  );
  return `<li>${line}${checks.length > 0 ? `<ul>${checks.join('')}</ul>` : ''}</li>`;
}

export interface HtmlOptions {
  /** How a time reads (the reader's locale and time zone by default, through Intl). */
  formatDate?: (iso: string) => string;
}

/** The sections after the summary: the findings of one status, the worst first, then by area. */
const SECTIONS: { status: FindingStatus; heading: MessageId }[] = [
  { status: 'fail', heading: 'report.section.fail' },
  { status: 'warn', heading: 'report.section.warn' },
  { status: 'unknown', heading: 'report.section.unknown' },
  { status: 'waived', heading: 'report.section.waived' },
];

export function renderHtml(given: Report, options: HtmlOptions = {}): string {
  // A profile's strings reach people here: no control character or direction override gets through.
  const report = visibleReport(given);
  const formatDate = options.formatDate ?? ((iso: string) => localDateTime(iso));
  // Plain words (no <time>: that marks the doctor's job alone), in the reader's locale and zone.
  const diagnosis = diagnose(report);
  const doctor = diagnosis ? `${diagnosisHtml(diagnosis, report.findings, formatDate)}\n` : '';
  const machine = machineWords(report.host, 'report.machine.unnamed');
  const language = currentLanguage();
  const kind = machineKindOf(report);
  // The report's order: by status, then the areas' order (groupFindings), each area's worst first.
  const ordered = groupFindings(report.findings).flatMap((g) => g.findings);
  const of = (status: FindingStatus) => ordered.filter((f) => f.status === status);
  const sections = SECTIONS.filter((s) => of(s.status).length > 0)
    .map(
      (s) =>
        `<section class="findings"><h2>${escape(t(s.heading))}</h2>\n${of(s.status)
          .map((f) => findingHtml(f, kind))
          .join('\n')}</section>`,
    )
    .join('\n');
  const info = of('info');
  const infoHtml =
    info.length > 0
      ? `<section class="findings"><h2>${escape(t('report.section.info'))}</h2><ul class="info-list">${info
          .map(
            (f) =>
              `<li><section class="finding info" id="${escape(findingAnchor(f))}">${said(
                'report.info',
                { detail: f.detail },
                { title: `<strong>${escape(f.title)}</strong>`, more: `<span class="meta">(${escape(f.check)})</span>` },
              )}${learnMore(f)}</section></li>`,
          )
          .join('')}</ul></section>`
      : '';
  // Passed checks in the catalogue's order, as the reference lists them.
  const passed = report.findings.filter((f) => f.status === 'pass');
  const passedHtml =
    passed.length > 0
      ? `<section class="findings"><h2>${escape(t('report.section.pass'))}</h2>
<table class="passed"><thead><tr><th scope="col">${escape(t('report.table.area'))}</th><th scope="col">${escape(t('report.table.check'))}</th><th scope="col">${escape(t('report.table.matrix'))}</th></tr></thead><tbody>
${passed
  .map(
    (f) =>
      `<tr><td>${escape(areaWords(areaOf(f.check)))}</td><td><section class="finding pass" id="${escape(findingAnchor(f))}">${escape(f.title)} <span class="meta">(${escape(f.check)}${f.subject ? ` - ${escape(f.subject)}` : ''})</span></section></td><td>${f.source.url ? `<a href="${escape(learn(f.source.url))}">${escape(sectionWords(f.source.section))}</a>` : escape(sectionWords(f.source.section))}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`
      : '';
  return `<!doctype html>
<html lang="${language}" dir="${LANGUAGE_DIRECTION[language]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(t('report.heading.machine', { machine }))}</title><style>${STYLE}</style></head>
<body><div class="summary"><h1>${escape(t('report.html.h1'))}</h1><p class="machine">${escape(machine)}</p>
<div class="verdict ${report.verdict}" role="status">${escape(t('report.html.verdict', { verdict: VERDICT_WORDS[report.verdict], counts: countsWords(report.counts) }))}</div>
${doctor}${waiverNotes(report)
    .map((note) => `<p class="waiver-note" role="note">${escape(note)}</p>\n`)
    .join('')}<p class="meta">${escape(
    t('report.made', {
      edition: report.matrix.edition,
      date: report.matrix.date,
      made: formatDate(report.generatedAt),
      tool: `${report.tool.name} ${report.tool.version}`,
      examined: report.host.capturedAt ? 'yes' : 'no',
      capturedAt: report.host.capturedAt ? formatDate(report.host.capturedAt) : '',
    }),
  )}</p>
${doThisFirstHtml(report)}</div>
${sections}
${infoHtml}
${passedHtml}
</body></html>
`;
}
