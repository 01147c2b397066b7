// A machine's profile: its adapter's probes (electron/machine), then the selection scan and the network
// test, which are the same on every machine. Tests hand in an adapter over recorded Windows outputs, a
// sandbox, or this Linux machine for real. Nothing here needs admin rights.

import { lstat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { ScanProgress } from '../../shared/api/wizard-api.js';
import type { ClockFacts, HistoryFacts, MachineProfile, NetworkFacts, SelectedItem, Selection } from '../../shared/profile/types.js';
import { validateProfile } from '../../shared/profile/validate.js';
import type { SkipExamples } from '../../shared/rules/context.js';
import { ExplainedError } from '../explained-error.js';
import { driveLetterOf, isWithin } from '../../shared/util/paths.js';
import type { Machine, PlatformFacts, Track } from '../machine/machine.js';
import { thisMachine } from '../machine/open-machine.js';
import { scanFolders, type ScanProgress as FolderScanProgress } from './selection/scanner.js';
import { mountOf } from './linux/cache-linux.js';
import { endpointTargets, probeNetwork, type NetworkProbeOptions } from './network/endpoints.js';
import { ProbeNotes, type ProbeNote } from './notes.js';
import { DEFAULT_HISTORY_DAYS, probeHistory } from './history/probe-history.js';
import { normalizeProxySetting } from './proxy-setting.js';
import type { LogWindow } from './history/agent-logs.js';

export interface CollectOptions {
  /** The machine to examine: this one by default, through its platform's adapter. */
  machine?: Machine;
  /** The cache folder to describe: the one the user means to use, or else the one the registry names. */
  cachePath?: string | null;
  /** Skip the network test: the endpoints are then unknown, never passed. */
  offline?: boolean;
  uploadMbps?: number | null;
  network?: NetworkProbeOptions;
  /**
   * What the user means to back up: folders (measured here) and System State. Null or absent: not said, and
   * the selection a sandbox machine records is used (the CLI without --select); named but empty (no folder,
   * no System State): nothing is selected, whatever the machine records (the wizard, which offers the
   * recorded selection on its "What to back up" page and never applies it unseen).
   */
  selection?: { paths: string[]; systemState: boolean } | null;
  /** Told how the scan of the selected folders goes (files, bytes, files per second). */
  onScanProgress?: (progress: FolderScanProgress) => void;
  /** Told when each step starts and ends, for the wizard's progress. */
  onProgress?: (progress: ScanProgress) => void;
  /** Stops the collection between steps (and the network test at once). */
  signal?: AbortSignal;
  /** A vault credentials file to describe (only what the profile may keep of it); null or absent: none. */
  vaultCredentials?: string | null;
  /** How many days back the agent's job history is read (history.windowDays); 14 by default. */
  historyDays?: number;
  now?: () => Date;
}

export class CollectCancelled extends Error {
  constructor() {
    super('the scan was cancelled');
  }
}

import { describePending, pendingRecovery } from '../actions/pending-fix.js';
import { probeVaultCredentials } from './vault-credentials.js';
import { lockHolder } from '../actions/machine-lock.js';
import { t } from '../../shared/i18n/translate.js';
import { list } from '../../shared/i18n/message.js';

export interface Collected {
  profile: MachineProfile;
  notes: ProbeNote[];
  /** Example paths of each skipped kind the selection scan met (the profile has no room for them). */
  examples?: SkipExamples;
  /** An offline-seeding initial backup is running, where the machine can tell (the profile has no field for it). */
  offlineSeeding?: boolean | null;
  /** An interrupted fix found on the machine, in words (the profile has no field for it); null: none. */
  interruptedFix?: string | null;
}

export async function collectProfile(options: CollectOptions = {}): Promise<Collected> {
  const machine = options.machine ?? thisMachine();
  // A folder named to back up that is not there is a mistake in what was asked, said before anything is
  // probed: a report would only guess at why its size is not known.
  const missing = await missingFolders(options.selection?.paths ?? [], machine);
  if (missing.length > 0) throw new SelectionMissingError(missing);
  const notes = new ProbeNotes();
  const track = tracker(options);
  const partial = await machine.probe(options.cachePath ?? null, notes, track);
  const capturedAt = options.now?.() ?? partial.now ?? new Date();
  // The agent's history is read beside the scan and the network test: it needs only the install path.
  const history = agentHistory(machine, partial, { capturedAt, windowDays: options.historyDays ?? DEFAULT_HISTORY_DAYS }, notes).catch(
    (error: Error) => {
      notes.add('/history', t('probes.collect.historyUnreadable', { reason: error.message }));
      return null;
    },
  );

  const named = options.selection ?? null;
  const wanted = named ? (named.paths.length > 0 || named.systemState ? named : null) : (partial.defaultSelection ?? null);
  const measured = wanted ? await track('selection', measureSelection(wanted, partial, machine, notes, options)) : undefined;

  const network: NetworkFacts = { proxy: partial.proxy, uploadMbps: options.uploadMbps ?? null };
  let clock: ClockFacts | undefined;
  /** The proxy the endpoint test used, as serviceProxy compares it; null when the endpoints were not tested here. */
  let probeProxy: string | null = null;
  if (options.offline) notes.add('/network/endpoints', t('probes.collect.offline'));
  else if (machine.kind === 'sandbox') {
    const recorded = partial.recordedNetwork;
    if (recorded?.endpoints) network.endpoints = recorded.endpoints;
    else notes.add('/network/endpoints', t('probes.collect.sandboxNoNetwork'));
    if (recorded?.proxy !== undefined) network.proxy = recorded.proxy;
    if (options.uploadMbps == null && recorded?.uploadMbps != null) network.uploadMbps = recorded.uploadMbps;
  } else {
    const setting = partial.proxy.winhttp ?? partial.proxy.environment;
    const proxy = proxyUrl(setting);
    probeProxy = normalizeProxySetting(setting ?? '');
    const signal = options.signal;
    // The clock is read from the same responses (their Date header): no request of its own.
    const probed = await track('network', probeNetwork(endpointTargets(), { proxy, ...options.network, ...(signal ? { signal } : {}) }));
    network.endpoints = probed.endpoints;
    clock = probed.clock;
  }
  if (measured) partial.profile.selection = measured.selection;

  const vaultCredentials = options.vaultCredentials ? await probeVaultCredentials(options.vaultCredentials, notes) : undefined;
  const profile: MachineProfile = {
    // Version 2: what collect writes now; its sections are added as their probes land (issue 15).
    schemaVersion: 2,
    capturedAt: capturedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...partial.profile,
    network,
    ...(vaultCredentials !== undefined ? { vaultCredentials } : {}),
    ...(clock !== undefined ? { clock } : {}),
  };
  // The engine's proxy (the machine's probe) against the one the endpoint test just used; a sandbox keeps its record.
  if (profile.serviceProxy && machine.kind !== 'sandbox') profile.serviceProxy = { ...profile.serviceProxy, probe: probeProxy };
  const historyFacts = await history;
  if (historyFacts !== undefined) profile.history = historyFacts;
  // A probe bug must not produce a profile that other machines would refuse to open.
  const valid = validateProfile(profile);
  if (!valid.ok)
    throw new Error(`the collected profile breaks the schema: ${valid.problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
  // A fix that runs now (its process holds the lock) is not interrupted: it is said only once it is.
  const running = await lockHolder(machine.stateDir).catch(() => null);
  const pending = running
    ? null
    : await pendingRecovery(machine).catch((error: Error) => ({ damaged: error.message, journal: null, path: '' }));
  return {
    profile,
    notes: notes.list,
    offlineSeeding: partial.offlineSeeding ?? null,
    interruptedFix: pending ? describePending(pending) : null,
    ...(measured ? { examples: measured.examples } : {}),
  };
}

/**
 * history (contract v2), only where an agent is installed to have one: the CloudBackup log's events and
 * the error codes of the logs in <InstallPath>\Temp.
 */
async function agentHistory(
  machine: Machine,
  facts: PlatformFacts,
  window: LogWindow,
  notes: ProbeNotes,
): Promise<HistoryFacts | undefined> {
  const agent = facts.profile.agent;
  if (agent?.installed !== true) return undefined;
  let tempFolder: string | null = null;
  if (agent.installPath) {
    try {
      tempFolder = machine.files.localPath(`${agent.installPath.replace(/[\\/]+$/, '')}\\Temp`);
    } catch (error) {
      notes.add('/history/errorCodes', t('probes.collect.tempFolderMissing', { reason: (error as Error).message }));
    }
  }
  const lastWritten = machine.files.lastWritten?.bind(machine.files);
  return probeHistory(
    { agentEvents: (ids, w) => machine.agentEvents(ids, w), tempFolder, ...(lastWritten ? { writtenAt: lastWritten } : {}) },
    window,
    notes,
  );
}

/** Reports each step's start and end, and stops between steps once the signal is aborted. */
function tracker(options: CollectOptions): Track {
  return async (step, work) => {
    if (options.signal?.aborted) throw new CollectCancelled();
    options.onProgress?.({ step, state: 'running' });
    const value = await work;
    if (options.signal?.aborted) throw new CollectCancelled();
    options.onProgress?.({ step, state: 'done' });
    return value;
  };
}

/** Each selected folder scanned: its volume, size, file count and the kinds of files MARS skips. */
async function measureSelection(
  wanted: { paths: string[]; systemState: boolean },
  facts: PlatformFacts,
  machine: Machine,
  notes: ProbeNotes,
  options: CollectOptions,
): Promise<{ selection: Selection; examples: SkipExamples }> {
  const localPath = (path: string) => machine.files.localPath(path);
  const scans = await scanFolders(wanted.paths.map(localPath), {
    ...machine.files.scanOptions(),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onScanProgress
      ? {
          onProgress: (p: FolderScanProgress) => options.onScanProgress!({ ...p, current: asUserPath(wanted.paths, p.current, localPath) }),
        }
      : {}),
  });
  if (scans.some((s) => s.cancelled)) throw new CollectCancelled();
  const oneDriveRoots = (await facts.oneDriveRoots?.()) ?? null;
  const examples: SkipExamples = {};
  // A selected folder that could not be opened at all was not measured: its size is not known, never 0.
  const rootProblems = await Promise.all(
    wanted.paths.map((path, index) => (scans[index]!.unreadable.examples[0] === localPath(path) ? whyUnopened(localPath(path)) : null)),
  );
  const items = wanted.paths.map((path, index): SelectedItem => {
    const scan = scans[index]!;
    const volume =
      machine.kind === 'windows' || machine.kind === 'sandbox' || /^[A-Za-z]:/.test(path)
        ? driveLetterOf(path)
        : (mountOf(path, facts.profile.volumes)?.id ?? null);
    const unopened = rootProblems[index];
    if (unopened) {
      notes.add(`/selection/items/${index}`, t('probes.collect.itemUnopened', { path, problem: unopened }));
      return {
        path,
        volume,
        sizeBytes: null,
        fileCount: null,
        skipped: null,
        oneDrive: touchesAny(path, oneDriveRoots),
        dfsReplicated: touchesAny(path, facts.dfsrRoots),
      };
    }
    if (scan.unseen) notes.add(`/selection/items/${index}/skipped`, t('probes.collect.unseen', { path, what: scan.unseen }));
    if (scan.unreadable.count > 0) {
      notes.add(
        `/selection/items/${index}`,
        t('probes.collect.unreadableFolders', { count: scan.unreadable.count, path, examples: list(scan.unreadable.examples) }),
      );
    }
    // Examples as the user knows the paths: a sandbox's are shown as the Windows paths they stand for.
    examples[path] = Object.fromEntries(
      Object.entries(scan.examples).map(([kind, paths]) => [kind, paths.map((example) => asUserPath([path], example, localPath))]),
    );
    return {
      path,
      volume,
      sizeBytes: scan.bytes,
      fileCount: scan.files,
      skipped: scan.counts,
      oneDrive: touchesAny(path, oneDriveRoots),
      dfsReplicated: touchesAny(path, facts.dfsrRoots),
    };
  });
  return { selection: { systemState: wanted.systemState, items }, examples };
}

/** A folder named to back up does not exist (on the machine examined). */
export class SelectionMissingError extends ExplainedError {
  constructor(readonly paths: string[]) {
    super(t('probes.collect.selectionMissing', { count: paths.length, paths: list(paths) }));
  }
}

/** The selected paths that are not there, told by the error's code (a path under a file is not there either). */
async function missingFolders(paths: readonly string[], machine: Machine): Promise<string[]> {
  const gone = await Promise.all(
    paths.map((path) =>
      lstat(machine.files.localPath(path)).then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'ENOTDIR',
      ),
    ),
  );
  return paths.filter((_, i) => gone[i]);
}

/** Why a selected folder could not be opened, in words, by the error's code (never its message). */
async function whyUnopened(local: string): Promise<string> {
  try {
    const stats = await lstat(local);
    if (stats.isSymbolicLink()) return t('probes.collect.isLink');
    if (!stats.isDirectory()) return t('probes.collect.isFile');
    return t('probes.collect.couldNotOpen');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return t('probes.collect.doesNotExist'); // gone since the check above
    if (code === 'EACCES' || code === 'EPERM') return t('probes.collect.accessDenied');
    return t('probes.collect.couldNotOpenCode', { code: code ?? t('probes.collect.unknownError') });
  }
}

/**
 * A path the scan met, as the user knows it: inside a sandbox, the Windows path it stands for
 * ("E:\\Shares\\big", not /tmp/.../drives/E/Shares/big); elsewhere, as it is.
 */
function asUserPath(roots: readonly string[], met: string, localPath: (path: string) => string): string {
  for (const root of roots) {
    const local = localPath(root);
    if (local === root) continue;
    if (met === local) return root;
    if (met.startsWith(local.endsWith(sep) ? local : local + sep))
      return `${root.replace(/\\+$/, '')}\\${relative(local, met).split(sep).join('\\')}`;
  }
  return met;
}

/** A folder is in a set of roots when it lies inside one of them or holds one. */
export function touchesAny(path: string, roots: string[] | null | undefined): boolean | null {
  if (!roots) return null;
  return roots.some((root) => isWithin(path, root) || isWithin(root, path));
}

/** A proxy setting as a URL: "host:port", "http://host:port", or WinHTTP's "http=a:80;https=b:443". */
export function proxyUrl(setting: string | null | undefined): string | null {
  if (!setting) return null;
  const entries = setting
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const https = entries.find((e) => e.toLowerCase().startsWith('https='));
  const plain = entries.find((e) => !e.includes('='));
  const chosen = (https ?? plain ?? entries[0] ?? '').replace(/^[a-z]+=/i, '');
  if (!chosen) return null;
  return /^[a-z]+:\/\//i.test(chosen) ? chosen : `http://${chosen}`;
}
