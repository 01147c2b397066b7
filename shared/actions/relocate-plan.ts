// Planning the cache relocation, as data: which target folders are acceptable (each refusal a sentence a
// helpdesk agent can read aloud), and the steps, each with what it does and how it is undone. Pure: the
// engine (electron/actions) carries a plan out; the wizard and `fix --dry-run` show it first.

import type { FolderAttributes, MachineProfile, VolumeFacts } from '../profile/types.js';
import { volumeOfPath } from '../rules/context.js';
import { selectionTotal } from '../rules/selection.js';
import { locationProblems } from '../rules/cache.js';
import { canonicalWindowsPath, isUncPath, isWithin, normalizeWindowsPath, samePath } from '../util/paths.js';
import { GB } from '../util/units.js';
import { formatBytes } from '../i18n/translate.js';
import {
  ACTION_PRECONDITIONS,
  CONFIG_KEY,
  ENGINE_SERVICE_NAME as SERVICE,
  registryChanges,
  type BackupJobFacts,
  type FixAction,
  type FixPlan,
  type PlanResult,
  type PreconditionId,
} from './fix-plan.js';
import { estimateSeconds, type CacheMeasure } from './estimate.js';

export type { PlanResult } from './fix-plan.js';

/**
 * What is known of the target folder before the move, read without following any link (the machine's
 * adapter looks; null: nothing known). The attributes are the folder's own when it exists, else those it
 * would inherit from the nearest folder above it (compression and encryption pass down).
 */
export interface TargetFolderFacts {
  /** The target in canonical long form (`..` resolved, 8.3 names expanded); compared with the cache's. */
  canonical: string;
  exists: boolean;
  empty: boolean | null;
  attributes: FolderAttributes | null;
  /** The existing component of the path that is a link, junction or mount point; null when none is. */
  linkAt: string | null;
  /** An existing component above the target that is a file, so nothing can be made below it; null when none is. */
  fileAt: string | null;
  /** Why some attributes could not be read; null when all were. */
  unknown: string | null;
}

export interface PlanInput {
  profile: MachineProfile;
  to: string;
  target: TargetFolderFacts | null;
  /** An offline-seeding initial backup is running (never move the cache then); null: not known. */
  offlineSeeding: boolean | null;
  /** Whether a backup job runs now; null: planned from a profile, where nothing can tell. */
  backupJob?: BackupJobFacts | null;
  /** The cache as listed and read just now, for the figures and the time estimate; null: not measured. */
  measured?: CacheMeasure | null;
  /** Labels of the System State disks the machine has mounted, found by listing its volumes; null: could not list them. */
  systemStateDisks?: string[] | null;
}

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** What each precondition checked, in words, for the confirmation and the script's comments. */
const PRECONDITION_WORDS: Record<PreconditionId, string> = {
  'same-host': 'The fix runs on the machine it was planned on.',
  'agent-installed': 'The MARS agent is installed.',
  'service-known': 'The backup engine service (obengine) is installed and its state can be read.',
  'no-recovery-pending': 'No interrupted fix is waiting to be finished or undone.',
  'no-backup-running': 'No backup is running now.',
  'no-offline-seeding': 'No offline-seeding initial backup is running.',
  'source-exists': 'The current cache folder exists.',
  'source-holds-key': 'The folder both values will name holds the cache (its OnlineBackup.KEK file).',
  'target-path-valid': 'The new folder is a full local Windows path with names Windows accepts.',
  'target-not-system-folder': 'The new folder is not in a folder Windows keeps for itself.',
  'target-apart-from-source': 'The new folder is neither inside the current cache nor contains it.',
  'target-outside-selection': 'The new folder is not inside the data selected for backup.',
  'target-volume-local': "The new folder's volume is a local, fixed disk, online, writable and not a temporary or RAM disk.",
  'target-volume-ntfs': "The new folder's volume uses NTFS and is not deduplicated.",
  'target-volume-qualifies': "The new folder's volume is one the cache is allowed on (not locked by BitLocker).",
  'target-free-space': "The new folder's volume has the space the cache needs.",
  'target-no-link': 'No part of the new path is a link, junction or mount point.',
  'target-new-or-empty': 'The new folder does not exist yet, or is empty.',
  'target-plain-folder': 'The new folder is not compressed, encrypted or sparse.',
  'no-system-state-disks': "None of the agent's System State disks (CBSSBVol_...) is mounted.",
  'service-stopped': 'The backup engine is installed and not running.',
};

/**
 * The preconditions an action's plan lists, each with its words; `unsure` words the ones the machine
 * could not settle (never listed as checked when they were not: the plan's cautions say what to look at).
 */
