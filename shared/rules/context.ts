// What every rule receives: the profile, the edition, and the facts several rules derive the same way
// (which OS this is, which volume holds a path), worked out once.

import { identifyOs, type OsIdentity } from '../matrix/identify-os.js';
import type { MatrixEdition, OsRow } from '../matrix/types.js';
import type { MachineProfile, SkippedCounts, VolumeFacts } from '../profile/types.js';
import { isUncPath, namedVolumeOf, normalizeWindowsPath, uncRootOf } from '../util/paths.js';
import { parseVersion } from '../util/version.js';

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
  return volumeIndex(profile.volumes).get(normalizeWindowsPath(id));
}

/**
 * The volumes by their comparable id, the first listed winning, made once per volume list: the checks ask
 * for a volume per item and per cache, and a profile may list thousands of both.
 */
const INDEXES = new WeakMap<readonly VolumeFacts[], Map<string, VolumeFacts>>();
function volumeIndex(volumes: readonly VolumeFacts[]): Map<string, VolumeFacts> {
  let index = INDEXES.get(volumes);
  if (!index) {
    index = new Map();
    for (const volume of volumes) {
      const key = normalizeWindowsPath(volume.id);
      if (!index.has(key)) index.set(key, volume);
    }
    INDEXES.set(volumes, index);
  }
  return index;
}

/** The listed volume with the longest id that the path lies within: its prefixes up to each backslash, longest first. */
function longestHolder(volumes: readonly VolumeFacts[], path: string): VolumeFacts | undefined {
  const index = volumeIndex(volumes);
  const inner = normalizeWindowsPath(path);
  const whole = index.get(inner);
  if (whole) return whole;
  for (let at = inner.lastIndexOf('\\'); at >= 0; at = at === 0 ? -1 : inner.lastIndexOf('\\', at - 1)) {
    const holder = index.get(inner.slice(0, at));
    if (holder) return holder;
  }
  return undefined;
}

export interface VolumeRef {
  /** The volume id to show: the profile's own spelling when the volume is listed. */
  id: string;
  volume: VolumeFacts | undefined;
  /** The volume is a network location (its id a UNC path, \\server\share): a network share whatever else is said. */
  unc: boolean;
}

/**
 * The volume that holds a path (checks.md, "The volume that holds a path"): the one the profile names (a
 * non-empty string, white space alone counting as empty), matched to volumes[].id; else the listed volume
 * whose id the path lies within, the longest id winning (a mount folder beats its drive letter); else, for
 * a UNC path, the network location \\server\share; else the volume the path's first component names (its
 * drive letter, or \\?\Volume{GUID}\ for a volume GUID path), which the profile does not describe.
 */
export function volumeOfPath(profile: MachineProfile, path: string, declared: string | null | undefined): VolumeRef {
  if (typeof declared === 'string' && declared.trim() !== '') {
    const volume = findVolume(profile, declared);
    const id = volume?.id ?? declared;
    return { id, volume, unc: isUncPath(id) };
  }
  const holder = longestHolder(profile.volumes, path);
  if (holder) return { id: holder.id, volume: holder, unc: isUncPath(holder.id) };
  if (isUncPath(path)) return { id: uncRootOf(path), volume: undefined, unc: true };
  return { id: namedVolumeOf(path), volume: undefined, unc: false };
}

/**
 * The Windows version (checks.md): os.version's major.minor when the family is windows, known also when the
 * OS is otherwise undetermined; null when os.version is null or the OS is not Windows.
 */
export function windowsVersion(profile: MachineProfile): [number, number] | null {
  if (profile.os.family !== 'windows') return null;
  const version = parseVersion(profile.os.version);
  return version ? [version[0] ?? 0, version[1] ?? 0] : null;
}
