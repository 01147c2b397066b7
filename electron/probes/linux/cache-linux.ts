// The cache folder facts for a path the user names, on Linux: does it exist, which mount holds it, how
// big it is, and its attributes (lsattr reads the same inode flags Windows calls compressed/encrypted).

import { lstat, realpath } from 'node:fs/promises';
import { posix } from 'node:path';
import type { CacheFacts, VolumeFacts } from '../../../shared/profile/types.js';
import type { CommandRunner } from '../command-runner.js';
import { outputText } from '../command-runner.js';
import { folderSize } from '../folder-size.js';
import type { ProbeNotes } from '../notes.js';
import { t } from '../../../shared/i18n/translate.js';

/** The mount that holds `path`: the longest mount point that is the path or one of its parents. */
export function mountOf(path: string, volumes: VolumeFacts[]): VolumeFacts | undefined {
  const inside = (mount: string) => mount === '/' || path === mount || path.startsWith(`${mount}/`);
  return volumes.filter((v) => inside(v.id)).sort((a, b) => b.id.length - a.id.length)[0];
}

/** lsattr's flag letters: c compressed, E encrypted (fscrypt). Null when lsattr cannot tell. */
export function parseLsattr(text: string): { compressed: boolean; encrypted: boolean } | null {
  const match = /^([-A-Za-z]+)\s/.exec(text.trim());
  if (!match) return null;
  return { compressed: match[1]!.includes('c'), encrypted: match[1]!.includes('E') };
}

export async function probeLinuxCache(path: string, volumes: VolumeFacts[], run: CommandRunner, notes: ProbeNotes): Promise<CacheFacts> {
  const absolute = posix.resolve(path);
  const info = await lstat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code !== 'ENOENT') notes.add('/cache/exists', t('probes.cache.unexamined', { path: absolute, reason: info.message }));
    return {
      path: absolute,
      exists: info.code === 'ENOENT' ? false : null,
      volume: mountOf(absolute, volumes)?.id ?? null,
      sizeBytes: null,
      attributes: null,
    };
  }
  // lsattr does not read through a symbolic link: ask about the folder it points to.
  const target = info.isSymbolicLink() ? await realpath(absolute).catch(() => absolute) : absolute;
  const lsattr = await run('lsattr', ['-d', target], { timeoutMs: 5000 });
  const flags = lsattr.exitCode === 0 ? parseLsattr(outputText(lsattr.stdout)) : null;
  if (!flags)
    notes.add('/cache/attributes', t('probes.linux.lsattrFailed', { reason: lsattr.failure ?? outputText(lsattr.stderr).trim() }));
  const size = await folderSize(absolute, notes, '/cache/sizeBytes');
  return {
    path: absolute,
    exists: true,
    volume: mountOf(absolute, volumes)?.id ?? null,
    sizeBytes: size,
    // A directory cannot itself be sparse on Linux; a symbolic link is the reparse point's counterpart.
    attributes: flags ? { ...flags, sparse: false, reparsePoint: info.isSymbolicLink() } : null,
  };
}
