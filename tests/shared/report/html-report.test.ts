// The HTML report fits a ticket (shared/report/html.ts): a summary first - machine, verdict, the doctor
// when the last backup failed, the matrix edition, the Do this first list with links to the findings
// each action resolves - then the blockers, warnings and unknowns with their fixes and Learn more links,
// what is for information, and the passed checks as a table, one row each. Every finding keeps its id; the
// print stylesheet keeps findings whole and prints each link's address. (The PDF itself: e2e/report-pdf.spec.ts.)
import { describe, expect, it } from 'vitest';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { findingAnchor } from '../../../shared/report/anchor.js';
import { buildReport } from '../../../shared/report/build.js';
import { localDateTime } from '../../../shared/report/diagnosis.js';
import { doThisFirst } from '../../../shared/report/do-this-first.js';
import { renderHtml } from '../../../shared/report/html.js';
import { sample } from '../../helpers/profiles.js';
import { STATUS_PROFILES, V2_SAMPLES } from '../../helpers/status-profiles.js';

const report = (profile: MachineProfile) =>
  buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-12-01T07:45:00Z') });
const summary = (html: string) => html.slice(html.indexOf('<div class="summary">'), html.indexOf('<section class="findings">'));
const escaped = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

describe('the HTML report', () => {
  it('opens with the summary: machine, verdict, doctor, matrix edition, then Do this first', () => {
    const r = report(sample('v2-last-backup-failed'));
    const html = renderHtml(r, { formatDate: (iso) => `when ${iso}` });
    const top = summary(html);
    const order = [
      '<h1>MARS readiness report</h1>',
      '<p class="machine">FS08, Microsoft Windows Server 2019 Standard</p>',
      '<div class="verdict not-ready" role="status">Not ready: 1 blocker, 1 warning, 0 unknown, 30 passed, 5 for information</div>',
      '<h2 id="diagnosis-heading">',
      'Support matrix current (2026-03). Report made when 2026-12-01T07:45:00.000Z by mars-readiness test',
      '<h2>Do this first</h2>',
    ].map((part) => top.indexOf(part));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The findings come after the summary, the blockers before the warnings.
    expect(html.indexOf('<h2>Blockers</h2>')).toBeGreaterThan(html.indexOf('<h2>Do this first</h2>'));
    expect(html.indexOf('<h2>Warnings</h2>')).toBeGreaterThan(html.indexOf('<h2>Blockers</h2>'));
    expect(html.indexOf('<h2>Passed</h2>')).toBeGreaterThan(html.indexOf('<h2>Warnings</h2>'));
    expect(top).not.toContain('<section class="finding');
    // By default the dates read in the reader's locale and zone, through Intl.
    expect(renderHtml(r)).toContain(`Report made ${escaped(localDateTime(r.generatedAt))} by`);
  });

  it('lists each action by who acts, linked to the findings it resolves, with the wizard’s fix', () => {
    const r = report(sample('cache-problems'));
    const top = summary(renderHtml(r));
    expect(top).toContain('<h3>A server administrator</h3>');
    expect(top).not.toMatch(/server admin\b/);
    const list = doThisFirst(r);
    for (const action of list.groups.flatMap((g) => g.actions)) {
      expect(top).toContain(`<strong>${escaped(action.title)}</strong>`);
      for (const f of action.resolves) expect(top).toContain(`<a href="#${findingAnchor(f)}">${escaped(f.title)}</a>`);
    }
    expect(top).toContain('<p class="fix">The wizard can do this for you: Move the cache folder.</p>');
    expect((top.match(/<li class="action /g) ?? []).length).toBe(3);
    // On a laptop, its administrator.
    expect(summary(renderHtml(report(sample('pre-install'))))).toContain('<h3>An administrator of this PC</h3>');
    // Nothing to do: said so.
    expect(summary(renderHtml(report(sample('healthy-server'))))).toContain('Nothing: no check found a problem or left a question open.');
  });

  it('gives every finding its id and a Learn more link, every pass one row of the table, every link a target', () => {
    for (const r of [...STATUS_PROFILES, ...V2_SAMPLES.map(sample)].map(report)) {
      const html = renderHtml(r);
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of r.findings) {
        expect(ids).toContain(findingAnchor(f));
        expect(html).toContain(`href="${escaped(f.source.url)}"`);
      }
      for (const f of r.findings.filter((x) => x.status === 'fail' || x.status === 'warn' || x.status === 'unknown')) {
        const section = html.slice(html.indexOf(`id="${findingAnchor(f)}"`));
        const own = section.slice(0, section.indexOf('</section>'));
        expect(own).toContain(`<a href="${escaped(f.source.url)}">Learn more: ${escaped(f.source.section)}</a>`);
        expect(own).toContain('<strong>What to do</strong>');
        for (const step of f.fix!.steps) expect(own).toContain(`<li>${escaped(step)}</li>`);
      }
      const rows = html.slice(html.indexOf('<table class="passed">')).match(/<tr><td>/g) ?? [];
      expect(rows).toHaveLength(r.findings.filter((f) => f.status === 'pass').length);
      for (const target of [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!)) expect(ids).toContain(target);
    }
  });

  it('prints on A4 or Letter without cutting a finding, and prints each link’s address', () => {
    const html = renderHtml(report(sample('old-os')));
    const print = html.slice(html.indexOf('@media print{'));
    expect(print).toMatch(/\.summary\{break-after:page\}/);
    expect(print).toMatch(/\.finding,\.action,[^{]*tr[^{]*\{break-inside:avoid\}/);
    expect(print).toContain('a[href^="http"]::after{content:" (" attr(href) ")"');
    expect(html).toContain('@page{margin:');
  });
});
