// The machine profile of the machine this runs on: the composition of the probes for its platform.
// Probes are injected (command runner, registry, file system), so that tests replay recorded Windows
// outputs and the Linux probes run for real. Nothing here needs admin rights.

import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { ScanProgress, ScanStep } from '../../shared/api/wizard-api.js';
import type {
  CacheFacts,
  HostFacts,
  MachineProfile,
  NetworkFacts,
  ProxyFacts,
  SelectedItem,
  Selection,
  VolumeFacts,
} from '../../shared/profile/types.js';
import { validateProfile } from '../../shared/profile/validate.js';
import type { SkipExamples } from '../../shared/rules/context.js';
import { driveLetterOf, isWithin } from '../../shared/util/paths.js';
import { runCommand, type CommandRunner } from './command-runner.js';
import { folderSize } from './folder-size.js';
import { mountOf, probeLinuxCache } from './linux/cache-linux.js';
import { AZURE_ASSET_TAG, probeLinuxHost, probeLinuxOs } from './linux/host-linux.js';
import { probeLinuxVolumes, realLinuxFs, type LinuxFs } from './linux/volumes-linux.js';
import { endpointTargets, probeEndpoints, type NetworkProbeOptions } from './network/endpoints.js';
import { ProbeNotes, type ProbeNote } from './notes.js';
import { probeWindowsAgent } from './windows/agent-windows.js';
import { FILE_ATTRIBUTE, probeMachineFacts } from './windows/machine-facts.js';
import { probeWindowsOs, probeWindowsSoftware } from './windows/os-windows.js';
import { environmentProxy, probeWindowsProxy } from './windows/proxy-windows.js';
import type { RegistryReader } from './windows/registry.js';
import { collectSandboxFacts } from '../sandbox/collect-sandbox.js';
import { scanFolders, type ScanProgress as FolderScanProgress } from '../scan/scanner.js';
import type { SandboxMachine } from '../sandbox/sandbox-machine.js';
import { windowsRegistryReader } from './windows/registry-native.js';
import { queryService } from './windows/service-control.js';
import { probeOneDriveRoots } from './windows/onedrive.js';

export interface CollectOptions {
  platform?: NodeJS.Platform;
  run?: CommandRunner;
  registry?: RegistryReader;
  linuxFs?: LinuxFs;
  env?: NodeJS.ProcessEnv;
  /** The cache folder to describe: the one the user means to use, or else the one the registry names. */
  cachePath?: string | null;
  /** Skip the network test: the endpoints are then unknown, never passed. */
  offline?: boolean;
  uploadMbps?: number | null;
  network?: NetworkProbeOptions;
  /** What the user means to back up: folders (measured here) and System State. */
  selection?: { paths: string[]; systemState: boolean } | null;
  /** Told how the scan of the selected folders goes (files, bytes, files per second). */
  onScanProgress?: (progress: FolderScanProgress) => void;
  /** Told when each step starts and ends, for the wizard's progress. */
  onProgress?: (progress: ScanProgress) => void;
  /** A sandbox machine to examine instead of this one (training, demos, tests). */
  sandbox?: SandboxMachine | null;
  /** Stops the collection between steps (and the network test at once). */
  signal?: AbortSignal;
  now?: () => Date;
}

export class CollectCancelled extends Error {
  constructor() {
    super('the scan was cancelled');
  }
}

export interface Collected {
  profile: MachineProfile;
  notes: ProbeNote[];
  /** Example paths of each skipped kind the selection scan met (the profile has no room for them). */
  examples?: SkipExamples;
}

