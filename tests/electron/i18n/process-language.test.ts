// The language the process speaks, and the lock a machine's policy puts on it: a run the policy chose is
// locked, and so is one that --lang started where a policy is set (lockLanguage); a user's choice never
// unlocks it.
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { speak } from '../../../shared/i18n/translate.js';

afterAll(() => speak('en', en));

describe('the process language', () => {
  it('is locked by a policy, by lockLanguage, and stays locked whatever is chosen after', async () => {
    const { languageView, lockLanguage, useLanguage } = await import('../../../electron/i18n/process-language.js?fresh=1' as string);
    await useLanguage('fr', 'system');
    expect(languageView()).toEqual({ current: 'fr', source: 'system', locked: false, ignoredPolicy: null });
    await useLanguage('de', 'user');
    expect(languageView().locked).toBe(false);
    lockLanguage();
    expect(languageView()).toEqual({ current: 'de', source: 'user', locked: true, ignoredPolicy: null });
    await useLanguage('ja', 'user');
    expect(languageView().locked).toBe(true);
  });

  it('a policy start locks it', async () => {
    const { languageView, useLanguage } = await import('../../../electron/i18n/process-language.js?fresh=2' as string);
    await useLanguage('es', 'policy');
    expect(languageView()).toEqual({ current: 'es', source: 'policy', locked: true, ignoredPolicy: null });
  });
});
