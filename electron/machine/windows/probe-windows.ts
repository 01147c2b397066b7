// The Windows machine's probes composed into PlatformFacts: the OS, software and proxy from the registry
// and netsh, the agent and its service, the volumes (one PowerShell CIM run, wmic as fallback), the cache
// folder, and contract v2's systemStatePrerequisites (servers only), antivirus and serviceProxy (the same
// PowerShell run's CIM answers and the registry). Nothing here needs admin rights.

import { stat } from 'node:fs/promises';
import type { AntivirusFacts, CacheFacts, HostFacts, SystemStatePrerequisites, VolumeFacts } from '../../../shared/profile/types.js';
import { driveLetterOf } from '../../../shared/util/paths.js';
import type { CommandRunner } from '../../probes/command-runner.js';
import { folderSize } from '../../probes/folder-size.js';
import { AZURE_ASSET_TAG } from '../../probes/linux/host-linux.js';
import { guarded, type ProbeNotes } from '../../probes/notes.js';
import { probeWindowsAgent } from '../../probes/windows/agent-windows.js';
import { probeWindowsAntivirus } from '../../probes/windows/antivirus-windows.js';
import { FILE_ATTRIBUTE, probeMachineFacts } from '../../probes/windows/machine-facts.js';
import { probeOneDriveRoots } from '../../probes/windows/onedrive.js';
import { probeWindowsOs, probeWindowsSoftware } from '../../probes/windows/os-windows.js';
import { probeWindowsProxy } from '../../probes/windows/proxy-windows.js';
import type { RegistryReader } from '../../probes/windows/registry.js';
import { queryService, type ServiceQuery } from '../../probes/windows/service-control.js';
import { probeWindowsServiceProxy } from '../../probes/windows/service-proxy-windows.js';
import { probeSystemStatePrerequisites } from '../../probes/windows/system-state-prerequisites.js';
import type { PlatformFacts, Track } from '../machine.js';
import { t } from '../../../shared/i18n/translate.js';

export async function probeWindows(
  run: CommandRunner,
  registry: RegistryReader,
  env: NodeJS.ProcessEnv,
  wantedCache: string | null,
  notes: ProbeNotes,
  track: Track,
  queryState: (service: string) => Promise<ServiceQuery> = (name) => queryService(run, name),
): Promise<PlatformFacts> {
  const [[os, software, proxy, guestAgent, serviceProxy], agentAndRole] = await Promise.all([
    track(
      'system',
      Promise.all([
        probeWindowsOs(registry, notes),
        probeWindowsSoftware(registry, notes),
        probeWindowsProxy(run, registry, env, notes),
        queryState('WindowsAzureGuestAgent'),
        // probe stays null: the collector fills it with the proxy its endpoint test used.
        guarded(notes, '/serviceProxy', null, () => probeWindowsServiceProxy(registry, notes)),
      ]),
    ),
    track('agent', probeWindowsAgent(registry, queryState, notes)),
  ]);
  const { agent, role } = agentAndRole;
  const cachePath = wantedCache ?? agent.scratchLocation ?? agent.providerScratchLocation ?? null;
  // What System State needs is asked only of a server (productType not workstation; unknown counts as one).
  const server = os.productType !== 'workstation';
  const facts = await track('volumes', probeMachineFacts(run, cachePath, notes, { systemState: server }));
  const volumes = facts.volumes ?? [];
  const [systemStatePrerequisites, antivirus] = await Promise.all([
    server
      ? guarded<SystemStatePrerequisites | null>(notes, '/systemStatePrerequisites', null, () =>
          probeSystemStatePrerequisites(facts.cim, facts.cimUnanswered, registry, notes),
        )
      : undefined,
    guarded<AntivirusFacts | null>(notes, '/antivirus', null, () =>
      probeWindowsAntivirus(facts.cim, facts.cimUnanswered, registry, env, notes),
    ),
  ]);

  const azureHints =
    facts.assetTag === AZURE_ASSET_TAG ||
    (guestAgent.state !== 'not-installed' && guestAgent.state !== 'unknown') ||
    volumes.some((v) => v.azureTemporary === true);
  const azureVm = azureHints ? true : facts.assetTag !== null ? false : null;
  if (azureVm === null) notes.add('/host/azureVm', t('machine.windows.azureUnknown'));
  const host: HostFacts = { name: env.COMPUTERNAME ?? null, azureVm, role };

  let cache: CacheFacts | null | undefined;
  if (cachePath) cache = await track('cache', windowsCache(cachePath, volumes, facts.cacheAttributes, notes));
  return {
    profile: {
      host,
      os,
      software,
      agent,
      ...(cache !== undefined ? { cache } : {}),
      volumes,
      ...(systemStatePrerequisites !== undefined ? { systemStatePrerequisites } : {}),
      antivirus,
      serviceProxy,
    },
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
      notes.add('/cache/exists', t('probes.cache.unexamined', { path, reason: error.message }));
      return null;
    },
  );
  if (typeof attributes === 'string') notes.add('/cache/attributes', t('machine.windows.attributesUnreadable', { reason: attributes }));
  else if (attributes === null && exists) notes.add('/cache/attributes', t('machine.windows.attributesUnanswered'));
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
