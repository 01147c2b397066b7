// Windows paths as the contract compares them: case-insensitively, a trailing backslash ignored. Profiles
// may be hand-written, so forward slashes are read as backslashes too.

/** The comparable form of a Windows path: backslashes, no trailing backslash (except "C:\"), lower case. */
export function normalizeWindowsPath(path: string): string {
  let normalized = path.trim().replace(/\//g, '\\');
  // Collapse repeated separators, but keep the two that open a UNC path.
  const unc = normalized.startsWith('\\\\');
  normalized = (unc ? '\\\\' : '') + normalized.slice(unc ? 2 : 0).replace(/\\{2,}/g, '\\');
  while (normalized.endsWith('\\') && !/^[A-Za-z]:\\$/.test(normalized) && normalized !== '\\\\') {
    normalized = normalized.slice(0, -1);
  }
  if (/^[A-Za-z]:$/.test(normalized)) normalized += '\\';
  return normalized.toLowerCase();
}

export function samePath(a: string, b: string): boolean {
  return normalizeWindowsPath(a) === normalizeWindowsPath(b);
}

/** True when `path` is `folder` itself or lies below it. */
export function isWithin(path: string, folder: string): boolean {
  const inner = normalizeWindowsPath(path);
  const outer = normalizeWindowsPath(folder);
  if (inner === outer) return true;
  const prefix = outer.endsWith('\\') ? outer : `${outer}\\`;
  return inner.startsWith(prefix);
}

/** The drive a path starts on, as "D:"; null for a UNC or relative path. */
export function driveLetterOf(path: string): string | null {
  return /^([A-Za-z]:)/.exec(path.trim())?.[1]?.toUpperCase() ?? null;
}

/** A UNC path (\\server\share\...), which is always a network location. */
export function isUncPath(path: string): boolean {
  return /^[\\/]{2}/.test(path.trim());
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
