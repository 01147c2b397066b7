// Planning the fix for two cache registry values that disagree (or one that is missing): find which of the
// folders they name really holds the cache - it contains OnlineBackup.KEK - and point both values at it,
// with the engine stopped and started again around the change. When no folder holds it, there is nothing
// to point at: the agent must be registered again, which needs the vault's passphrase.

import type { MachineProfile } from '../profile/types.js';
import { canonicalWindowsPath, samePath } from '../util/paths.js';
import {
  CONFIG_KEY,
  ENGINE_SERVICE_NAME as SERVICE,
  PROVIDER_KEY,
  refusal,
  registryChanges,
  type BackupJobFacts,
  type PlanResult,
} from './fix-plan.js';
import { engineProblems, notSet, preconditionsOf, unsettled } from './relocate-plan.js';
import { t } from '../i18n/translate.js';
import { list, m } from '../i18n/message.js';

/** The file that marks a folder as the agent's cache. */
export const CACHE_KEY_FILE = 'OnlineBackup.KEK';

/** What was found in one folder a value names: whether it holds the cache's key file (null: could not look). */
export interface CacheHolder {
  path: string;
  holdsKey: boolean | null;
  why?: string;
  /** The component of the path that is a link (symbolic link, junction, mount point), when one is. */
  linkAt?: string | null;
}

export interface PointRegistryInput {
  profile: MachineProfile;
  holders: CacheHolder[];
  backupJob?: BackupJobFacts | null;
}

/** A registry value as the agent reads it: empty or blank counts as not set. */
export function setValue(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}

/** The folders the two values name, each once (null: neither names one). */
export function namedFolders(profile: MachineProfile): string[] {
  const values = [setValue(profile.agent?.scratchLocation), setValue(profile.agent?.providerScratchLocation)].filter(
    (v): v is string => v !== null,
  );
  return values.filter((v, i) => values.findIndex((w) => samePath(v, w)) === i);
}

/** What is left when no folder holds the cache: registering the agent again (said after the refusal). */
const REREGISTER = m('plans.pointRegistry.reregister');

/**
 * The folder several spellings name, as Windows resolves them (`.` and `..` taken, separators folded): its
 * plain spelling; null when they are different folders or not full drive-letter paths. The check compares
 * the values as written (a doubled backslash is a difference there); the machine opens one folder.
 */
function sameFolderSpelledTwice(paths: string[]): string | null {
  const resolved = paths.map(canonicalWindowsPath);
  const first = resolved[0];
  return first && resolved.every((path) => path !== null && samePath(path, first)) ? first : null;
}

export function planPointRegistry(input: PointRegistryInput): PlanResult {
  const { profile } = input;
  const agent = profile.agent;
  const engine = engineProblems(profile, input.backupJob, 'point');
  const problems = [...engine.problems];
  const a = setValue(agent?.scratchLocation);
  const b = setValue(agent?.providerScratchLocation);
  const folders = namedFolders(profile);
  let agree: string | null = null;
  if (agent?.installed === true) {
    if (folders.length === 0) problems.push(t('plans.pointRegistry.noFolder', { reregister: REREGISTER }));
    else if (a !== null && b !== null && samePath(a, b)) problems.push((agree = t('plans.pointRegistry.sameFolder', { folder: a })));
  }
  let to: string | null = null;
  if (problems.length === 0) {
    const found = folders.map((path) => input.holders.find((h) => samePath(h.path, path)) ?? { path, holdsKey: null });
    for (const h of found.filter((f) => f.linkAt)) problems.push(t('plans.pointRegistry.link', { path: h.path, link: h.linkAt! }));
    const holding = found.filter((h) => h.holdsKey === true);
    const unknown = found.filter((h) => h.holdsKey === null);
    // Two spellings of one folder (`...\.\Scratch`, `...\x\..\Scratch`, a doubled backslash): both "hold"
    // the key because they are the same folder; both values are pointed at its plain spelling.
    const oneFolder = holding.length > 1 && unknown.length === 0 ? sameFolderSpelledTwice(holding.map((h) => h.path)) : null;
    if (problems.length > 0) to = null;
    else if (holding.length === 1 && unknown.length === 0) to = holding[0]!.path;
    else if (oneFolder) to = oneFolder;
    else if (holding.length > 1)
      problems.push(t('plans.pointRegistry.bothHold', { folders: list(holding.map((h) => h.path)), file: CACHE_KEY_FILE }));
    else if (unknown.length > 0)
      problems.push(
        t('plans.pointRegistry.holderUnknown', {
          folders: list(unknown.map((h) => (h.why ? m('plans.pointRegistry.folderWhy', { path: h.path, why: h.why }) : h.path))),
        }),
      );
    else
      problems.push(
        t('plans.pointRegistry.noneHolds', {
          count: folders.length,
          first: folders[0]!,
          second: folders[1] ?? '',
          file: CACHE_KEY_FILE,
          reregister: REREGISTER,
        }),
      );
  }
  if (problems.length > 0 || to === null) return refusal(problems, agree);
  const previous = { scratchLocation: agent?.scratchLocation ?? null, providerScratchLocation: agent?.providerScratchLocation ?? null };
  return {
    ok: true,
    plan: {
      action: 'point-registry',
      host: profile.host?.name ?? null,
      from: to,
      to,
      previous,
      neededBytes: 0,
      registry: registryChanges(previous, to),
      selectedPaths: [],
      figures: { cacheBytes: null, cacheFiles: null, targetVolume: null, estimate: null },
      preconditions: preconditionsOf('point-registry', unsettled({ backupJob: input.backupJob ?? null, offlineSeeding: false })),
      cautions: engine.cautions,
      steps: [
        {
          id: 'stop-service',
          title: t('plans.step.stopEngine'),
          does: t('plans.pointRegistry.stop.does', { service: SERVICE }),
          undo: t('plans.pointRegistry.stop.undo', { service: SERVICE }),
        },
        {
          id: 'set-registry',
          title: t('plans.pointRegistry.setRegistry.title'),
          does: t('plans.pointRegistry.setRegistry.does', {
            value: 'ScratchLocation',
            configKey: CONFIG_KEY,
            providerKey: PROVIDER_KEY,
            to,
            file: CACHE_KEY_FILE,
          }),
          undo: t('plans.pointRegistry.setRegistry.undo', {
            ...notSet('before', previous.scratchLocation),
            ...notSet('providerBefore', previous.providerScratchLocation),
          }),
        },
        {
          id: 'start-service',
          title: t('plans.step.startEngine'),
          does: t('plans.step.start.does', { service: SERVICE }),
          undo: t('plans.pointRegistry.start.undo'),
        },
        {
          id: 'reprobe',
          title: t('plans.step.reprobe'),
          does: t('plans.pointRegistry.reprobe.does', { file: CACHE_KEY_FILE, to }),
          undo: t('plans.step.nothingToUndo'),
        },
      ],
    },
  };
}
