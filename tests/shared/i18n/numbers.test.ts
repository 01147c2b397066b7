// Numbers the language's way: English's own formatter (no Intl, for the CLI's start) writes exactly what
// Intl's en formatter writes, grouped or not; other languages get Intl's.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { formatBytes, formatNumber, speak, t } from '../../../shared/i18n/translate.js';

const VALUES = [
  0,
  1,
  7,
  81.2,
  999,
  1000,
  1204,
  54_400,
  1234567.891,
  0.5,
  0.0004,
  1.0005,
  2.675,
  -3,
  -1234.5678,
  999999.9996,
  1e14 + 0.5,
  1e16,
  -0,
  NaN,
  Infinity,
];

describe('numbers', () => {
  afterAll(() => speak('en', en));

  it('English, grouped: exactly as Intl writes them, for any value', () => {
    const intl = new Intl.NumberFormat('en');
    const random = Array.from({ length: 2000 }, (_, i) => (Math.random() - 0.3) * 10 ** (i % 16) * (i % 7 === 0 ? 1 : 1.000123));
    for (const value of [...VALUES, -0.0001, -0.0005, 1e21, ...random]) expect(formatNumber(value), String(value)).toBe(intl.format(value));
    fc.assert(fc.property(fc.double({ noNaN: true, min: -1e7, max: 1e7 }), (n) => formatNumber(n) === intl.format(n)));
    fc.assert(fc.property(fc.integer(), (n) => formatNumber(n) === intl.format(n)));
  });

  it('English, ungrouped (::group-off): as Intl writes them without grouping', () => {
    const intl = new Intl.NumberFormat('en', { useGrouping: false });
    speak('en', { ...en, 'common.units.forever': '{n, number, ::group-off}' });
    for (const value of [1000, 1234567.891, 54_400, 0.5, -1234.5]) expect(t('common.units.forever', { n: value })).toBe(intl.format(value));
    speak('en', en);
  });

  it('other languages: Intl, inside and outside a sentence', async () => {
    await speakLanguage('de');
    expect(formatNumber(1234567.891)).toBe('1.234.567,891');
    expect(formatBytes(1.5 * 2 ** 40)).toBe('1,5 TB');
    await speakLanguage('fr');
    expect(formatNumber(54_400)).toBe(new Intl.NumberFormat('fr').format(54_400));
  });
});
