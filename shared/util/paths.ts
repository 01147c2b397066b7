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
