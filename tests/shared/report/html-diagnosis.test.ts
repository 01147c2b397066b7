// The doctor's block in the HTML report: after the verdict and before the first finding, the headline
// with its time as a <time>, the codes as a list, each pointed check linked to its finding's section by
// an id that exists; every string from the profile escaped, in text and in attributes.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import { findingAnchor } from '../../../shared/report/anchor.js';
import { buildReport } from '../../../shared/report/build.js';
import { localDateTime } from '../../../shared/report/diagnosis.js';
import { renderHtml } from '../../../shared/report/html.js';
import type { Report } from '../../../shared/report/types.js';
import { sample } from '../../helpers/profiles.js';

const SANDBOX = fileURLToPath(new URL('../../../samples/sandboxes/last-backup-failed/', import.meta.url));
const NOW = new Date('2026-12-01T07:45:00Z');
const CAUSE = 'the volume holding the cache folder is too full for the amount of data being backed up';
const tokyo = (iso: string) => localDateTime(iso, 'en-GB', 'Asia/Tokyo');

const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const hrefs = (html: string) => [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!);
/** The doctor's block alone. */
const block = (html: string) => html.slice(html.indexOf('<section class="diagnosis'), html.indexOf('</section>') + '</section>'.length);

let dir: string;
let failed: Report;
beforeAll(async () => {
  // A copy of the sandbox, never the sample itself.
  dir = mkdtempSync(join(tmpdir(), 'mars-html-doctor-'));
  cpSync(SANDBOX, dir, { recursive: true });
  const { profile } = await collectProfile({ machine: await openSandboxMachine(dir), offline: true });
  failed = buildReport(profile, { edition: 'current', toolVersion: 'test', now: NOW });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the doctor in the HTML report', () => {
  it('puts the headline, with its time in the reader’s zone as a <time>, after the verdict and before the first finding', () => {
    const html = renderHtml(failed, { formatDate: tokyo });
    const headline = `The last backup failed on <time datetime="2026-12-01T02:41:17.553Z">${tokyo('2026-12-01T02:41:17.5532109Z')}</time>: ${CAUSE}.`;
    expect(tokyo('2026-12-01T02:41:17.5532109Z')).toBe('Tue, 1 Dec 2026, 11:41 GMT+9');
    expect(html).toContain(`<h2 id="diagnosis-heading">${headline}</h2>`);
    const at = html.indexOf(headline);
    expect(at).toBeGreaterThan(html.indexOf('<div class="verdict'));
    expect(at).toBeLessThan(html.indexOf('<section class="finding'));
    expect(at).toBeLessThan(html.indexOf('<h2>'));
    expect(block(html)).toMatch(/^<section class="diagnosis not-ready" aria-labelledby="diagnosis-heading">/);
    // By default the time reads in this process's locale and zone, through Intl.
    expect(renderHtml(failed)).toContain(`>${localDateTime('2026-12-01T02:41:17.5532109Z')}</time>`);
  });

  it('lists the codes, the most telling first, each pointed check linked to an id that exists, with its fix', () => {
    const html = renderHtml(failed, { formatDate: tokyo });
    const doctor = block(html);
    const codes = [...doctor.matchAll(/<li><strong><code>([^<]*)<\/code><\/strong>/g)].map((m) => m[1]);
    expect(codes).toEqual(['SalLowDiskSpace', '0x80070002', '0x80070070']);
    expect(doctor).toContain('(seen twice): Windows error 112: there is not enough space on the disk.');
    const free = findingAnchor({ check: 'cache.free-space', subject: null });
    expect(doctor).toContain(
      `Still there (blocks backup): <a href="#${free}">Not enough free space for the cache</a> <span class="meta">(cache.free-space)</span>; the wizard can put it right: Move the cache folder (relocate-cache)`,
    );
    expect(doctor).toContain(`Fine now: <a href="#${findingAnchor({ check: 'cache.folder', subject: null })}">The cache folder exists</a>`);
    // Every link lands on a finding's section; no id is used twice.
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    expect(hrefs(doctor).length).toBe(4);
    for (const target of hrefs(html)) {
      expect(all).toContain(target);
      expect(html).toMatch(new RegExp(`<section class="finding [a-z]+" id="${target.replace(/[.]/g, '\\.')}">`));
    }
    // Every finding's section has its id.
    expect((html.match(/<section class="finding /g) ?? []).length).toBe(failed.findings.length);
    for (const f of failed.findings) expect(all).toContain(findingAnchor(f));
  });

  it('escapes hostile codes, titles and subjects, in the text and in the links', () => {
    const report = structuredClone(failed);
    const code = report.findings.find((f) => f.check === 'history.known-error' && f.subject === '0x80070070')!;
    code.subject = '<img src=x onerror=alert(1)>';
    const free = report.findings.find((f) => f.check === 'cache.free-space')!;
    free.title = '</a><script>alert("title")</script>';
    free.subject = '"><b onclick=alert(2)>';
    const html = renderHtml(report, { formatDate: tokyo });
    const doctor = block(html);
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(doctor).toContain('<code>&lt;img src=x onerror=alert(1)&gt;</code>');
    expect(doctor).toContain('&lt;/a&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</a>');
    // The hostile subject names its finding by an id without a quote or a bracket, and the link finds it.
    const anchor = findingAnchor(free);
    expect(anchor).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(hrefs(doctor)).toContain(anchor);
    expect(ids(html)).toContain(anchor);
  });

  it('says a job that skipped files as a warning, and is absent when the last job passed or there is no history', () => {
    const warned = sample('v2-last-backup-failed');
    warned.history!.events!.at(-1)!.id = 10;
    const warnedHtml = renderHtml(buildReport(warned, { edition: 'current', toolVersion: 'test', now: NOW }), { formatDate: tokyo });
    expect(block(warnedHtml)).toMatch(/^<section class="diagnosis ready-with-warnings"/);
    expect(warnedHtml).toContain('The last backup skipped some files on <time datetime="2026-11-19T21:47:30Z">');

    const passed = sample('v2-last-backup-failed');
    passed.history!.events!.push({ id: 1, time: '2026-11-20T02:00:00Z' }, { id: 3, time: '2026-11-20T02:40:00Z' });
    for (const profile of [passed, sample('cache-problems')]) {
      const html = renderHtml(buildReport(profile, { edition: 'current', toolVersion: 'test', now: NOW }));
      expect(html).not.toContain('class="diagnosis');
      expect(html).not.toContain('<time');
    }
  });
});

describe('the time in the headline', () => {
  it('names its zone and stays English whatever the reader’s locale, Gregorian and in Latin digits', () => {
    expect(localDateTime('2026-12-01T02:41:17Z', 'en-US', 'America/New_York')).toMatch(/^Mon, Nov 30, 2026, 09:41 PM (EST|GMT-5)$/);
    for (const locale of ['ar-EG', 'th-TH', 'zh-CN', 'de-DE', 'ja-JP-u-ca-japanese'])
      expect(localDateTime('2026-12-01T02:41:17Z', locale, 'UTC'), locale).toBe('Tue, 1 Dec 2026, 02:41 UTC');
  });
  it('reads a leap second as the end of its minute, never printing the raw text', () => {
    expect(localDateTime('2026-12-31T23:59:60Z', 'en-GB', 'UTC')).toBe('Thu, 31 Dec 2026, 23:59 UTC');
  });
});
