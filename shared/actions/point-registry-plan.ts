// Planning the fix for two cache registry values that disagree (or one that is missing): find which of the
// folders they name really holds the cache - it contains OnlineBackup.KEK - and point both values at it,
// with the engine stopped and started again around the change. When no folder holds it, there is nothing
// to point at: the agent must be registered again, which needs the vault's passphrase.

import type { MachineProfile } from '../profile/types.js';
import { samePath } from '../util/paths.js';
import {
  CONFIG_KEY,
  ENGINE_SERVICE_NAME as SERVICE,
  PROVIDER_KEY,
  registryChanges,
  type BackupJobFacts,
  type PlanResult,
} from './fix-plan.js';
import { engineProblems, preconditionsOf, unsettled } from './relocate-plan.js';

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

export const REREGISTER_WORDS =
  "The agent must be registered with the vault again: in the agent's console choose Register Server, with vault credentials downloaded from the Recovery Services vault in the Azure portal and the passphrase kept when the machine was first registered. The backups already in the vault stay.";

export function planPointRegistry(input: PointRegistryInput): PlanResult {
  const { profile } = input;
  const agent = profile.agent;
  const engine = engineProblems(profile, input.backupJob, 'no cache to point at');
  const problems = [...engine.problems];
  const a = setValue(agent?.scratchLocation);
  const b = setValue(agent?.providerScratchLocation);
  const folders = namedFolders(profile);
  if (agent?.installed === true) {
    if (folders.length === 0) problems.push(`Neither registry value names a folder, so there is no cache to point at. ${REREGISTER_WORDS}`);
    else if (a !== null && b !== null && samePath(a, b))
      problems.push(`Both registry values already name ${a}: there is nothing to point.`);
  }
  let to: string | null = null;
  if (problems.length === 0) {
    const found = folders.map((path) => input.holders.find((h) => samePath(h.path, path)) ?? { path, holdsKey: null });
    for (const h of found.filter((f) => f.linkAt))
      problems.push(
        `${h.path} goes through a link (${h.linkAt}), so both values cannot be pointed at it: the cache must be in a plain folder. If the cache is there, move it with the cache move instead.`,
      );
    const holding = found.filter((h) => h.holdsKey === true);
    const unknown = found.filter((h) => h.holdsKey === null);
    if (problems.length > 0) to = null;
    else if (holding.length === 1 && unknown.length === 0) to = holding[0]!.path;
    else if (holding.length > 1)
      problems.push(
        `Both ${holding.map((h) => h.path).join(' and ')} hold ${CACHE_KEY_FILE}, so which one the agent last used cannot be told. Ask whoever moved the cache; then move the other folder aside and run this again.`,
      );
    else if (unknown.length > 0)
      problems.push(
        `Whether ${unknown.map((h) => `${h.path}${h.why ? ` (${h.why})` : ''}`).join(' and ')} holds the cache could not be told: run this as an administrator.`,
      );
    else problems.push(`Neither ${folders.join(' nor ')} holds ${CACHE_KEY_FILE}, so no folder holds the cache. ${REREGISTER_WORDS}`);
  }
  if (problems.length > 0 || to === null) return { ok: false, problems };
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
          title: 'Stop the backup engine',
          does: `Stops the "${SERVICE}" service, if it runs, and waits until it has stopped, so that it reads the values afresh when it starts.`,
          undo: `Starts "${SERVICE}" again if this fix stopped it.`,
        },
        {
          id: 'set-registry',
          title: 'Point both values at the cache',
          does: `Sets "ScratchLocation" under ${CONFIG_KEY} and under ${PROVIDER_KEY} to ${to}, the folder that holds ${CACHE_KEY_FILE}, then reads both back.`,
          undo: `Restores both values to what they were (${previous.scratchLocation ?? 'not set'} and ${previous.providerScratchLocation ?? 'not set'}).`,
        },
        {
          id: 'start-service',
          title: 'Start the backup engine',
          does: `Starts "${SERVICE}" and waits until it is running.`,
          undo: 'Stops it, so that it can start again with the values as they were.',
        },
        {
          id: 'reprobe',
          title: 'Check the result',
          does: `Reads both values and the service again, and looks for ${CACHE_KEY_FILE} in ${to}.`,
          undo: 'Nothing to undo.',
        },
      ],
    },
  };
}
