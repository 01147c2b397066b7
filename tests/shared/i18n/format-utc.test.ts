// formatUtc (shared/i18n/translate.ts): a time in UTC, in the current language; English as it always was.
import { afterAll, describe, expect, it } from 'vitest';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { formatUtc } from '../../../shared/i18n/translate.js';

describe('formatUtc', () => {
  afterAll(() => speakLanguage('en'));
  it('says the day and time in UTC the language way', async () => {
    expect(formatUtc('2026-12-01T03:41:00+01:00')).toBe('1 Dec 2026 at 02:41 UTC');
    expect(formatUtc('not a time')).toBe('not a time');
    await speakLanguage('de');
    expect(formatUtc('2026-12-01T02:41:00Z')).toBe('1. Dez. 2026 um 02:41 UTC');
    await speakLanguage('fr');
    expect(formatUtc('2026-12-01T02:41:00Z')).toBe('1 déc. 2026 à 02:41 UTC');
    await speakLanguage('ja');
    expect(formatUtc('2026-12-01T02:41:00Z')).toBe('2026年12月1日 02:41 (UTC)');
  });
});
