// durationWords (shared/actions/progress-rate.ts) in the current language, from messages.
import { afterAll, describe, expect, it } from 'vitest';
import { durationMessage, durationWords } from '../../../shared/actions/progress-rate.js';
import { speakLanguage } from '../../../shared/i18n/load.js';

describe('durationWords in other languages', () => {
  afterAll(() => speakLanguage('en'));
  it('keeps English as it was, and says the message in German and Japanese', async () => {
    expect(durationMessage(600)).toEqual({
      id: 'common.units.about',
      args: { duration: { id: 'common.units.minutes', args: { count: 10 } } },
    });
    expect(durationWords(1)).toBe('about 1 second');
    expect(durationWords(5400)).toBe('about 1.5 hours');
    await speakLanguage('de');
    expect(durationWords(0.4)).toBe('weniger als eine Sekunde');
    expect(durationWords(7)).toBe('etwa 7 Sekunden');
    expect(durationWords(3 * 3600 + 1000)).toBe('etwa 3,5 Stunden');
    await speakLanguage('ja');
    expect(durationWords(600)).toBe('約 10 分');
  });
});
