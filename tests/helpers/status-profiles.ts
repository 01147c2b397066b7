// Profiles that together draw every status of every check: the sample profiles and changed copies of the
// healthy one. The check metadata test and the test of the fix actions findings offer both walk them.
import type { MachineProfile } from '../../shared/profile/types.js';
import { GB, healthy, sample } from './profiles.js';

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
];
