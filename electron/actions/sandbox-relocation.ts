// The relocation engine's machine, for a sandbox: registry.json and services.json stand in for the
// registry and the service manager.

import type { SandboxMachine } from '../sandbox/sandbox-machine.js';
import { stringValue } from '../probes/windows/registry.js';
import { KEYS } from '../probes/windows/keys.js';
import { copyTree } from './copy-tree.js';
import type { RelocationMachine, ScratchValues } from './relocation-machine.js';

const ENGINE = 'obengine';

export function sandboxRelocationMachine(machine: SandboxMachine): RelocationMachine {
  const reader = machine.registryReader();
  const readScratch = async (): Promise<ScratchValues> => ({
    scratchLocation: stringValue(await reader.readKey(KEYS.agentConfig), 'ScratchLocation'),
    providerScratchLocation: stringValue(await reader.readKey(KEYS.agentProviderConfig), 'ScratchLocation'),
  });
  const write = async (key: string, value: string | null) => {
    if (value === null) await machine.deleteRegistryValue(key, 'ScratchLocation');
    else await machine.writeRegistryString(key, 'ScratchLocation', value);
  };
  return {
    journalPath: machine.journalPath,
    isSandbox: true,
    localPath: (path) => machine.localPath(path),
    readScratch,
    async writeScratch(values) {
      await write(KEYS.agentConfig, values.scratchLocation);
      await write(KEYS.agentProviderConfig, values.providerScratchLocation);
      return readScratch();
    },
    serviceState: () => machine.serviceState(ENGINE),
    copy: (from, to, options) => copyTree(from, to, options),
    stopService: () => machine.setServiceState(ENGINE, 'stopped'),
    startService: () => machine.setServiceState(ENGINE, 'running'),
  };
}
