import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUncPath, isWithin, namedVolumeOf, normalizeWindowsPath, samePath, uncRootOf } from '../../../shared/util/paths.js';

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
  it('gives a drive and its root, and a share with or without its backslash, one form', () => {
    expect(normalizeWindowsPath('C:\\')).toBe(normalizeWindowsPath('C:'));
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

// Contract v2, "Paths compare ...": case and `/` aside, only trailing backslashes and the long-path prefix
// are ignored; nothing else is rewritten.
describe('the path rules of contract v2', () => {
  it('ignores trailing backslashes, so a drive letter equals its root', () => {
    expect(samePath('D:', 'D:\\')).toBe(true);
    expect(samePath('D:\\x\\\\', 'd:/X')).toBe(true);
    expect(samePath('\\\\?\\Volume{1b2c}\\', '\\\\?\\volume{1B2C}')).toBe(true);
  });
  it('trims no white space and keeps doubled backslashes', () => {
    expect(samePath(' D:\\x', 'D:\\x')).toBe(false);
    expect(samePath('D:\\x ', 'D:\\x')).toBe(false);
    expect(samePath('D:\\\\x', 'D:\\x')).toBe(false);
    expect(samePath('D:\\a\\\\b', 'D:\\a\\b')).toBe(false);
    expect(isWithin('D:\\\\x', 'D:')).toBe(true);
  });
  it('drops the long-path prefix before a drive letter, and reads \\\\?\\UNC\\ as two backslashes', () => {
    expect(samePath('\\\\?\\D:\\x', 'D:\\x')).toBe(true);
    expect(samePath('//?/d:/x/', 'D:\\X')).toBe(true);
    expect(isWithin('\\\\?\\D:\\Data\\a', 'D:\\Data')).toBe(true);
    expect(samePath('\\\\?\\UNC\\server\\share', '\\\\server\\share')).toBe(true);
    expect(isWithin('\\\\?\\UNC\\server\\share\\x', '\\\\Server\\Share')).toBe(true);
  });
  it('keeps a volume GUID path whole', () => {
    expect(samePath('\\\\?\\Volume{1b2c}\\x', 'Volume{1b2c}\\x')).toBe(false);
    expect(isWithin('\\\\?\\Volume{1b2c}\\x', '\\\\?\\Volume{1B2C}\\')).toBe(true);
  });
  it('lies within a folder only as the folder itself or below a backslash', () => {
    expect(isWithin('D:\\Data', 'D:\\Data\\')).toBe(true);
    expect(isWithin('D:\\Database', 'D:\\Data')).toBe(false);
    expect(isWithin('D:', 'D:\\x')).toBe(false);
  });
});

describe('isUncPath in contract v2', () => {
  it('counts \\\\?\\UNC\\ paths, but neither volume GUID paths nor \\\\.\\ paths', () => {
    expect(isUncPath('\\\\?\\UNC\\server\\share\\x')).toBe(true);
    expect(isUncPath('\\\\?\\Volume{1b2c}\\x')).toBe(false);
    expect(isUncPath('\\\\?\\D:\\x')).toBe(false);
    expect(isUncPath('\\\\.\\PhysicalDrive0')).toBe(false);
    expect(isUncPath('\\\\.\\C:\\x')).toBe(false);
  });
  it('trims no white space', () => {
    expect(isUncPath(' \\\\nas\\share')).toBe(false);
  });
});

describe('namedVolumeOf: the volume a path names when no listed volume holds it', () => {
  it('is the drive letter of a path that starts with one, as written', () => {
    expect(namedVolumeOf('Q:\\Data')).toBe('Q:');
    expect(namedVolumeOf('q:')).toBe('q:');
    expect(namedVolumeOf('\\\\?\\Q:\\Data')).toBe('Q:');
  });
  it('is the prefix, the next name and a backslash for a \\\\?\\ or \\\\.\\ path', () => {
    expect(namedVolumeOf('\\\\?\\Volume{1b2c-77}\\Data\\x')).toBe('\\\\?\\Volume{1b2c-77}\\');
    expect(namedVolumeOf('\\\\?\\Volume{1b2c-77}')).toBe('\\\\?\\Volume{1b2c-77}\\');
    expect(namedVolumeOf('\\\\.\\PhysicalDrive1\\x')).toBe('\\\\.\\PhysicalDrive1\\');
  });
  it('is the text before the first backslash for any other path, leading backslashes skipped', () => {
    expect(namedVolumeOf('Data\\x')).toBe('Data');
    expect(namedVolumeOf('\\Data\\x')).toBe('Data');
    expect(namedVolumeOf('relative')).toBe('relative');
  });
});

describe('uncRootOf', () => {
  it('is the network location: two backslashes and the first two components', () => {
    expect(uncRootOf('\\\\FS02\\Share\\a\\b')).toBe('\\\\FS02\\Share');
    expect(uncRootOf('//fs02/share/a')).toBe('\\\\fs02\\share');
    expect(uncRootOf('\\\\?\\UNC\\fs02\\share\\a')).toBe('\\\\fs02\\share');
    expect(uncRootOf('\\\\fs02')).toBe('\\\\fs02');
  });
});
