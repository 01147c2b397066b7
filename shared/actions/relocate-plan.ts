// Planning the cache relocation, as data: which target folders are acceptable (each refusal a sentence a
// helpdesk agent can read aloud), and the steps, each with what it does and how it is undone. Pure: the
// engine (electron/actions) carries a plan out; the wizard and `fix --dry-run` show it first.

import { Type, type Static } from '@sinclair/typebox';
import type { FolderAttributes, MachineProfile, VolumeFacts } from '../profile/types.js';
import { volumeOfPath } from '../rules/context.js';
import { selectionTotal } from '../rules/selection.js';
import { locationProblems } from '../rules/cache.js';
import { canonicalWindowsPath, isUncPath, isWithin, normalizeWindowsPath, samePath } from '../util/paths.js';
import { formatBytes, GB } from '../util/units.js';

export const RELOCATE_STEP_IDS = ['stop-service', 'copy', 'verify', 'set-registry', 'start-service', 'reprobe'] as const;
export type RelocateStepId = (typeof RELOCATE_STEP_IDS)[number];

const PATH = Type.String({ minLength: 1, maxLength: 32_767 });

/** A plan as data: its JSON Schema (what crosses to the elevated helper is checked against it) and its type. */
export const RELOCATE_PLAN_SCHEMA = Type.Object(
  {
    action: Type.Literal('relocate-cache'),
    /** The host the plan was made on: a plan is only ever carried out there. */
    host: Type.Union([Type.String({ maxLength: 256 }), Type.Null()]),
    from: PATH,
    to: PATH,
    /** The values both registry entries hold now, restored if the move is undone. */
    previous: Type.Object(
      { scratchLocation: Type.Union([PATH, Type.Null()]), providerScratchLocation: Type.Union([PATH, Type.Null()]) },
      { additionalProperties: false },
    ),
    /** Bytes the copy needs on the target volume. */
    neededBytes: Type.Integer({ minimum: 0 }),
    /** What could not be checked before the move, said to the user before they confirm. */
    cautions: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50 }),
    steps: Type.Array(
      Type.Object(
        {
          id: Type.Union(RELOCATE_STEP_IDS.map((id) => Type.Literal(id))),
          title: Type.String({ maxLength: 500 }),
          does: Type.String({ maxLength: 2000 }),
          undo: Type.String({ maxLength: 2000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type RelocatePlan = Static<typeof RELOCATE_PLAN_SCHEMA>;
export type PlanStep = RelocatePlan['steps'][number];

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
}

export type PlanResult = { ok: true; plan: RelocatePlan } | { ok: false; problems: string[] };

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const SERVICE = 'obengine';
const CONFIG_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';

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
  const problems: string[] = [];

  if (agent?.installed !== true) problems.push('The agent is not installed here: there is no cache to move yet.');
  if (input.offlineSeeding === true)
    problems.push('An offline-seeding initial backup is running: the cache must not move until it has finished.');
  // The move stops the engine and starts it again; a service that cannot be seen cannot be trusted to do so.
  if (agent?.installed === true && agent.serviceState === 'not-installed')
    problems.push('The backup engine service (obengine) is not installed: repair the agent first, then move its cache.');
  else if (agent?.installed === true && (agent.serviceState === 'unknown' || agent.serviceState == null))
    problems.push(
      'Whether the backup engine service (obengine) runs is not known, and the move must stop it and start it again: run this as an administrator, or look at the service in services.msc.',
    );
  const from = cache?.path ?? agent?.scratchLocation ?? null;
  if (!from) problems.push('Where the cache is now is not known.');
  else if (cache?.exists === false)
    problems.push(`The current cache folder ${from} does not exist, so there is nothing to copy. Re-register the agent instead.`);

  const pathProblems = windowsPathProblems(to);
  problems.push(...pathProblems);
  if (pathProblems.length === 0 && from) {
    if (samePath(to, from)) problems.push(`${to} is where the cache already is.`);
    else if (isWithin(to, from)) problems.push(`${to} is inside the current cache folder: the copy would copy itself.`);
    else if (isWithin(from, to)) problems.push(`${to} contains the current cache folder: choose a folder beside it, not above it.`);
  }
  if (pathProblems.length === 0) {
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
  const cautions: string[] = [];
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
  return {
    ok: true,
    plan: {
      action: 'relocate-cache',
      host: profile.host?.name ?? null,
      from: source,
      to,
      cautions,
      previous: { scratchLocation: agent?.scratchLocation ?? null, providerScratchLocation: agent?.providerScratchLocation ?? null },
      neededBytes: neededBytes(profile)!,
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
          undo: `Restores both values to what they were (${input.profile.agent?.scratchLocation ?? 'not set'}).`,
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
