// Where OneDrive syncs on this machine, from three sources, each read once: the folders OneDrive sets in
// the signed-in user's environment; every account of that user (HKCU ...\OneDrive\Accounts\<account>,
// value UserFolder: personal and each work or school account); and every user's OneDrive sync roots as
// registered with Windows (HKLM ...\Explorer\SyncRootManager\OneDrive!<SID>!<account>\UserSyncRoots, one
// value per user), which is how a scan run by an administrator sees other users' OneDrive folders.

import { normalizeWindowsPath } from '../../../shared/util/paths.js';
import type { ProbeNotes } from '../notes.js';
import { KEYS } from './keys.js';
import type { RegistryReader, RegistryValue } from './registry.js';
import { t } from '../../../shared/i18n/translate.js';

const isPath = (value: RegistryValue | undefined): value is RegistryValue & { data: string } =>
  value !== undefined && typeof value.data === 'string' && /^[A-Za-z]:\\|^\\\\/.test(value.data);

/** The signed-in user's OneDrive folders, as OneDrive itself sets them in the environment. */
export function oneDriveRootsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  return [env.OneDrive, env.OneDriveCommercial, env.OneDriveConsumer].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
}

export async function probeOneDriveRoots(registry: RegistryReader, env: NodeJS.ProcessEnv, notes: ProbeNotes): Promise<string[]> {
  const roots = oneDriveRootsFromEnvironment(env);
  const failed: string[] = [];
  const read = async (key: string) => {
    const result = await registry.readKey(key);
    if (result.status === 'error') failed.push(`${key} (${result.reason})`);
    return result.status === 'ok' ? result : null;
  };

  const accounts = await read(KEYS.oneDriveAccounts);
  for (const account of accounts?.subkeys ?? []) {
    const folder = (await read(`${KEYS.oneDriveAccounts}\\${account}`))?.values.get('userfolder');
    if (isPath(folder)) roots.push(folder.data);
  }
  const syncRoots = await read(KEYS.syncRoots);
  for (const provider of (syncRoots?.subkeys ?? []).filter((name) => /^OneDrive!/i.test(name))) {
    const perUser = await read(`${KEYS.syncRoots}\\${provider}\\UserSyncRoots`);
    for (const value of perUser?.values.values() ?? []) if (isPath(value)) roots.push(value.data);
  }
  if (failed.length > 0) notes.add('/selection', t('probes.oneDrive.keysUnreadable', { keys: failed.join('; ') }));
  const seen = new Set<string>();
  return roots.filter((root) => {
    const key = normalizeWindowsPath(root);
    return !seen.has(key) && (seen.add(key), true);
  });
}
