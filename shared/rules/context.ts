// What every rule receives: the profile, the edition, and the facts several rules derive the same way
// (which OS this is, which volume holds a path), worked out once.

import { identifyOs, type OsIdentity } from '../matrix/identify-os.js';
import type { MatrixEdition, OsRow } from '../matrix/types.js';
import type { MachineProfile, SkippedCounts, VolumeFacts } from '../profile/types.js';
import { driveLetterOf, isUncPath, isWithin, normalizeWindowsPath } from '../util/paths.js';

/**
 * Example paths of each kind of file the agent skips, by selected item path. Only a scan on the machine
 * itself sees them; a profile has no room for them, so they travel beside it and a report made from a
 * profile file has none.
 */
export type SkipExamples = Record<string, Partial<Record<keyof SkippedCounts, string[]>>>;

export interface RuleContext {
  profile: MachineProfile;
  examples: SkipExamples;
  edition: MatrixEdition;
  os: OsIdentity;
  /** The edition's row for this OS, when the OS is one the edition lists. */
  osRow: OsRow | null;
  /** An interrupted fix a live check found on the machine, in words; null: none (always, for a profile). */
  interruptedFix: string | null;
}

export function makeContext(profile: MachineProfile, edition: MatrixEdition, examples: SkipExamples = {}): RuleContext {
  const os = identifyOs(profile.os);
  const osRow = os.kind === 'known' ? (edition.operatingSystems.find((row) => row.os === os.os) ?? null) : null;
  return { profile, examples, edition, os, osRow, interruptedFix: null };
}

/** The volume with this id, matched case-insensitively (and ignoring a trailing backslash). */
export function findVolume(profile: MachineProfile, id: string): VolumeFacts | undefined {
  const wanted = normalizeWindowsPath(id);
  return profile.volumes.find((volume) => normalizeWindowsPath(volume.id) === wanted);
}

export interface VolumeRef {
  /** The volume id to show: the profile's own spelling when the volume is listed. */
  id: string;
  volume: VolumeFacts | undefined;
  /** The path is a UNC path (\\server\share): a network location whatever the volumes say. */
  unc: boolean;
}

/**
 * The volume that holds a path: the one the profile names, or else the listed volume whose id is the
 * longest prefix of the path (a mount folder beats its drive letter), or else the path's drive letter.
 */
export function volumeOfPath(profile: MachineProfile, path: string, declared: string | null | undefined): VolumeRef {
  const unc = isUncPath(path);
  if (typeof declared === 'string' && declared.trim() !== '') {
    const volume = findVolume(profile, declared);
    return { id: volume?.id ?? declared, volume, unc };
  }
  const holders = profile.volumes
    .filter((volume) => isWithin(path, volume.id))
    .sort((a, b) => normalizeWindowsPath(b.id).length - normalizeWindowsPath(a.id).length);
  if (holders[0]) return { id: holders[0].id, volume: holders[0], unc };
  if (unc) {
    const root = path.trim().replace(/\//g, '\\').split('\\').filter(Boolean).slice(0, 2).join('\\');
    return { id: `\\\\${root}`, volume: undefined, unc };
  }
  return { id: driveLetterOf(path) ?? path, volume: undefined, unc };
}