export function preconditionsOf(action: FixAction, unsure: Partial<Record<PreconditionId, string>> = {}): FixPlan['preconditions'] {
  return ACTION_PRECONDITIONS[action].map((id) => ({ id, says: unsure[id] ?? PRECONDITION_WORDS[id] }));
}

/** The words of preconditions the machine could not settle, from what it said. */
export function unsettled(input: {
  backupJob?: BackupJobFacts | null;
  systemStateDisks?: string[] | null;
  offlineSeeding?: boolean | null;
}): Partial<Record<PreconditionId, string>> {
  const words: Partial<Record<PreconditionId, string>> = {};
  if (input.backupJob == null || input.backupJob.running === null)
    words['no-backup-running'] = 'Whether a backup is running could not be checked here: look before you go on (see below).';
  if (input.systemStateDisks === null)
    words['no-system-state-disks'] =
      "Whether the agent's System State disks (CBSSBVol_...) are mounted could not be checked here (see below).";
  if (input.offlineSeeding == null)
    words['no-offline-seeding'] = 'No offline-seeding initial backup is known to run (Windows keeps no value that says so).';
  return words;
}

/** Refusals and cautions every fix that stops or starts the engine shares: the agent, its service, a running backup. */
export function engineProblems(
  profile: MachineProfile,
  backupJob: BackupJobFacts | null | undefined,
  what: string,
): {
  problems: string[];
  cautions: string[];
} {
  const agent = profile.agent;
  const problems: string[] = [];
  const cautions: string[] = [];
  if (agent?.installed !== true) problems.push(`The agent is not installed here: there is ${what} yet.`);
  // The fix stops the engine or starts it; a service that cannot be seen cannot be trusted to do so.
  if (agent?.installed === true && agent.serviceState === 'not-installed')
    problems.push('The backup engine service (obengine) is not installed: repair the agent first.');
  else if (agent?.installed === true && (agent.serviceState === 'unknown' || agent.serviceState == null))
    problems.push(
      'Whether the backup engine service (obengine) runs is not known, and the fix must stop it or start it: run this as an administrator, or look at the service in services.msc.',
    );
  if (backupJob?.running === true)
    problems.push(
      `A backup is running now${backupJob.since ? ` (it started ${backupJob.since})` : ''}: wait until it has finished, or stop it in the agent's console, then try again.`,
    );
  else if (backupJob?.running === null)
    cautions.push(
      `Whether a backup is running now could not be told (${backupJob.why}). Look in the agent's console (Microsoft Azure Backup, Jobs) that none is running before you go on.`,
    );
  return { problems, cautions };
}

