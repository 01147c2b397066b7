import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalWindowsPath,
  isUncPath,
  isWithin,
  namedVolumeOf,
  normalizeWindowsPath,
  samePath,
  uncRootOf,
} from '../../../shared/util/paths.js';

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
  it('trims no white space', () => {
    expect(samePath(' D:\\x', 'D:\\x')).toBe(false);
    expect(samePath('D:\\x ', 'D:\\x')).toBe(false);
    expect(samePath('D:\\a \\b', 'D:\\a\\b')).toBe(false);
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

// Windows resolves a full path lexically (GetFullPathName): repeated backslashes are one, `.` names go,
// `..` takes back the name before it and stops at the root. Two spellings of one folder are one folder to
// every check, and a `..` detour cannot hide a system folder or the selection from a planner.
const dotted = fc
  .tuple(localPath, fc.array(fc.constantFrom('.', 'x\\..', 'a\\b\\..\\..', '', '\\'), { minLength: 1, maxLength: 4 }))
  .map(([p, detours]) => {
    // A detour after the drive and after each name: `.`, `x\..`, a doubled backslash (`''` before a `\`).
    const [drive, ...names] = p.split('\\');
    const withDetours = names.flatMap((name, i) => [detours[i % detours.length]!, name]);
    return { plain: p, dotted: [drive, ...withDetours, detours[0]!].join('\\') };
  });

describe('dot segments and repeated backslashes', () => {
  const SCRATCH = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch';
  it('reads a `.` name, a `..` detour and a doubled backslash as the folder they resolve to', () => {
    expect(samePath(SCRATCH, 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\.\\Scratch')).toBe(true);
    expect(samePath(SCRATCH, 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\x\\..\\Scratch')).toBe(true);
    expect(samePath(SCRATCH, 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\\\Scratch')).toBe(true);
    expect(samePath('D:\\\\x', 'D:\\x')).toBe(true);
    expect(samePath('D:\\a\\\\b', 'd:/a//b/')).toBe(true);
    expect(samePath('D:\\a\\b\\..', 'D:\\a')).toBe(true);
    expect(samePath('D:\\a\\.', 'D:\\a')).toBe(true);
    expect(samePath('D:\\a\\..', 'D:')).toBe(true);
    expect(normalizeWindowsPath('D:\\Data\\..\\Windows\\.\\Temp')).toBe('d:\\windows\\temp');
  });
  it('still tells apart names that only look like dots', () => {
    expect(samePath('D:\\a\\...', 'D:\\a')).toBe(false);
    expect(samePath('D:\\a\\.x', 'D:\\a\\x')).toBe(false);
    expect(samePath('D:\\a\\x..', 'D:\\a')).toBe(false);
    expect(samePath('D:\\a\\b\\..', 'D:\\a\\b')).toBe(false);
  });
  it("never climbs above the drive root, the share or a device path's first name", () => {
    expect(normalizeWindowsPath('D:\\..\\..\\Windows')).toBe('d:\\windows');
    expect(samePath('D:\\a\\..\\..\\x', 'D:\\x')).toBe(true);
    expect(normalizeWindowsPath('\\\\server\\share\\..\\..\\x')).toBe('\\\\server\\share\\x');
    expect(samePath('\\\\server\\share\\a\\..', '\\\\server\\share')).toBe(true);
    expect(isWithin('\\\\server\\share\\..\\other\\x', '\\\\server\\other')).toBe(false);
    expect(normalizeWindowsPath('\\\\?\\UNC\\server\\share\\..\\x')).toBe('\\\\server\\share\\x');
    expect(normalizeWindowsPath('\\\\?\\Volume{1b2c}\\..\\x')).toBe('\\\\?\\volume{1b2c}\\x');
    expect(normalizeWindowsPath('\\\\.\\PhysicalDrive0\\..')).toBe('\\\\.\\physicaldrive0');
    expect(normalizeWindowsPath('\\\\?\\D:\\..\\x')).toBe('d:\\x');
  });
  it('keeps the UNC and device prefixes as they are: two backslashes, \\\\?\\ and \\\\.\\', () => {
    expect(normalizeWindowsPath('\\\\Server\\\\Share\\\\x')).toBe('\\\\server\\share\\x');
    expect(isUncPath('\\\\server\\share\\.\\x')).toBe(true);
    expect(samePath('\\\\server\\share', '\\server\\share')).toBe(false);
    expect(samePath('\\\\.\\C:\\x', 'C:\\x')).toBe(false);
    expect(samePath('\\\\?\\Volume{1b2c}\\x', 'Volume{1b2c}\\x')).toBe(false);
    expect(isWithin('\\\\?\\Volume{1b2c}\\a\\..\\x', '\\\\?\\Volume{1B2C}\\x')).toBe(true);
  });
  it('keeps a drive-relative or relative path relative, resolving what it can', () => {
    expect(samePath('D:x', 'D:\\x')).toBe(false);
    expect(samePath('D:x\\.\\y', 'D:x\\y')).toBe(true);
    expect(samePath('D:x\\..', 'D:')).toBe(false);
    expect(normalizeWindowsPath('a\\..\\..\\b')).toBe('..\\b');
    expect(samePath('\\x\\.\\y', '\\x\\y')).toBe(true);
    expect(samePath('a\\b', '\\a\\b')).toBe(false);
  });
  it('judges isWithin on the resolved paths, so a `..` detour neither hides nor fakes a folder below another', () => {
    expect(isWithin('D:\\Data\\..\\Windows', 'D:\\Windows')).toBe(true);
    expect(isWithin('D:\\Data\\..\\Windows', 'D:\\Data')).toBe(false);
    expect(isWithin('D:\\Data\\x', 'D:\\Other\\..\\Data')).toBe(true);
    expect(isWithin('D:\\Data\\\\x', 'D:\\Data')).toBe(true);
  });
  it('gives canonicalWindowsPath the same resolution, refusing a climb above the root', () => {
    expect(canonicalWindowsPath('d:\\Data\\..\\Windows\\.\\\\x\\')).toBe('D:\\Windows\\x');
    expect(canonicalWindowsPath('D:\\..\\Windows')).toBeNull();
    expect(canonicalWindowsPath('D:x')).toBeNull();
  });
  it('is idempotent and agrees with canonicalWindowsPath on drive paths', () => {
    fc.assert(
      fc.property(dotted, ({ plain, dotted: d }) => {
        expect(normalizeWindowsPath(normalizeWindowsPath(d))).toBe(normalizeWindowsPath(d));
        expect(normalizeWindowsPath(canonicalWindowsPath(d)!)).toBe(normalizeWindowsPath(plain));
      }),
    );
  });
  it('holds samePath(a, a written with dot segments and doubled backslashes)', () => {
    fc.assert(
      fc.property(dotted, ({ plain, dotted: d }) => {
        expect(samePath(plain, d)).toBe(true);
        expect(isWithin(d, plain)).toBe(true);
        expect(isWithin(`${d}\\sub`, plain)).toBe(true);
      }),
    );
  });
  it('tells different folders apart however they are written', () => {
    fc.assert(
      fc.property(dotted, segment, ({ plain, dotted: d }, s) => {
        expect(samePath(plain, `${d}\\${s}`)).toBe(false);
        expect(isWithin(plain, `${d}\\${s}`)).toBe(false);
      }),
    );
  });
});
