// Planning the cache relocation, as data: which target folders are acceptable (each refusal a sentence a
// helpdesk agent can read aloud), and the steps, each with what it does and how it is undone. Pure: the
// engine (electron/actions) carries a plan out; the wizard and `fix --dry-run` show it first.

import type { FolderAttributes, MachineProfile, VolumeFacts } from '../profile/types.js';
import { volumeOfPath } from '../rules/context.js';
import { selectionTotal } from '../rules/selection.js';
import { locationProblems } from '../rules/cache.js';
import { canonicalWindowsPath, isUncPath, isWithin, normalizeWindowsPath, samePath } from '../util/paths.js';
import { GB } from '../util/units.js';
import { t } from '../i18n/translate.js';
import { bytes, list, m, type MessageId } from '../i18n/message.js';
import {
  ACTION_PRECONDITIONS,
  CONFIG_KEY,
  ENGINE_SERVICE_NAME as SERVICE,
  PROVIDER_KEY,
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
const PRECONDITION_WORDS: Record<PreconditionId, MessageId> = {
  'same-host': 'plans.precondition.sameHost',
  'agent-installed': 'plans.precondition.agentInstalled',
  'service-known': 'plans.precondition.serviceKnown',
  'no-recovery-pending': 'plans.precondition.noRecoveryPending',
  'no-backup-running': 'plans.precondition.noBackupRunning',
  'no-offline-seeding': 'plans.precondition.noOfflineSeeding',
  'source-exists': 'plans.precondition.sourceExists',
  'source-holds-key': 'plans.precondition.sourceHoldsKey',
  'target-path-valid': 'plans.precondition.targetPathValid',
  'target-not-system-folder': 'plans.precondition.targetNotSystemFolder',
  'target-apart-from-source': 'plans.precondition.targetApartFromSource',
  'target-outside-selection': 'plans.precondition.targetOutsideSelection',
  'target-volume-local': 'plans.precondition.targetVolumeLocal',
  'target-volume-ntfs': 'plans.precondition.targetVolumeNtfs',
  'target-volume-qualifies': 'plans.precondition.targetVolumeQualifies',
  'target-free-space': 'plans.precondition.targetFreeSpace',
  'target-no-link': 'plans.precondition.targetNoLink',
  'target-new-or-empty': 'plans.precondition.targetNewOrEmpty',
  'target-plain-folder': 'plans.precondition.targetPlainFolder',
  'no-system-state-disks': 'plans.precondition.noSystemStateDisks',
  'service-stopped': 'plans.precondition.serviceStopped',
};

/** The names the agent gives the System State disks it mounts, as the FAQ writes them. */
const SYSTEM_STATE_DISKS = 'CBSSBVol_<ID>';

/**
 * The preconditions an action's plan lists, each with its words; `unsure` words the ones the machine
 * could not settle (never listed as checked when they were not: the plan's cautions say what to look at).
 */
export function preconditionsOf(action: FixAction, unsure: Partial<Record<PreconditionId, string>> = {}): FixPlan['preconditions'] {
  return ACTION_PRECONDITIONS[action].map((id) => ({ id, says: unsure[id] ?? t(PRECONDITION_WORDS[id], { service: SERVICE }) }));
}

/** The words of preconditions the machine could not settle, from what it said. */
export function unsettled(input: {
  backupJob?: BackupJobFacts | null;
  systemStateDisks?: string[] | null;
  offlineSeeding?: boolean | null;
}): Partial<Record<PreconditionId, string>> {
  const words: Partial<Record<PreconditionId, string>> = {};
  if (input.backupJob == null || input.backupJob.running === null) words['no-backup-running'] = t('plans.unsettled.backupRunning');
  if (input.systemStateDisks === null) words['no-system-state-disks'] = t('plans.unsettled.systemStateDisks');
  if (input.offlineSeeding == null) words['no-offline-seeding'] = t('plans.unsettled.offlineSeeding');
  return words;
}

/** Refusals and cautions every fix that stops or starts the engine shares: the agent, its service, a running backup. */
export function engineProblems(
  profile: MachineProfile,
  backupJob: BackupJobFacts | null | undefined,
  /** Which fix asks, for the words of "nothing to do it to" when the agent is not installed. */
  fix: 'move' | 'point' | 'start',
): {
  problems: string[];
  cautions: string[];
} {
  const agent = profile.agent;
  const problems: string[] = [];
  const cautions: string[] = [];
  if (agent?.installed !== true) problems.push(t('plans.engine.notInstalled', { fix }));
  // The fix stops the engine or starts it; a service that cannot be seen cannot be trusted to do so.
  if (agent?.installed === true && agent.serviceState === 'not-installed')
    problems.push(t('plans.engine.serviceMissing', { service: SERVICE }));
  else if (agent?.installed === true && (agent.serviceState === 'unknown' || agent.serviceState == null))
    problems.push(t('plans.engine.serviceUnknown', { service: SERVICE }));
  if (backupJob?.running === true)
    problems.push(t('plans.engine.backupRunning', { known: backupJob.since ? 'yes' : 'no', since: backupJob.since ?? '' }));
  else if (backupJob?.running === null) cautions.push(t('plans.engine.backupUnknown', { why: backupJob.why }));
  return { problems, cautions };
}

/** Why Windows would not accept this folder path; empty when it would. */
export function windowsPathProblems(path: string): string[] {
  if (isUncPath(path)) return [t('plans.path.network', { path })];
  const match = /^([A-Za-z]):\\(.*)$/.exec(path);
  if (!match) return [t('plans.path.notFull', { path, example: 'D:\\MARS\\Cache' })];
  const rest = match[2]!.replace(/\\+$/, '');
  const example = `${match[1]}:\\MARS\\Cache`;
  if (rest === '') return [t('plans.path.driveRoot', { path, example })];
  const problems: string[] = [];
  // Folders Windows keeps for itself: what is put there is cleaned up, hidden or locked by the system.
  const top = rest.split('\\')[0]!.toLowerCase();
  if (['windows', '$recycle.bin', 'system volume information'].includes(top))
    problems.push(t('plans.path.systemFolder', { folder: `${match[1]}:\\${rest.split('\\')[0]}`, example }));
  if (path.length > 32_000) problems.push(t('plans.path.tooLong'));
  for (const segment of rest.split('\\')) {
    if (segment === '') problems.push(t('plans.path.emptyName', { path }));
    // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses here
    else if (/[<>:"|?*\u0000-\u001f]/.test(segment))
      problems.push(t('plans.path.badCharacter', { name: segment, characters: '< > : " | ? *' }));
    else if (RESERVED.test(segment)) problems.push(t('plans.path.reserved', { name: segment }));
    else if (/[ .]$/.test(segment)) problems.push(t('plans.path.trailing', { name: segment }));
    else if (segment.length > 255) problems.push(t('plans.path.nameTooLong', { name: segment.slice(0, 20), max: 255 }));
  }
  return [...new Set(problems)];
}

function volumeProblems(volume: VolumeFacts): string[] {
  const id = volume.id;
  // What the cache.location check holds against a volume, as sentences; then what only a new home must meet.
  const problems = locationProblems(volume).map((problem) => t('plans.volume.location', { volume: id, problem }));
  if (volume.driveType === 'network' || volume.driveType === 'removable') problems.push(t('plans.volume.notLocal'));
  if (volume.driveType === 'ram') problems.push(t('plans.volume.ram', { volume: id }));
  if (volume.driveType === 'unknown' || volume.driveType === undefined) problems.push(t('plans.volume.unknownKind', { volume: id }));
  if (volume.fileSystem != null && volume.fileSystem.toUpperCase() !== 'NTFS')
    problems.push(t('plans.volume.notNtfs', { volume: id, fileSystem: volume.fileSystem }));
  if (volume.fileSystem == null) problems.push(t('plans.volume.fileSystemUnknown', { volume: id }));
  if (volume.deduplicated === true) problems.push(t('plans.volume.deduplicated', { volume: id }));
  if (volume.azureTemporary === true) problems.push(t('plans.volume.azureTemporary', { volume: id }));
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
  const engine = engineProblems(profile, input.backupJob, 'move');
  const problems: string[] = [...engine.problems];

  if (input.offlineSeeding === true) problems.push(t('plans.relocate.offlineSeeding'));
  const from = cache?.path ?? agent?.scratchLocation ?? null;
  if (!from) problems.push(t('plans.relocate.sourceUnknown'));
  else if (cache?.exists === false) problems.push(t('plans.relocate.sourceMissing', { from, action: 'point-registry' }));

  const pathProblems = windowsPathProblems(to);
  problems.push(...pathProblems);
  if (pathProblems.length === 0 && from) {
    if (samePath(to, from)) problems.push(t('plans.relocate.same', { to }));
    else if (isWithin(to, from)) problems.push(t('plans.relocate.insideSource', { to }));
    else if (isWithin(from, to)) problems.push(t('plans.relocate.containsSource', { to }));
  }
  if (pathProblems.length === 0) {
    // The agent fails when its own cache is backed up: the new folder must lie outside every selected item.
    for (const item of profile.selection?.items ?? [])
      if (samePath(to, item.path) || isWithin(to, item.path)) problems.push(t('plans.relocate.insideSelection', { to, item: item.path }));
    const ref = volumeOfPath(profile, to, null);
    if (!ref.volume) problems.push(t('plans.relocate.volumeMissing', { volume: ref.id }));
    else {
      problems.push(...volumeProblems(ref.volume));
      const needed = neededBytes(profile);
      if (needed === null) problems.push(t('plans.relocate.spaceUnknown'));
      else if (ref.volume.freeBytes == null) problems.push(t('plans.relocate.freeUnknown', { volume: ref.id }));
      else if (ref.volume.freeBytes < needed) {
        problems.push(
          t('plans.relocate.notEnoughSpace', {
            volume: ref.id,
            free: bytes(ref.volume.freeBytes),
            needed: bytes(needed),
            systemState: profile.selection?.systemState ? 'yes' : 'no',
          }),
        );
      }
    }
  }
  // The FAQ's move procedure: the System State disks the agent mounts (CBSSBVol_<ID>) are unmounted first.
  const listed = profile.volumes.filter((v) => /^cbssbvol_/i.test(v.label ?? '') && v.online !== false).map((v) => v.label!);
  const mounted = [...new Set([...listed, ...(input.systemStateDisks ?? [])])];
  if (mounted.length > 0)
    problems.push(
      t('plans.relocate.systemStateMounted', { count: mounted.length, disks: mounted.join(', '), pattern: SYSTEM_STATE_DISKS }),
    );
  const cautions: string[] = [...engine.cautions];
  if (input.systemStateDisks === null) cautions.push(t('plans.relocate.systemStateUnknown'));
  if (target) {
    if (target.linkAt) problems.push(t('plans.relocate.link', { link: target.linkAt, to }));
    if (target.unknown) cautions.push(t('plans.relocate.attributesUnknown', { to, why: target.unknown }));
    if (target.fileAt) problems.push(t('plans.relocate.fileAbove', { file: target.fileAt }));
    if (target.exists && target.empty === null) problems.push(t('plans.relocate.isFile', { to }));
    // A new folder inherits compression and encryption from the folder it is made in: check those too.
    const a = target.linkAt ? null : target.attributes;
    const bad = a
      ? [
          a.compressed ? m('plans.relocate.attribute.compressed') : null,
          a.encrypted ? m('plans.relocate.attribute.encrypted') : null,
          a.sparse ? m('plans.relocate.attribute.sparse') : null,
          a.reparsePoint ? m('plans.relocate.attribute.reparsePoint') : null,
        ].filter((x) => x !== null)
      : [];
    if (bad.length > 0) problems.push(t('plans.relocate.notPlain', { to, exists: target.exists ? 'yes' : 'no', attributes: list(bad) }));
    if (target.exists && target.empty === false) problems.push(t('plans.relocate.notEmpty', { to }));
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
          title: t('plans.step.stopEngine'),
          does: t('plans.relocate.stop.does', { service: SERVICE }),
          undo: t('plans.relocate.stop.undo', { service: SERVICE }),
        },
        {
          id: 'copy',
          title: t('plans.relocate.copy.title'),
          does: t('plans.relocate.copy.does', { from: source, to }),
          undo: t('plans.relocate.copy.undo', { to }),
        },
        {
          id: 'verify',
          title: t('plans.relocate.verify.title'),
          does: t('plans.relocate.verify.does'),
          undo: t('plans.relocate.verify.undo'),
        },
        {
          id: 'set-registry',
          title: t('plans.relocate.setRegistry.title'),
          does: t('plans.relocate.setRegistry.does', { value: 'ScratchLocation', configKey: CONFIG_KEY, providerKey: PROVIDER_KEY, to }),
          undo: t('plans.relocate.setRegistry.undo', notSet('before', previous.scratchLocation)),
        },
        {
          id: 'start-service',
          title: t('plans.step.startEngine'),
          does: t('plans.step.start.does', { service: SERVICE }),
          undo: t('plans.relocate.start.undo'),
        },
        {
          id: 'reprobe',
          title: t('plans.step.reprobe'),
          does: t('plans.relocate.reprobe.does'),
          undo: t('plans.step.nothingToUndo'),
        },
      ],
    },
  };
}

/** A registry value for a sentence: `{name}` is the value, `{name}Set` says whether there is one ("not set"). */
export function notSet(name: string, value: string | null): Record<string, string> {
  return { [name]: value ?? '', [`${name}Set`]: value === null ? 'no' : 'yes' };
}

/** A path for display and comparison: the target with a trailing backslash removed. */
export function cleanTarget(path: string): string {
  const normalized = normalizeWindowsPath(path);
  return normalized.length > 3 ? path.trim().replace(/\\+$/, '') : path.trim();
}