/** Why Windows would not accept this folder path; empty when it would. */
export function windowsPathProblems(path: string): string[] {
  if (isUncPath(path)) return [`${path} is a network path: the cache must be on a local volume of this machine.`];
  const match = /^([A-Za-z]):\\(.*)$/.exec(path);
  if (!match) return [`"${path}" is not a full Windows path such as D:\\MARS\\Cache.`];
  const rest = match[2]!.replace(/\\+$/, '');
  if (rest === '') return [`${path} is the root of a drive: choose a folder on it, such as ${match[1]}:\\MARS\\Cache.`];
  const problems: string[] = [];
  // Folders Windows keeps for itself: what is put there is cleaned up, hidden or locked by the system.
  const top = rest.split('\\')[0]!.toLowerCase();
  if (['windows', '$recycle.bin', 'system volume information'].includes(top))
    problems.push(
      `${match[1]}:\\${rest.split('\\')[0]} is a folder Windows keeps for itself: choose a folder of your own, such as ${match[1]}:\\MARS\\Cache.`,
    );
  if (path.length > 32_000) problems.push('The path is longer than Windows allows.');
  for (const segment of rest.split('\\')) {
    if (segment === '') problems.push(`"${path}" has an empty folder name (two backslashes in a row).`);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses here
    else if (/[<>:"|?*\u0000-\u001f]/.test(segment))
      problems.push(`The folder name "${segment}" holds a character Windows does not allow (< > : " | ? * or a control character).`);
    else if (RESERVED.test(segment)) problems.push(`"${segment}" is a name Windows reserves for devices and cannot be a folder.`);
    else if (/[ .]$/.test(segment)) problems.push(`The folder name "${segment}" ends with a space or a dot, which Windows does not keep.`);
    else if (segment.length > 255) problems.push(`The folder name "${segment.slice(0, 20)}…" is longer than 255 characters.`);
  }
  return [...new Set(problems)];
}

function volumeProblems(volume: VolumeFacts): string[] {
  const id = volume.id;
  // What the cache.location check holds against a volume, as sentences; then what only a new home must meet.
  const problems = locationProblems(volume).map((problem) => `${id} ${problem}.`);
  if (volume.driveType === 'network' || volume.driveType === 'removable') problems.push('The cache must be on a local, fixed disk.');
  if (volume.driveType === 'ram') problems.push(`${id} is a RAM disk, emptied at every restart.`);
  if (volume.driveType === 'unknown' || volume.driveType === undefined)
    problems.push(`What kind of drive ${id} is could not be told, so it cannot be trusted with the cache.`);
  if (volume.fileSystem != null && volume.fileSystem.toUpperCase() !== 'NTFS')
    problems.push(`${id} uses ${volume.fileSystem}; the cache needs NTFS.`);
  if (volume.fileSystem == null) problems.push(`The file system of ${id} is not known; the cache needs NTFS.`);
  if (volume.deduplicated === true) problems.push(`${id} is deduplicated, which the cache does not support.`);
  if (volume.azureTemporary === true) problems.push(`${id} is this Azure VM's temporary disk, wiped when the VM is redeployed.`);
  return problems;
}

/** The space the moved cache needs: the cache itself plus 10% of the selection, plus 35 GB with System State. */
export function neededBytes(profile: MachineProfile): number | null {
  const cacheSize = profile.cache?.sizeBytes;
  const total = selectionTotal(profile);
  if (cacheSize == null || total === null) return null;
  return cacheSize + Math.ceil(total / 10) + (profile.selection?.systemState ? 35 * GB : 0);
}

export function planRelocation(input: PlanInput): PlanResult {
  const { profile, target } = input;
  // Compare canonical paths: `D:\Cache\..\Cache\x` and `C:\PROGRA~1\...` are the folders they resolve to.
  const to = target?.canonical ?? canonicalWindowsPath(cleanTarget(input.to)) ?? cleanTarget(input.to);
  const agent = profile.agent;
  const cache = profile.cache;
  const engine = engineProblems(profile, input.backupJob, 'no cache to move');
  const problems: string[] = [...engine.problems];

  if (input.offlineSeeding === true)
    problems.push('An offline-seeding initial backup is running: the cache must not move until it has finished.');
  const from = cache?.path ?? agent?.scratchLocation ?? null;
  if (!from) problems.push('Where the cache is now is not known.');
  else if (cache?.exists === false)
    problems.push(
      `The current cache folder ${from} does not exist, so there is nothing to copy. If the other cache registry value names the folder that holds the cache, point both values at it (the fix for the two registry values does that: point-registry); otherwise the agent must be registered with the vault again.`,
    );

  const pathProblems = windowsPathProblems(to);
  problems.push(...pathProblems);
  if (pathProblems.length === 0 && from) {
    if (samePath(to, from)) problems.push(`${to} is where the cache already is.`);
    else if (isWithin(to, from)) problems.push(`${to} is inside the current cache folder: the copy would copy itself.`);
    else if (isWithin(from, to)) problems.push(`${to} contains the current cache folder: choose a folder beside it, not above it.`);
  }
  if (pathProblems.length === 0) {
    // The agent fails when its own cache is backed up: the new folder must lie outside every selected item.
    for (const item of profile.selection?.items ?? [])
      if (samePath(to, item.path) || isWithin(to, item.path))
        problems.push(
          `${to} lies inside ${item.path}, which is selected for backup: the agent fails when its cache folder is backed up. Choose a folder outside the data you back up.`,
        );
    const ref = volumeOfPath(profile, to, null);
    if (!ref.volume) problems.push(`The volume ${ref.id} is not on this machine.`);
    else {
      problems.push(...volumeProblems(ref.volume));
      const needed = neededBytes(profile);
      if (needed === null)
        problems.push('How much space the cache needs is not known (the size of the cache or of the selection is missing).');
      else if (ref.volume.freeBytes == null) problems.push(`The free space on ${ref.id} is not known.`);
      else if (ref.volume.freeBytes < needed) {
        problems.push(
          `${ref.id} has ${formatBytes(ref.volume.freeBytes)} free; the cache needs ${formatBytes(needed)} (its size, plus 10% of the selection${profile.selection?.systemState ? ', plus 35 GB for System State' : ''}).`,
        );
      }
    }
  }
  // The FAQ's move procedure: the System State disks the agent mounts (CBSSBVol_<ID>) are unmounted first.
  const listed = profile.volumes.filter((v) => /^cbssbvol_/i.test(v.label ?? '') && v.online !== false).map((v) => v.label!);
  const mounted = [...new Set([...listed, ...(input.systemStateDisks ?? [])])];
  if (mounted.length > 0)
    problems.push(
      `The agent's System State disk${mounted.length === 1 ? '' : 's'} ${mounted.join(', ')} ${mounted.length === 1 ? 'is' : 'are'} mounted: unmount the CBSSBVol_<ID> disks in Disk Management first, then move the cache.`,
    );
  const cautions: string[] = [...engine.cautions];
  if (input.systemStateDisks === null)
    cautions.push(
      "Whether the agent's System State disks (CBSSBVol_...) are mounted could not be checked: look in Disk Management, and unmount any before you go on.",
    );
  if (target) {
    if (target.linkAt)
      problems.push(
        `${target.linkAt} is a link (a symbolic link, junction or mount point) to somewhere else: the copy would land outside ${to}. Choose a path without links.`,
      );
    if (target.unknown) cautions.push(`Whether ${to} would be compressed or encrypted could not be checked: ${target.unknown}.`);
    if (target.fileAt) problems.push(`${target.fileAt} is a file, so no folder can be made inside it: choose another path.`);
    if (target.exists && target.empty === null) problems.push(`${to} is a file, not a folder: choose a new or empty folder.`);
    // A new folder inherits compression and encryption from the folder it is made in: check those too.
    const a = target.linkAt ? null : target.attributes;
    const bad = a
      ? [a.compressed && 'compressed', a.encrypted && 'encrypted', a.sparse && 'sparse', a.reparsePoint && 'a link (reparse point)'].filter(
          Boolean,
        )
      : [];
    if (bad.length > 0)
      problems.push(`The folder ${to} ${target.exists ? 'is' : 'would be'} ${bad.join(', ')}; the cache needs a plain folder.`);
    if (target.exists && target.empty === false)
      problems.push(`The folder ${to} is not empty: choose a new or empty folder, so that nothing in it is mixed with the cache.`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const source = from!;
  const previous = { scratchLocation: agent?.scratchLocation ?? null, providerScratchLocation: agent?.providerScratchLocation ?? null };
  const needed = neededBytes(profile)!;
  const volume = volumeOfPath(profile, to, null);
  const free = volume.volume?.freeBytes ?? null;
  const measured = input.measured ?? null;
  const copyBytes = measured?.bytes ?? cache?.sizeBytes ?? null;
  return {
    ok: true,
    plan: {
      action: 'relocate-cache',
      host: profile.host?.name ?? null,
      from: source,
      to,
      cautions,
      previous,
      neededBytes: needed,
      registry: registryChanges(previous, to),
      selectedPaths: (profile.selection?.items ?? []).map((item) => item.path),
      figures: {
        cacheBytes: copyBytes,
        cacheFiles: measured?.files ?? null,
        targetVolume: {
          id: volume.id,
          freeBefore: free,
          freeAfter: free === null || copyBytes === null ? null : Math.max(0, free - copyBytes),
        },
        estimate: measured ? estimateSeconds(measured) : null,
      },
      preconditions: preconditionsOf('relocate-cache', unsettled(input)),
      steps: [
        {
          id: 'stop-service',
          title: 'Stop the backup engine',
          does: `Stops the "${SERVICE}" service and waits until it has stopped, so that nothing writes to the cache while it is copied.`,
          undo: `Starts "${SERVICE}" again.`,
        },
        {
          id: 'copy',
          title: 'Copy the cache',
          does: `Copies every file and folder of ${source} to ${to}, with their permissions and attributes. The original is not changed.`,
          undo: `Deletes the copy in ${to}; the original stays as it was.`,
        },
        {
          id: 'verify',
          title: 'Verify the copy',
          does: 'Compares every file of the copy with the original: its size, then its content byte for byte.',
          undo: 'Nothing to undo: verifying changes nothing.',
        },
        {
          id: 'set-registry',
          title: 'Point the agent at the copy',
          does: `Sets "ScratchLocation" under ${CONFIG_KEY} and under ${CONFIG_KEY}\\CloudBackupProvider to ${to}, then reads both back.`,
          undo: `Restores both values to what they were (${previous.scratchLocation ?? 'not set'}).`,
        },
        {
          id: 'start-service',
          title: 'Start the backup engine',
          does: `Starts "${SERVICE}" and waits until it is running.`,
          undo: `Stops it, so that it can start again on the original cache.`,
        },
        {
          id: 'reprobe',
          title: 'Check the result',
          does: 'Reads the registry values, the service and the new folder again, as a scan would.',
          undo: 'Nothing to undo.',
        },
      ],
    },
  };
}

/** A path for display and comparison: the target with a trailing backslash removed. */
export function cleanTarget(path: string): string {
  const normalized = normalizeWindowsPath(path);
  return normalized.length > 3 ? path.trim().replace(/\\+$/, '') : path.trim();
}
