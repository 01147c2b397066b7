// Path facts read with lstat, component by component from the drive's root down, never following a link:
// how the sandbox and Linux adapters see a target folder. (Windows reads the attributes that lstat cannot
// show - compression, encryption - in windows/path-facts.ts.)

import { lstat, opendir } from 'node:fs/promises';
import { canonicalWindowsPath } from '../../shared/util/paths.js';
import type { FolderAttributes } from '../../shared/profile/types.js';
import type { PathFacts } from './machine.js';
import { t } from '../../shared/i18n/translate.js';

/**
 * Walks the canonical path's components; `local` maps a Windows path to one this process opens, `declared`
 * gives the attributes the path carries or inherits (a sandbox's machine.json says them; lstat cannot).
 */
export async function lstatPathFacts(
  windowsPath: string,
  local: (windowsPath: string) => string,
  declared: (windowsPath: string) => FolderAttributes,
): Promise<PathFacts> {
  const canonical = canonicalWindowsPath(windowsPath);
  if (!canonical) throw new Error(t('machine.path.notOnDrive', { path: windowsPath }));
  const [drive, ...parts] = canonical.split('\\').filter(Boolean);
  let current = `${drive}`;
  let deepest: string | null = null;
  let linkAt: string | null = null;
  let fileAt: string | null = null;
  let isFolder = true;
  for (const part of parts) {
    current = `${current}\\${part}`;
    const info = await lstat(local(current)).catch(() => null);
    if (!info) break;
    deepest = current;
    isFolder = info.isDirectory();
    if (info.isSymbolicLink()) {
      linkAt ??= current;
      break;
    }
    if (!isFolder) {
      if (current !== canonical) fileAt = current;
      break;
    }
  }
  // Through a link the rest of the path is not looked at: the plan refuses it whatever lies behind.
  const exists = linkAt === null && (parts.length === 0 || deepest === canonical);
  let empty: boolean | null = null;
  if (exists && isFolder) {
    const dir = await opendir(local(canonical));
    empty = (await dir.read()) === null;
    await dir.close();
  }
  // Attributes pass down: what is declared for the path or the nearest folder above it, existing or not.
  const inherited = declared(canonical);
  return {
    canonical,
    exists,
    empty,
    attributes: { ...inherited, reparsePoint: inherited.reparsePoint || linkAt !== null },
    linkAt,
    fileAt,
    unknown: null,
  };
}
