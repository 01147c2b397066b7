// The machine profile of a sandbox machine: what its files say, read with the same Windows probes as a
// real machine wherever they apply (the agent's registry values, the service), so training runs the
// product's own code paths.

import { stat } from 'node:fs/promises';
import type { CacheFacts } from '../../../shared/profile/types.js';
import { driveLetterOf, samePath } from '../../../shared/util/paths.js';
import { folderSize } from '../../probes/folder-size.js';
import type { ProbeNotes } from '../../probes/notes.js';
import { probeWindowsAgent } from '../../probes/windows/agent-windows.js';
import type { MachineFile, SandboxFolder } from './sandbox-folder.js';
import type { PlatformFacts } from '../machine.js';

export async function probeSandbox(machine: SandboxFolder, cachePath: string | null, notes: ProbeNotes): Promise<PlatformFacts> {
  const facts = machine.machine;
  const { agent, role } = await probeWindowsAgent(
    machine.registryReader(),
    async (name) => ({ state: await machine.serviceState(name), reason: null }),
    notes,
    async () => facts.agentVersion ?? null,
  );
  const path = cachePath ?? agent.scratchLocation ?? agent.providerScratchLocation ?? null;
  const cache = path ? await sandboxFolder(machine, path, notes) : undefined;
  return {
    profile: {
      host: { ...facts.host, role: facts.host?.role ?? role },
      os: facts.os,
      ...(facts.software ? { software: facts.software } : {}),
      agent,
      ...(cache ? { cache } : {}),
      volumes: facts.volumes,
      ...recordedSections(facts),
    },
    proxy: { winhttp: null, system: null, environment: null },
    oneDriveRoots: async () => facts.oneDriveRoots ?? [],
    dfsrRoots: facts.dfsrRoots ?? [],
    defaultSelection: facts.selection ?? null,
    offlineSeeding: facts.offlineSeeding ?? false,
    recordedNetwork: facts.network ?? null,
    ...(facts.now ? { now: new Date(facts.now) } : {}),
  };
}

async function sandboxFolder(machine: SandboxFolder, path: string, notes: ProbeNotes): Promise<CacheFacts> {
  const local = machine.localPath(path);
  const exists = await stat(local).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const attributes = Object.entries(machine.machine.folderAttributes ?? {}).find(([p]) => samePath(p, path))?.[1];
  return {
    path,
    exists,
    volume: driveLetterOf(path),
    sizeBytes: exists ? await folderSize(local, notes, '/cache/sizeBytes') : null,
    attributes: exists ? (attributes ?? { encrypted: false, compressed: false, sparse: false, reparsePoint: false }) : null,
  };
}

/** The v2 sections machine.json records, each only when it is there (a probe not run leaves its section out). */
function recordedSections(facts: MachineFile): Pick<MachineFile, (typeof RECORDED_SECTIONS)[number]> {
  return Object.fromEntries(RECORDED_SECTIONS.filter((key) => facts[key] !== undefined).map((key) => [key, facts[key]]));
}
const RECORDED_SECTIONS = ['systemStatePrerequisites', 'antivirus', 'clock', 'serviceProxy'] as const;