export async function collectProfile(options: CollectOptions = {}): Promise<Collected> {
  const platform = options.platform ?? process.platform;
  const notes = new ProbeNotes();
  const env = options.env ?? process.env;
  const run = options.run ?? runCommand;
  const track = tracker(options);
  const partial = options.sandbox
    ? await track('agent', collectSandboxFacts(options.sandbox, options.cachePath ?? null, notes))
    : platform === 'win32'
      ? await collectWindows(run, options.registry ?? windowsRegistryReader(run), env, options.cachePath ?? null, notes, track)
      : platform === 'linux'
        ? await collectLinux(run, options.linuxFs ?? realLinuxFs, env, options.cachePath ?? null, notes, track)
        : collectOther(platform, env, notes);

  const wanted = options.selection ?? options.sandbox?.machine.selection ?? null;
  const measured = wanted
    ? await track(
        'selection',
        options.sandbox
          ? measureSelection(wanted, partial, 'win32', notes, options, (path) => options.sandbox!.localPath(path))
          : measureSelection(wanted, partial, platform, notes, options),
      )
    : undefined;

  const network: NetworkFacts = { proxy: partial.proxy, uploadMbps: options.uploadMbps ?? null };
  if (options.offline) notes.add('/network/endpoints', 'not tested: --offline');
  else if (options.sandbox) {
    const recorded = options.sandbox.machine.network;
    if (recorded?.endpoints) network.endpoints = recorded.endpoints;
    else notes.add('/network/endpoints', 'not tested: a sandbox machine has no network of its own');
    if (recorded?.proxy !== undefined) network.proxy = recorded.proxy;
    if (options.uploadMbps == null && recorded?.uploadMbps != null) network.uploadMbps = recorded.uploadMbps;
  } else {
    const proxy = proxyUrl(partial.proxy.winhttp ?? partial.proxy.environment);
    const signal = options.signal;
    network.endpoints = await track(
      'network',
      probeEndpoints(endpointTargets(), { proxy, ...options.network, ...(signal ? { signal } : {}) }),
    );
  }
  if (measured) partial.profile.selection = measured.selection;

  const profile: MachineProfile = {
    schemaVersion: 1,
    capturedAt: (options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...partial.profile,
    network,
  };
  // A probe bug must not produce a profile that other machines would refuse to open.
  const valid = validateProfile(profile);
  if (!valid.ok)
    throw new Error(`the collected profile breaks the schema: ${valid.problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
  return { profile, notes: notes.list, ...(measured ? { examples: measured.examples } : {}) };
}

type Track = <T>(step: ScanStep, work: Promise<T>) => Promise<T>;

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
  platform: NodeJS.Platform,
  notes: ProbeNotes,
  options: CollectOptions,
  localPath: (path: string) => string = (path) => path,
): Promise<{ selection: Selection; examples: SkipExamples }> {
  const scans = await scanFolders(wanted.paths.map(localPath), {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onScanProgress ? { onProgress: options.onScanProgress } : {}),
  });
  if (scans.some((s) => s.cancelled)) throw new CollectCancelled();
  const oneDriveRoots = (await facts.oneDriveRoots?.()) ?? null;
  const examples: SkipExamples = {};
  const items = wanted.paths.map((path, index): SelectedItem => {
    const scan = scans[index]!;
    const volume =
      platform === 'win32' || /^[A-Za-z]:/.test(path) ? driveLetterOf(path) : (mountOf(path, facts.profile.volumes)?.id ?? null);
    if (scan.unseen) notes.add(`/selection/items/${index}/skipped`, `in ${path}, ${scan.unseen}`);
    if (scan.unreadable.count > 0) {
      notes.add(
        `/selection/items/${index}`,
        `${scan.unreadable.count} folder(s) in ${path} could not be read and were not counted, such as ${scan.unreadable.examples.join(', ')}`,
      );
    }
    // Examples as the user knows the paths: a sandbox's are shown as the Windows paths they stand for.
    const local = localPath(path);
    const asUserPath = (example: string) =>
      local === path ? example : `${path.replace(/\\+$/, '')}\\${relative(local, example).split(sep).join('\\')}`;
    examples[path] = Object.fromEntries(Object.entries(scan.examples).map(([kind, paths]) => [kind, paths.map(asUserPath)]));
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

type PlatformFacts = {
  profile: Omit<MachineProfile, 'schemaVersion' | 'network'>;
  proxy: ProxyFacts;
  /** Where OneDrive syncs (asked only when there is a selection to judge); null: could not be told. */
  oneDriveRoots?: () => Promise<string[] | null>;
  /** Which folders DFS Replication replicates; null: could not be told. */
  dfsrRoots?: string[] | null;
};

/** A folder is in a set of roots when it lies inside one of them or holds one. */
export function touchesAny(path: string, roots: string[] | null | undefined): boolean | null {
  if (!roots) return null;
  return roots.some((root) => isWithin(path, root) || isWithin(root, path));
}

async function collectWindows(
  run: CommandRunner,
  registry: RegistryReader,
  env: NodeJS.ProcessEnv,
  wantedCache: string | null,
  notes: ProbeNotes,
  track: Track,
): Promise<PlatformFacts> {
  const [[os, software, proxy, guestAgent], agentAndRole] = await Promise.all([
    track(
      'system',
      Promise.all([
        probeWindowsOs(registry, notes),
        probeWindowsSoftware(registry, notes),
        probeWindowsProxy(run, registry, env, notes),
        queryService(run, 'WindowsAzureGuestAgent'),
      ]),
    ),
    track(
      'agent',
      probeWindowsAgent(registry, (name) => queryService(run, name), notes),
    ),
  ]);
  const { agent, role } = agentAndRole;
  const cachePath = wantedCache ?? agent.scratchLocation ?? agent.providerScratchLocation ?? null;
  const facts = await track('volumes', probeMachineFacts(run, cachePath, notes));
  const volumes = facts.volumes ?? [];

  const azureHints =
    facts.assetTag === AZURE_ASSET_TAG ||
    (guestAgent.state !== 'not-installed' && guestAgent.state !== 'unknown') ||
    volumes.some((v) => v.azureTemporary === true);
  const azureVm = azureHints ? true : facts.assetTag !== null ? false : null;
  if (azureVm === null) notes.add('/host/azureVm', 'the SMBIOS asset tag could not be read, so whether this is an Azure VM is not known');
  const host: HostFacts = { name: env.COMPUTERNAME ?? null, azureVm, role };

  let cache: CacheFacts | null | undefined;
  if (cachePath) cache = await track('cache', windowsCache(cachePath, volumes, facts.cacheAttributes, notes));
  return {
    profile: { host, os, software, agent, ...(cache !== undefined ? { cache } : {}), volumes },
    proxy,
    oneDriveRoots: () => probeOneDriveRoots(registry, env, notes),
    dfsrRoots: facts.dfsrRoots,
  };
}

async function windowsCache(
  path: string,
  volumes: VolumeFacts[],
  attributes: number | string | null,
  notes: ProbeNotes,
): Promise<CacheFacts> {
  const letter = driveLetterOf(path);
  const volume = letter && volumes.some((v) => v.id.toUpperCase() === letter) ? letter : null;
  const exists = await stat(path).then(
    (s) => s.isDirectory(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
      notes.add('/cache/exists', `${path} could not be examined: ${error.message}`);
      return null;
    },
  );
  if (typeof attributes === 'string') notes.add('/cache/attributes', `the folder's attributes could not be read: ${attributes}`);
  else if (attributes === null && exists)
    notes.add('/cache/attributes', "the folder's attributes were not read: PowerShell, which reads them, did not answer");
  const bits = typeof attributes === 'number' ? attributes : null;
  return {
    path,
    exists,
    volume,
    sizeBytes: exists ? await folderSize(path, notes, '/cache/sizeBytes') : null,
    attributes:
      bits === null
        ? null
        : {
            encrypted: (bits & FILE_ATTRIBUTE.encrypted) !== 0,
            compressed: (bits & FILE_ATTRIBUTE.compressed) !== 0,
            sparse: (bits & FILE_ATTRIBUTE.sparse) !== 0,
            reparsePoint: (bits & FILE_ATTRIBUTE.reparsePoint) !== 0,
          },
  };
}

async function collectLinux(
  run: CommandRunner,
  fs: LinuxFs,
  env: NodeJS.ProcessEnv,
  cachePath: string | null,
  notes: ProbeNotes,
  track: Track,
): Promise<PlatformFacts> {
  const [[os, host], volumes] = await Promise.all([
    track('system', Promise.all([probeLinuxOs(fs, notes), probeLinuxHost(fs, notes)])),
    track('volumes', probeLinuxVolumes(fs, notes)),
  ]);
  const cache = cachePath ? await track('cache', probeLinuxCache(cachePath, volumes, run, notes)) : undefined;
  return {
    // The agent exists only for Windows: on Linux "not installed" is a fact, not a guess.
    profile: { host, os, agent: { installed: false, serviceState: 'not-installed' }, ...(cache ? { cache } : {}), volumes },
    proxy: { winhttp: null, system: null, environment: environmentProxy(env) },
    // Neither OneDrive's sync client nor DFS Replication runs on Linux.
    oneDriveRoots: async () => [],
    dfsrRoots: [],
  };
}

function collectOther(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, notes: ProbeNotes): PlatformFacts {
  notes.add('/volumes', `volumes are not probed on ${platform}`);
  return {
    profile: {
      os: { family: platform === 'darwin' ? 'macos' : 'other' },
      agent: { installed: false, serviceState: 'not-installed' },
      volumes: [],
    },
    proxy: { winhttp: null, system: null, environment: environmentProxy(env) },
  };
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
