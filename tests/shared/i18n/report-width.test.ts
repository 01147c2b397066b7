// The text report fits a terminal of 80 columns in every language: each line of every sample's report is
// at most 80 display columns, a Chinese or Japanese character counted as two (a web address alone on its
// line is the one exception: it is never cut, so that it opens). And the HTML report says its language and
// direction, with Microsoft's documentation linked in that language.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { buildReport } from '../../../shared/report/build.js';
import { PLAIN, renderText } from '../../../shared/report/text.js';
import { renderHtml } from '../../../shared/report/html.js';
import { displayWidth } from '../../../shared/report/wrap.js';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { SAMPLES } from '../../helpers/profiles.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const PROFILES = readdirSync(SAMPLES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(file, SAMPLES), 'utf8')) as MachineProfile] as const);

describe('the text report in every language', () => {
  afterAll(() => speakLanguage('en'));

  for (const language of LANGUAGES) {
    it(`${language}: keeps every line of every sample within 80 display columns`, async () => {
      await speakLanguage(language);
      const overlong: string[] = [];
      for (const [name, profile] of PROFILES) {
        for (const edition of ['current', '2019-02'] as const) {
          const report = buildReport(profile, { edition, toolVersion: '9.9.9', now: NOW });
          for (const line of renderText(report, { palette: PLAIN, width: 80 }).split('\n'))
            if (displayWidth(line) > 80 && !/^\s*https?:\/\/\S+$/.test(line))
              overlong.push(`${name} ${edition} (${displayWidth(line)}): ${line}`);
        }
      }
      expect(overlong).toEqual([]);
    });
  }
});

describe('the HTML report in another language', () => {
  afterAll(() => speakLanguage('en'));

  it('says its language and direction, and links to Microsoft’s documentation in that language', async () => {
    await speakLanguage('ja');
    const html = renderHtml(
      buildReport(PROFILES.find(([name]) => name === 'cache-problems')![1], { edition: 'current', toolVersion: '9.9.9', now: NOW }),
    );
    expect(html).toMatch(/<html lang="ja" dir="ltr">/);
    const links = [...html.matchAll(/href="(https:[^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^https:\/\/learn\.microsoft\.com\/ja-jp\//);
    // No physical left or right in the style sheet: the page mirrors for a right-to-left language.
    expect(html).not.toMatch(/(margin|padding|border)-(left|right)|text-align:\s*(left|right)|\b(left|right):/);
    await speakLanguage('en');
    expect(renderHtml(buildReport(PROFILES[0]![1], { edition: 'current', toolVersion: '9.9.9', now: NOW }))).toMatch(
      /<html lang="en" dir="ltr">/,
    );
  });
});
