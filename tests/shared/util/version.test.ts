import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStatedParts, compareVersions, parseVersion } from '../../../shared/util/version.js';

const version = fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 5 });

describe('parseVersion', () => {
  it('round-trips any dotted version', () => {
    fc.assert(
      fc.property(version, (parts) => {
        expect(parseVersion(parts.join('.'))).toEqual(parts);
      }),
    );
  });
  it('refuses text that is not a dotted number', () => {
    for (const bad of ['', '5.', '.5', '5..1', 'v5', '5.1a', '5 .1', null, undefined]) expect(parseVersion(bad)).toBeNull();
  });
});

describe('compareVersions', () => {
  it('is antisymmetric', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(compareVersions(a, b)).toBe(-compareVersions(b, a) || 0);
      }),
    );
  });
  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
  it('ignores trailing zero parts', () => {
    fc.assert(
      fc.property(version, fc.nat({ max: 3 }), (a, zeros) => {
        expect(compareVersions(a, [...a, ...Array(zeros).fill(0)])).toBe(0);
      }),
    );
  });
  it('compares numerically, never as text', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (x, y) => {
        expect(compareVersions([x], [y])).toBe(Math.sign(x - y));
      }),
    );
    expect(compareVersions([10], [9])).toBe(1);
    expect(compareVersions([5, 10], [5, 9])).toBe(1);
  });
  it('orders the first differing part first', () => {
    fc.assert(
      fc.property(version, fc.nat(), fc.nat(), version, version, (prefix, x, y, restA, restB) => {
        fc.pre(x !== y);
        expect(compareVersions([...prefix, x, ...restA], [...prefix, y, ...restB])).toBe(Math.sign(x - y));
      }),
    );
  });
});

describe('compareStatedParts', () => {
  it('treats a shorter version as equal to any version it is a prefix of', () => {
    fc.assert(
      fc.property(version, version, (a, rest) => {
        expect(compareStatedParts(a, [...a, ...rest])).toBe(0);
      }),
    );
  });
});
