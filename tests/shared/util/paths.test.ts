import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUncPath, isWithin, normalizeWindowsPath, samePath } from '../../../shared/util/paths.js';

const segment = fc.stringMatching(/^[A-Za-z0-9 _.\-éü]{1,12}$/).filter((s) => s.trim() !== '' && !/^\.+$/.test(s) && s === s.trim());
const localPath = fc
  .tuple(fc.constantFrom('C', 'D', 'e', 'Z'), fc.array(segment, { maxLength: 5 }))
  .map(([drive, parts]) => `${drive}:\\${parts.join('\\')}`);

describe('normalizeWindowsPath', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(localPath, (p) => {
        expect(normalizeWindowsPath(normalizeWindowsPath(p))).toBe(normalizeWindowsPath(p));
      }),
    );
  });
  it('ignores case and trailing backslashes', () => {
    fc.assert(
      fc.property(localPath, fc.nat({ max: 3 }), (p, n) => {
        expect(samePath(p, `${p.toUpperCase()}${'\\'.repeat(n)}`)).toBe(true);
      }),
    );
  });
  it('reads forward slashes as backslashes', () => {
    fc.assert(
      fc.property(localPath, (p) => {
        expect(samePath(p, p.replace(/\\/g, '/'))).toBe(true);
      }),
    );
  });
  it('keeps the root of a drive and of a UNC path', () => {
    expect(normalizeWindowsPath('C:\\')).toBe('c:\\');
    expect(normalizeWindowsPath('C:')).toBe('c:\\');
    expect(normalizeWindowsPath('\\\\Server\\Share\\')).toBe('\\\\server\\share');
  });
  it('tells different folders apart', () => {
    fc.assert(
      fc.property(localPath, segment, (p, s) => {
        expect(samePath(p, `${p}\\${s}`)).toBe(false);
      }),
    );
  });
});

describe('isWithin', () => {
  it('holds for a folder and everything below it', () => {
    fc.assert(
      fc.property(localPath, fc.array(segment, { maxLength: 3 }), (p, more) => {
        expect(isWithin([p, ...more].join('\\'), p)).toBe(true);
      }),
    );
  });
  it('does not mistake a sibling with a common prefix for a child', () => {
    expect(isWithin('D:\\Scratch2', 'D:\\Scratch')).toBe(false);
    expect(isWithin('D:\\Scratch\\x', 'D:\\Scratch')).toBe(true);
    expect(isWithin('D:\\anything', 'D:')).toBe(true);
  });
});

describe('isUncPath', () => {
  it('recognises two leading separators only', () => {
    expect(isUncPath('\\\\nas\\share')).toBe(true);
    expect(isUncPath('//nas/share')).toBe(true);
    expect(isUncPath('C:\\x')).toBe(false);
    expect(isUncPath('\\x')).toBe(false);
  });
});
