// The MARS agent on Windows: installed or not (Setup\InstallPath), its version (cbengine.exe's file
// version), both ScratchLocation values, the obengine service, and whether it runs on a MABS or DPM server.

import { join } from 'node:path';
import type { AgentFacts, HostFacts } from '../../../shared/profile/types.js';
import type { ProbeNotes } from '../notes.js';
import { KEYS } from './keys.js';
import { explain } from './os-windows.js';
import { fileVersion } from './pe-version.js';
import { stringValue, type RegistryReader } from './registry.js';
import type { ServiceQuery } from './service-control.js';
import { t } from '../../../shared/i18n/translate.js';

export const ENGINE_SERVICE = 'obengine';

export async function probeWindowsAgent(
  registry: RegistryReader,
  queryState: (service: string) => Promise<ServiceQuery>,
  notes: ProbeNotes,
  readVersion: (path: string) => Promise<string | null> = fileVersion,
): Promise<{ agent: AgentFacts; role: HostFacts['role'] }> {
  const [setup, config, provider, dpm, service] = await Promise.all([
    registry.readKey(KEYS.agentSetup),
    registry.readKey(KEYS.agentConfig),
    registry.readKey(KEYS.agentProviderConfig),
    registry.readKey(KEYS.dpmSetup),
    queryState(ENGINE_SERVICE),
  ]);
  explain(notes, '/agent/installed', setup, KEYS.agentSetup);
  explain(notes, '/agent/scratchLocation', config, KEYS.agentConfig);
  explain(notes, '/agent/providerScratchLocation', provider, KEYS.agentProviderConfig);
  if (service.reason) notes.add('/agent/serviceState', service.reason);

  const installPath = stringValue(setup, 'InstallPath');
  const installed = setup.status === 'error' ? null : installPath !== null;
  let version: string | null = null;
  if (installPath) {
    const engine = join(installPath, 'bin', 'cbengine.exe');
    version = await readVersion(engine).catch((error: Error) => {
      notes.add('/agent/version', t('probes.note.itemUnreadable', { item: engine, reason: error.message }));
      return null;
    });
  }
  // MABS installs as a flavour of DPM; its setup key names the product.
  const role: HostFacts['role'] =
    dpm.status === 'ok'
      ? [...dpm.values.values()].some((v) => typeof v.data === 'string' && /Azure Backup Server/i.test(v.data))
        ? 'mabs'
        : 'dpm'
      : installed
        ? 'direct'
        : null;
  return {
    agent: {
      installed,
      version,
      installPath,
      scratchLocation: stringValue(config, 'ScratchLocation'),
      providerScratchLocation: stringValue(provider, 'ScratchLocation'),
      serviceState: service.state,
    },
    role,
  };
}
