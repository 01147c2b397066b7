// Every sentence the rules say comes from the catalogue: under the pseudo-locale, each finding's title,
// detail and fix steps of every check in every status (both editions) are bracketed messages, nothing
// outside them, and each finding carries the messages it was said from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { outsidePseudo, pseudoCatalogue } from '../../../shared/i18n/pseudo.js';
import { say, speak } from '../../../shared/i18n/translate.js';
import { evaluate } from '../../../shared/report/build.js';
import { STATUS_PROFILES, V2_SAMPLES } from '../../helpers/status-profiles.js';
import { sample } from '../../helpers/profiles.js';

const PROFILES = [...STATUS_PROFILES, ...V2_SAMPLES.map(sample)];

describe('the rules under the pseudo-locale', () => {
  beforeAll(() => speak('en', pseudoCatalogue(en), 'en'));
  afterAll(() => speak('en', en));

  for (const edition of ['current', '2019-02'] as const) {
    it(`${edition}: every title, detail and fix step is a catalogue message`, () => {
      const unwrapped: string[] = [];
      for (const profile of PROFILES) {
        for (const finding of evaluate(profile, edition)) {
          for (const text of [finding.title, finding.detail, ...(finding.fix?.steps ?? [])]) {
            const rest = outsidePseudo(text).trim();
            if (/[A-Za-z]{2,}/.test(rest)) unwrapped.push(`${finding.check}: ${rest}`);
          }
          if (!finding.messages) unwrapped.push(`${finding.check}: no messages for "${finding.title}"`);
          else expect(say(finding.messages.title)).toBe(finding.title);
        }
      }
      expect([...new Set(unwrapped)]).toEqual([]);
    });
  }
});
