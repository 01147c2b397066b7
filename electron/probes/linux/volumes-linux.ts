// Volumes on Linux: the mount table for what is mounted where and how, statfs for the sizes, sysfs for
// removable media, /dev/disk/by-label for labels. Every read has a fallback and a note; a dead network
// mount cannot hang the probe (statfs has a timeout).

import { readdir, readFile, realpath, stat, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DriveType, VolumeFacts } from '../../../shared/profile/types.js';
import { ProbeNotes, withTimeout } from '../notes.js';
import { NETWORK_FS, parseMountinfo, storageMounts, type MountEntry } from './mountinfo.js';
import { t } from '../../../shared/i18n/translate.js';

export interface LinuxFs {
  readFile(path: string): Promise<string>;
  statfs(path: string): Promise<{ bsize: number; blocks: number; bavail: number }>;
  exists(path: string): Promise<boolean | null>;
  realpath(path: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
}

export const realLinuxFs: LinuxFs = {
  readFile: (path) => readFile(path, 'utf8'),
  statfs: async (path) => {
    const s = await statfs(path);
    return { bsize: Number(s.bsize), blocks: Number(s.blocks), bavail: Number(s.bavail) };
  },
  exists: async (path) => {
    try {
      await stat(path);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? false : null;
    }
  },
  realpath,
  readdir,
};

const STATFS_TIMEOUT_MS = 2000;

export async function probeLinuxVolumes(fs: LinuxFs, notes: ProbeNotes): Promise<VolumeFacts[]> {
  let mounts: MountEntry[];
  try {
    mounts = storageMounts(parseMountinfo(await fs.readFile('/proc/self/mountinfo')));
  } catch (error) {
    notes.add('/volumes', t('probes.linux.mountTableUnreadable', { reason: (error as Error).message }));
    return [];
  }
  const labels = await readLabels(fs);
  return Promise.all(mounts.map((mount, index) => describeMount(fs, mount, labels, notes, `/volumes/${index}`)));
}

async function describeMount(
  fs: LinuxFs,
  mount: MountEntry,
  labels: Map<string, string>,
  notes: ProbeNotes,
  pointer: string,
): Promise<VolumeFacts> {
  const network = NETWORK_FS.has(mount.fsType);
  const sizes = await withTimeout(fs.statfs(mount.mountPoint), STATFS_TIMEOUT_MS, notes, `${pointer}/sizeBytes`, null);
  const device = mount.source.startsWith('/dev/') ? await fs.realpath(mount.source).catch(() => mount.source) : null;
  const driveType = await driveTypeOf(fs, mount, device, network, notes, pointer);
  const readme = await fs.exists(join(mount.mountPoint, 'DATALOSS_WARNING_README.txt'));
  return {
    id: mount.mountPoint,
    label: device ? (labels.get(device) ?? null) : null,
    fileSystem: mount.fsType,
    driveType,
    sizeBytes: sizes ? sizes.blocks * sizes.bsize : null,
    freeBytes: sizes ? sizes.bavail * sizes.bsize : null,
    readOnly: mount.options.includes('ro'),
    online: true,
    // BitLocker is a Windows feature: a Linux mount is never BitLocker-locked.
    bitlocker: 'off',
    deduplicated: null,
    azureTemporary: readme,
    remotePath: network ? mount.source : null,
  };
}

async function driveTypeOf(
  fs: LinuxFs,
  mount: MountEntry,
  device: string | null,
  network: boolean,
  notes: ProbeNotes,
  pointer: string,
): Promise<DriveType> {
  if (network) return 'network';
  if (mount.fsType === 'tmpfs' || mount.fsType === 'ramfs') return 'ram';
  if (!device) {
    notes.add(
      `${pointer}/driveType`,
      t('probes.linux.notBlockDevice', { mountPoint: mount.mountPoint, fsType: mount.fsType, source: mount.source }),
    );
    return 'unknown';
  }
  const name = basename(device);
  if (/^sr\d+$/.test(name) || mount.fsType === 'iso9660' || mount.fsType === 'udf') return 'optical';
  const removable = await readRemovable(fs, name);
  if (removable === null) {
    notes.add(`${pointer}/driveType`, t('probes.linux.removableUnknown', { device }));
    return 'unknown';
  }
  return removable ? 'removable' : 'fixed';
}

/** /sys/class/block/<dev>/removable, or the parent disk's for a partition. */
async function readRemovable(fs: LinuxFs, name: string): Promise<boolean | null> {
  for (const path of [`/sys/class/block/${name}/removable`, `/sys/class/block/${name}/../removable`]) {
    try {
      return (await fs.readFile(path)).trim() === '1';
    } catch {
      // A partition has no removable file of its own: try its disk.
    }
  }
  return null;
}

async function readLabels(fs: LinuxFs): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const dir = '/dev/disk/by-label';
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const device = await fs.realpath(join(dir, name)).catch(() => null);
      if (device)
        labels.set(
          device,
          name.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        );
    }),
  );
  return labels;
}
