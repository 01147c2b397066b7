// Profiles that together draw every status of every check: the sample profiles and changed copies of the
// healthy one. The check metadata test and the test of the fix actions findings offer both walk them.
import type { MachineProfile } from '../../shared/profile/types.js';
import { GB, healthy, sample } from './profiles.js';
import { healthyV2, systemStateV2 } from './v2-profiles.js';

/** The version-2 samples, one per check of contract v2 in a state that does not pass. */
export const V2_SAMPLES = [
  'v2-old-agent',
  'v2-agent-folders-selected',
  'v2-system-state-prerequisites',
  'v2-vault-credentials-expired',
  'v2-antivirus-no-exclusions',
  'v2-clock-skew',
  'v2-service-proxy-differs',
  'v2-last-backup-failed',
  'v2-known-errors',
];

/** The sample profiles and changed copies of the healthy one: together they draw every status of every check. */
export const STATUS_PROFILES: MachineProfile[] = [
  ...['healthy-server', 'cache-problems', 'old-os', 'pre-install', 'azure-vm'].map(sample),
  { schemaVersion: 1, os: { family: 'windows' }, volumes: [] },
  healthy((p) => {
    p.restoreTarget = { version: '6.3' };
    p.network = null;
    p.selection = { systemState: true, items: [{ path: 'E:\\Data', sizeBytes: null, skipped: null, dfsReplicated: true }] };
  }),
  healthy((p) => {
    p.os.version = null;
    p.selection!.systemState = true;
    p.restoreTarget = { version: '6.3' };
  }),
  healthy((p) => {
    p.software!.dotnetRelease = 400_000;
    p.software!.tls12!.schannelClientEnabled = false;
    p.agent!.serviceState = 'unknown';
    p.cache!.exists = false;
  }),
  healthy((p) => {
    p.cache!.exists = null;
    p.volumes[1]!.driveType = 'removable';
    p.volumes[2]!.driveType = 'unknown';
  }),
  healthy((p) => {
    p.volumes[1]!.freeBytes = 200 * GB;
    p.network!.uploadMbps = 1;
    p.restoreTarget = { version: '10.0.20348' };
  }),
  healthy((p) => {
    p.selection!.items[0]!.sizeBytes = 50_000 * GB;
    p.network!.uploadMbps = null;
  }),
  healthy((p) => {
    p.host!.azureVm = true;
  }),
  healthy((p) => {
    p.host!.azureVm = true;
    p.volumes[1]!.azureTemporary = null;
    p.volumes[2]!.azureTemporary = null;
  }),
  // network.tls12 warns for a .NET value set to 0 (no sample draws its warning since contract v2 made
  // an absent SCHANNEL value on Windows 7 and 2008 R2 fail).
  healthy((p) => {
    p.software!.tls12!.dotnetStrongCrypto = false;
  }),
  // Contract v2: the samples, a healthy version-2 server, and the statuses the samples do not draw.
  ...V2_SAMPLES.map(sample),
  // Windows Server 2016, which both editions back System State up on.
  systemStateV2((p) => (p.os.version = '10.0.14393')),
  systemStateV2((p) => {
    p.systemStatePrerequisites = {};
    p.agent!.version = null;
    p.vaultCredentials!.lastWriteTime = null;
    p.antivirus!.exclusionPaths = null;
    p.clock!.skewSeconds = null;
    p.serviceProxy!.probe = null;
    p.history = { windowDays: 14, events: null, errorCodes: null };
  }),
  healthyV2((p) => {
    p.agent!.version = '2.0.9200.0';
    p.antivirus!.defenderRealTimeProtection = false;
    p.clock!.skewSeconds = 100;
    p.history!.events = [];
  }),
];
