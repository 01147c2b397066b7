// What the folder the user named for the cache looks like now, for the plan's checks.

import { opendir, stat } from 'node:fs/promises';
import type { TargetFolderFacts } from '../../shared/actions/relocate-plan.js';
import { isWithin } from '../../shared/util/paths.js';
import type { SandboxMachine } from '../sandbox/sandbox-machine.js';

/**
 * What the folder the user named looks like now: present or not, empty or not, and its attributes - its
 * own, or those it would inherit from the nearest folder above it (compression and encryption pass down).
 */
export async function targetFacts(local: string, sandbox: SandboxMachine | null, windowsPath: string): Promise<TargetFolderFacts | null> {
  const info = await stat(local).catch(() => null);
  let empty: boolean | null = null;
  if (info?.isDirectory()) {
    const dir = await opendir(local);
    empty = (await dir.read()) === null;
    await dir.close();
  }
  if (!sandbox) return info ? { exists: true, empty: info.isDirectory() ? empty : false, attributes: null } : null;
  const declared = Object.entries(sandbox.machine.folderAttributes ?? {})
    .filter(([folder]) => isWithin(windowsPath, folder))
    .sort((a, b) => b[0].length - a[0].length)[0]?.[1];
  return {
    exists: info !== null,
    empty: info ? (info.isDirectory() ? empty : false) : null,
    attributes: declared ?? { encrypted: false, compressed: false, sparse: false, reparsePoint: info?.isSymbolicLink() ?? false },
  };
}
