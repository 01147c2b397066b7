// The HTML report of every sample profile, printed by Chromium (page.pdf) on A4 and on Letter: its first
// page holds the summary (machine, verdict, doctor, matrix edition, Do this first), and nothing is cut at
// a page's edge. No PDF reader is installed here, so what decides where Chromium breaks pages is measured
// instead, in the very layout it prints: with print media emulated and the viewport as wide as the page's
// printable area (the same margins are given to page.pdf), the summary starts the page, fits in one page
// and forces a break after it; every finding, Do this first action, table row and doctor's line avoids a
// break inside and fits in one page, so Chromium moves it whole to the next page rather than cut it; and
// every other block of more than one line lies inside one of those (or in the summary). Then the PDF is
// made, for each format, and has the summary's page and at least one more.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

type Build = typeof import('../shared/report/build.js');
type Html = typeof import('../shared/report/html.js');
type Profile = import('../shared/profile/types.js').MachineProfile;

const MM = 96 / 25.4;
/** The page sizes (mm) and the margins the report's @page rule asks for, given to page.pdf as they are. */
const FORMATS = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
const MARGIN = { top: 14, bottom: 14, left: 12, right: 12 };
/** What must never be cut: each is kept whole by `break-inside: avoid`. */
const UNITS = '.finding, li.action, tr, .diagnosis li, .verdict, .info-list li';

const SAMPLES = readdirSync(join(ROOT, 'samples', 'profiles'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

async function reportHtml(name: string): Promise<string> {
  const { buildReport } = (await import(`${ROOT}dist/shared/report/build.js`)) as Build;
  const { renderHtml } = (await import(`${ROOT}dist/shared/report/html.js`)) as Html;
  const profile = JSON.parse(readFileSync(join(ROOT, 'samples', 'profiles', `${name}.json`), 'utf8')) as Profile;
  const report = buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-12-01T07:45:00Z') });
  return renderHtml(report, { formatDate: (iso) => new Date(iso).toUTCString() });
}

test('the samples are all here', () => {
  expect(SAMPLES.length).toBeGreaterThanOrEqual(14);
  expect(SAMPLES).toContain('v2-last-backup-failed');
});

for (const name of SAMPLES)
  for (const [format, size] of Object.entries(FORMATS))
    test(`${name} on ${format}: the summary is the first page, and no finding is cut at a page's edge`, async ({ page }) => {
      const html = await reportHtml(name);
      const width = Math.floor((size.width - MARGIN.left - MARGIN.right) * MM);
      const height = (size.height - MARGIN.top - MARGIN.bottom) * MM;
      await page.setViewportSize({ width, height: Math.floor(height) });
      await page.setContent(html);
      await page.emulateMedia({ media: 'print' });

      const layout = await page.evaluate(
        ({ units, pageHeight }) => {
          const box = (el: Element) => el.getBoundingClientRect();
          const summary = document.querySelector('.summary')!;
          const all = [...document.querySelectorAll(units)];
          const unitSet = new Set(all);
          const inUnit = (el: Element | null): boolean => {
            for (let e = el; e; e = e.parentElement) if (unitSet.has(e) || e === summary) return true;
            return false;
          };
          // Blocks whose own text runs over more than one line, outside every unit and the summary.
          const loose: string[] = [];
          for (const el of document.body.querySelectorAll('*')) {
            const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
            if (!ownText || inUnit(el)) continue;
            const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2;
            if (box(el).height > lineHeight * 1.5) loose.push(`${el.tagName.toLowerCase()}: ${el.textContent!.slice(0, 60)}`);
          }
          return {
            first: document.body.firstElementChild === summary,
            summaryTop: box(summary).top,
            summaryHeight: box(summary).height,
            breakAfter: getComputedStyle(summary).breakAfter,
            headingsInSummary: [...summary.querySelectorAll('h1, h2')].map((h) => h.textContent),
            afterSummary: summary.nextElementSibling !== null,
            units: all.map((el) => ({
              what: `${el.tagName.toLowerCase()}.${el.className} ${el.textContent!.slice(0, 50)}`,
              height: box(el).height,
              breakInside: getComputedStyle(el).breakInside,
            })),
            findings: document.querySelectorAll('section.finding').length,
            loose,
            pageHeight,
          };
        },
        { units: UNITS, pageHeight: height },
      );

      // The first page holds the summary, and only it.
      expect(layout.first).toBe(true);
      expect(layout.summaryTop).toBeLessThanOrEqual(1);
      expect(layout.summaryHeight).toBeLessThanOrEqual(layout.pageHeight);
      expect(layout.breakAfter).toBe('page');
      expect(layout.headingsInSummary[0]).toBe('MARS readiness report');
      expect(layout.headingsInSummary).toContain('Do this first');
      expect(layout.afterSummary).toBe(true);

      // Nothing can be cut: every unit is kept whole and fits a page; no other block runs over lines.
      expect(layout.findings).toBeGreaterThan(20);
      const cuttable = layout.units.filter((u) => u.breakInside !== 'avoid' || u.height > layout.pageHeight);
      expect(cuttable.map((u) => `${u.what} (${Math.round(u.height)} px, break-inside: ${u.breakInside})`)).toEqual([]);
      expect(layout.loose).toEqual([]);

      // The PDF itself: made by Chromium, the summary's page and the findings' after it.
      const pdf = await page.pdf({
        format,
        margin: { top: `${MARGIN.top}mm`, bottom: `${MARGIN.bottom}mm`, left: `${MARGIN.left}mm`, right: `${MARGIN.right}mm` },
      });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(2);
    });
