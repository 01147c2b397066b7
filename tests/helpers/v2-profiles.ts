// Version-2 profiles for tests: the healthy sample server as version 2, with every v2 section present and
// passing (System State's prerequisites too, though they are judged only with System State selected),
// changed a little per test. Every profile is validated first, as in profiles.ts.

import type { MachineProfile } from '../../shared/profile/types.js';
import { validateProfile } from '../../shared/profile/validate.js';
import { sample } from './profiles.js';

export const INSTALL = 'C:\\Program Files\\Microsoft Azure Recovery Services Agent';

/** The healthy sample server as a version-2 profile, every v2 section present and fine, with `change` applied. */
export function healthyV2(change: (profile: MachineProfile) => void = () => {}): MachineProfile {
  const profile = sample('healthy-server');
  profile.schemaVersion = 2;
  profile.systemStatePrerequisites = {
    windowsServerBackup: 'installed',
    services: {
      RpcSs: { startType: 'auto', state: 'running' },
      EventSystem: { startType: 'auto', state: 'running' },
      SENS: { startType: 'auto', state: 'running' },
      VSS: { startType: 'manual', state: 'stopped' },
      SWPRV: { startType: 'manual', state: 'stopped' },
    },
    systemVolume: 'C:',
    rebootPending: false,
  };
  profile.vaultCredentials = {
    fileName: 'fs01-vault_2026-11-19.VaultCredentials',
    lastWriteTime: '2026-11-19T16:05:12Z',
    xmlWellFormed: true,
    aadTenantId: '11111111-2222-3333-4444-555555555555',
  };
  profile.antivirus = {
    defenderRealTimeProtection: true,
    exclusionPaths: ['D:\\MARS\\Scratch', `${INSTALL}\\Bin\\*`],
    exclusionProcesses: ['cbengine.exe'],
  };
  profile.clock = { skewSeconds: 1.4, referenceHost: 'login.microsoftonline.com' };
  profile.serviceProxy = { winhttp: 'direct', systemAccount: 'direct', probe: 'direct' };
  profile.history = {
    windowDays: 14,
    events: [
      { id: 1, time: '2026-11-19T21:00:03Z' },
      { id: 3, time: '2026-11-19T23:12:55Z' },
    ],
    errorCodes: [],
  };
  change(profile);
  const result = validateProfile(profile);
  if (!result.ok) throw new Error(`test profile is invalid: ${JSON.stringify(result.problems)}`);
  return profile;
}

/** The same with System State selected, so that system-state.prerequisites is judged. */
export function systemStateV2(change: (profile: MachineProfile) => void = () => {}): MachineProfile {
  return healthyV2((profile) => {
    profile.selection!.systemState = true;
    change(profile);
  });
}
