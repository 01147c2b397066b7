// A sensible default target for the cache: a folder on the local, fixed, NTFS volume with the most free
// space, other than the cache's own and outside what is selected for backup. Pure: the wizard's Fix page
// shows it, the user may change it.
import type { MachineProfile } from '../profile/types.js';
import { isWithin, samePath } from '../util/paths.js';

export function suggestTarget(profile: MachineProfile): string {
  const cacheVolume = profile.cache?.volume?.toUpperCase();
  const best = profile.volumes
    .filter(
      (v) =>
        /^[A-Z]:$/i.test(v.id) &&
        v.driveType === 'fixed' &&
        v.fileSystem?.toUpperCase() === 'NTFS' &&
        v.bitlocker !== 'locked' &&
        !v.deduplicated &&
        !v.azureTemporary &&
        v.readOnly !== true &&
        v.id.toUpperCase() !== cacheVolume &&
        // The agent fails when its cache is backed up: not on a volume whose MARS Cache folder is selected.
        !(profile.selection?.items ?? []).some((item) => {
          const folder = `${v.id.toUpperCase()}\\MARS Cache`;
          return samePath(folder, item.path) || isWithin(folder, item.path);
        }),
    )
    .sort((a, b) => (b.freeBytes ?? 0) - (a.freeBytes ?? 0))[0];
  return best ? `${best.id.toUpperCase()}\\MARS Cache` : '';
}
