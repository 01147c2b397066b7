// The Linux adapter of the Machine port: this machine, probed for real (mountinfo, statfs, os-release,
// DMI). The MARS agent runs only on Windows, so there is no registry, no obengine service and nothing to
// fix here: those ports answer as a machine without them would, and fixes say why they do not apply.

import { copyTree } from '../../actions/copy-tree.js';
import { runCommand, type CommandRunner } from '../../probes/command-runner.js';
import { probeLinuxCache } from '../../probes/linux/cache-linux.js';
import { probeLinuxHost, probeLinuxOs } from '../../probes/linux/host-linux.js';
import { probeLinuxVolumes, realLinuxFs, type LinuxFs } from '../../probes/linux/volumes-linux.js';
import type { ProbeNotes } from '../../probes/notes.js';
import { environmentProxy } from '../../probes/windows/proxy-windows.js';
import type { Machine, PlatformFacts, Track } from '../machine.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../../shared/i18n/translate.js';

/** Why nothing can be fixed here, in the current language. */
export function noAgentHere(): string {
  return t('machine.linux.noAgentHere', { command: 'mars-readiness web --sandbox DIR' });
}

export interface LinuxMachineOptions {
  run?: CommandRunner;
  fs?: LinuxFs;
  env?: NodeJS.ProcessEnv;
  /** For machines that are neither Windows nor Linux (macOS): no volumes are probed. */
  platform?: NodeJS.Platform;
}

export function linuxMachine(options: LinuxMachineOptions = {}): Machine {
  const run = options.run ?? runCommand;
  const fs = options.fs ?? realLinuxFs;
  const env = options.env ?? process.env;
  const platform = options.platform ?? 'linux';
  const refuse = async (): Promise<never> => {
    throw new Error(noAgentHere());
  };
  return {
    kind: platform === 'linux' ? 'linux' : 'other',
    // Getters: said in the language of the moment, which the wizard's menu can change after the machine is opened.
    get label() {
      return t('machine.label.this');
    },
    registry: { readKey: async () => ({ status: 'missing' }), writeString: refuse, deleteValue: refuse },
    services: { query: async () => ({ state: 'not-installed', reason: null }), start: refuse, stop: refuse },
    files: {
      localPath: (path) => path,
      pathFacts: refuse,
      copyTree: (from, to, copyOptions) => copyTree(from, to, copyOptions),
      scanOptions: () => ({ enumeration: 'lstat' }),
    },
    probe: (cachePath, notes, track) =>
      platform === 'linux' ? probeLinux(run, fs, env, cachePath, notes, track) : Promise.resolve(probeOther(platform, env, notes)),
    stateDir: join(tmpdir(), 'mars-readiness'),
    protectStateDir: async () => {},
    stateDoubt: async () => null,
    backupJob: async () => ({ running: null, why: t('machine.linux.noAgent') }),
    systemStateDisks: async () => [],
    agentEvents: async () => ({ why: t('machine.linux.noAgent') }),
    fixes: {
      mode: 'none',
      get reason() {
        return noAgentHere();
      },
    },
    failpoints: false,
  };
}

async function probeLinux(
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

function probeOther(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, notes: ProbeNotes): PlatformFacts {
  notes.add('/volumes', t('machine.other.volumesNotProbed', { platform }));
  return {
    profile: {
      os: { family: platform === 'darwin' ? 'macos' : 'other' },
      agent: { installed: false, serviceState: 'not-installed' },
      volumes: [],
    },
    proxy: { winhttp: null, system: null, environment: environmentProxy(env) },
  };
}
