// The text report fits a terminal of 80 columns in every language: each line of every sample's report is
// at most 80 display columns, a Chinese or Japanese character counted as two (a web address alone on its
// line is the one exception: it is never cut, so that it opens).
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { buildReport } from '../../../shared/report/build.js';
import { PLAIN, renderText } from '../../../shared/report/text.js';
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
