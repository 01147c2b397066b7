// `fleet intune-rules`: each rule's MoreInfoUrl opens Microsoft Learn in the rules' language, as the
// reports' Learn more links do (learnUrl): /ja-jp/ in Japanese, no locale segment in English.
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { learnUrl } from '../../../shared/i18n/languages.js';
import { speak } from '../../../shared/i18n/translate.js';
import type { IntuneRules } from '../../../shared/report/fleet/intune-compliance.js';
import { cliInProcess } from '../../helpers/cli.js';

afterAll(() => speak('en', en));

const rules = async (language: string) =>
  JSON.parse((await cliInProcess(['fleet', 'intune-rules', '--lang', language])).stdout) as IntuneRules;

describe('fleet intune-rules MoreInfoUrl', () => {
  it('carries the language’s locale, as the other links do', async () => {
    const english = await rules('en');
    const japanese = await rules('ja');
    expect(japanese.Rules).toHaveLength(english.Rules.length);
    japanese.Rules.forEach((rule, i) => {
      expect(rule.RemediationStrings[0]!.Language).toBe('ja_JP');
      expect(rule.MoreInfoUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/ja-jp\/azure\/backup\//);
      expect(rule.MoreInfoUrl).toBe(learnUrl(english.Rules[i]!.MoreInfoUrl, 'ja'));
    });
    for (const rule of english.Rules) {
      expect(rule.MoreInfoUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/(en-us\/)?azure\/backup\//);
      expect(rule.MoreInfoUrl).toBe(learnUrl(rule.MoreInfoUrl, 'en'));
    }
    const german = await rules('de');
    for (const rule of german.Rules) expect(rule.MoreInfoUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/de-de\//);
  });
});
