// formatNumber is Intl's en-US form of every number, also where it skips making a formatter (below 1,000).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../shared/i18n/translate.js';

const intl = new Intl.NumberFormat('en-US');

describe('formatNumber', () => {
  it('agrees with Intl.NumberFormat("en-US") on integers, decimals and the edges', () => {
    for (const n of [0, 1, 7, 999, 1000, 1204, -5, -999.5, 81.2, 0.125, 0.1234, 999.999, 1e21, 12345678.9, -0]) {
      expect(formatNumber(n), String(n)).toBe(intl.format(n));
    }
    fc.assert(fc.property(fc.double({ noNaN: true, min: -1e7, max: 1e7 }), (n) => formatNumber(n) === intl.format(n)));
    fc.assert(fc.property(fc.integer(), (n) => formatNumber(n) === intl.format(n)));
  });
});
