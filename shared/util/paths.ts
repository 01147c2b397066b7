// Windows paths as the contract compares them (checks.md, "Paths compare ..."): case-insensitively, `/`
// read as `\`, trailing backslashes ignored (`D:` = `D:\`), the long-path prefix dropped (`\\?\D:\x` is
// `D:\x`, `\\?\UNC\server\share` is `\\server\share`) and nothing else rewritten: no white space trimmed,
// doubled backslashes kept. A volume GUID path (`\\?\Volume{GUID}\`) stays whole and, like a `\\.\` path, is
// not a UNC path.

/**
 * The path with `/` read as `\` and the long-path prefix dropped where it stands before a drive letter or
 * `UNC\`; its case and everything else as written.
 */
export function withoutLongPathPrefix(path: string): string {
  const slashes = path.replace(/\//g, '\\');
  if (/^\\\\\?\\UNC\\/i.test(slashes)) return `\\\\${slashes.slice('\\\\?\\UNC\\'.length)}`;
  if (/^\\\\\?\\[A-Za-z]:/.test(slashes)) return slashes.slice('\\\\?\\'.length);
  return slashes;
}

/** The comparable form of a Windows path: the prefix dropped, backslashes, no trailing backslash, lower case. */
export function normalizeWindowsPath(path: string): string {
  return withoutLongPathPrefix(path).replace(/\\+$/, '').toLowerCase();
}

export function samePath(a: string, b: string): boolean {
  return normalizeWindowsPath(a) === normalizeWindowsPath(b);
}

/** True when `path` is `folder` itself or starts with `folder` and a backslash. */
export function isWithin(path: string, folder: string): boolean {
  const inner = normalizeWindowsPath(path);
  const outer = normalizeWindowsPath(folder);
  return inner === outer || inner.startsWith(`${outer}\\`);
}

/** The drive a path starts on, as "D:"; null for a UNC or relative path. */
export function driveLetterOf(path: string): string | null {
  return /^([A-Za-z]:)/.exec(path.trim())?.[1]?.toUpperCase() ?? null;
}

/** A device path (`\\?\...` kept after the prefix rule, such as a volume GUID path, or `\\.\...`). */
function isDevicePath(path: string): boolean {
  return /^\\\\[?.]\\/.test(path);
}

/** A UNC path (\\server\share\..., also \\?\UNC\server\share\...), which is always a network location. */
export function isUncPath(path: string): boolean {
  const p = withoutLongPathPrefix(path);
  return p.startsWith('\\\\') && !isDevicePath(p);
}

/** The network location of a UNC path: two backslashes and its first two components (`\\server\share`). */
export function uncRootOf(path: string): string {
  return `\\\\${withoutLongPathPrefix(path).slice(2).split('\\').slice(0, 2).join('\\')}`;
}

/**
 * The volume a path's first component names, for a path no listed volume holds and that is not a UNC path:
 * its drive letter (`X:`, as written); for a `\\?\` or `\\.\` path, that prefix, the next name and a
 * backslash (`\\?\Volume{GUID}\`); for any other path the text before its first backslash, leading
 * backslashes skipped.
 */
export function namedVolumeOf(path: string): string {
  const p = withoutLongPathPrefix(path);
  const drive = /^[A-Za-z]:/.exec(p);
  if (drive) return drive[0];
  if (isDevicePath(p)) return `${p.slice(0, 4)}${p.slice(4).split('\\')[0]}\\`;
  return p.replace(/^\\+/, '').split('\\')[0]!;
}

/**
 * A drive-letter path with `.` and `..` resolved, separators folded and the drive upper-cased, as Windows
 * itself would resolve it (`D:\a\.\b\..\c` is `D:\a\c`); null for a path that is not a drive-letter path
 * or that climbs above its drive's root. Short (8.3) names are the machine's to expand, not this function's.
 */
export function canonicalWindowsPath(path: string): string | null {
  // `C:x` (no separator) is relative to the drive's current folder, which only a shell knows: not a full path.
  const match = /^([A-Za-z]):(?:[\\/](.*))?$/.exec(path.trim());
  if (!match) return null;
  const parts: string[] = [];
  for (const part of (match[2] ?? '').split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return `${match[1]!.toUpperCase()}:\\${parts.join('\\')}`;
}
