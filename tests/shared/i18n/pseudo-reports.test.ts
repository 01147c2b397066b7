// Every word of the reports comes from the catalogue: under the pseudo-locale, the text, Markdown and HTML
// reports of every sample profile show nothing alphabetic outside the bracketed messages but data - the
// profile's own strings, what the report cites (check ids, subjects, the matrix's sections and documents,
// addresses) and the tool's name. The lines that break this are printed, so that what is left is plain.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import en, { type Catalogue } from '../../../shared/i18n/catalogue/en/index.js';
import { outsidePseudo, pseudoCatalogue } from '../../../shared/i18n/pseudo.js';
import { speak } from '../../../shared/i18n/translate.js';
import { buildReport } from '../../../shared/report/build.js';
import { renderHtml } from '../../../shared/report/html.js';
import { renderMarkdown } from '../../../shared/report/markdown.js';
import { PLAIN, renderText } from '../../../shared/report/text.js';
import type { Report } from '../../../shared/report/types.js';
import { CHECKS } from '../../../shared/rules/catalogue.js';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { SAMPLES } from '../../helpers/profiles.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const NAMES = readdirSync(SAMPLES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));

/** Every string a value holds, however deep (a profile's paths, names, codes and messages). */
function stringsOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/** What a report may show outside the catalogue's words: its data. */
function dataOf(profile: MachineProfile, report: Report): string[] {
  const data = stringsOf(profile);
  for (const check of CHECKS) data.add(check.id);
  data.add(report.tool.name);
  data.add(report.tool.version);
  for (const value of Object.values(report.matrix)) data.add(String(value));
  for (const f of report.findings) {
    if (f.subject) for (const part of [f.subject, ...f.subject.split('|')]) data.add(part);
    if (f.fix?.action) data.add(f.fix.action);
    for (const value of Object.values(f.source)) data.add(value);
  }
  // The longest first, so that a value is taken out whole before a shorter one inside it.
  return [...data].filter((s) => /\p{L}/u.test(s)).sort((a, b) => b.length - a.length);
}

function parses(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The words of an HTML page: no style sheet, no tags or attributes, entities decoded. */
function htmlWords(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

/** Each line where something alphabetic is left once the catalogue's messages and the data are taken out. */
function unwrapped(format: string, name: string, text: string, data: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of outsidePseudo(text).split('\n')) {
    let rest = line.replace(/https?:\/\/\S+/g, ' ');
    for (const value of data) if (rest.includes(value)) rest = rest.split(value).join(' ');
    // A Markdown escape before a value's character ("C:\\Program Files", "\*.blob") is markup, not a word.
    if (/\p{L}{2,}/u.test(rest)) found.push(`${format} ${name}: ${line.trim()}`);
  }
  return found;
}

describe('the reports under the pseudo-locale', () => {
  // A message that does not parse is the catalogue test's to report; the others are said here.
  beforeAll(() =>
    speak('en', pseudoCatalogue(Object.fromEntries(Object.entries(en).filter(([, text]) => parses(text))) as Catalogue), 'en'),
  );
  afterAll(() => speak('en', en));

  it('say nothing outside the catalogue but data, in text, Markdown and HTML, for every sample', () => {
    const lines: string[] = [];
    for (const name of NAMES) {
      const profile = JSON.parse(readFileSync(new URL(`${name}.json`, SAMPLES), 'utf8')) as MachineProfile;
      const report = buildReport(profile, { edition: 'current', toolVersion: '9.9.9', now: NOW });
      const data = dataOf(profile, report);
      // Markdown escapes some characters of the data it shows: take those out as Markdown writes them too.
      const markdownData = [...data, ...data.map((s) => s.replace(/\\(?=[!-/:-@[-`{-~])|[`*_[\]<>|]/g, (c) => `\\${c}`))];
      lines.push(...unwrapped('text', name, renderText(report, { palette: PLAIN, width: 80 }), data));
      lines.push(
        ...unwrapped(
          'markdown',
          name,
          renderMarkdown(report),
          markdownData.sort((a, b) => b.length - a.length),
        ),
      );
      lines.push(...unwrapped('html', name, htmlWords(renderHtml(report)), data));
    }
    const shown = [...new Set(lines)];
    if (shown.length > 0) console.log(`Words outside the catalogue (${shown.length} lines):\n${shown.join('\n')}`);
    expect(shown).toEqual([]);
  });
});
