// systemStatePrerequisites (contract v2, servers only): what Windows Server Backup needs before the agent
// can back up System State. The feature, the services and the system drive come from the CIM part of the
// one PowerShell run (machine-facts.ts); a pending restart from two registry keys, by whether they exist.
// Every value is a fixed token or a number, never localised text.

import {
  SYSTEM_STATE_SERVICES,
  type SystemStatePrerequisites,
  type SystemStateService,
  type V2Service,
  type V2ServiceStartType,
  type V2ServiceState,
} from '../../../shared/profile/types.js';
import { ProbeNotes } from '../notes.js';
import { describeCimError, type CimAnswer, type CimFacts, type CimService } from './machine-facts.js';
import { keyErrorWords, type KeyRead, type RegistryReader } from './registry.js';
import { t } from '../../../shared/i18n/translate.js';

export const REBOOT_PENDING_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
] as const;

const P = '/systemStatePrerequisites';

/** Win32_OptionalFeature.InstallState: 1 Enabled, 2 Disabled, 3 Absent, 4 Unknown; no instance: not installed. */
export function windowsServerBackupOf(installState: number | null): SystemStatePrerequisites['windowsServerBackup'] {
  if (installState === null || installState === 2 || installState === 3) return 'not-installed';
  if (installState === 1) return 'installed';
  return null;
}

const START_TYPES: Record<string, V2ServiceStartType> = {
  auto: 'auto',
  manual: 'manual',
  disabled: 'disabled',
  boot: 'boot',
  system: 'system',
};
const STATES: Record<string, V2ServiceState> = {
  running: 'running',
  stopped: 'stopped',
  'start pending': 'starting',
  'stop pending': 'stopping',
  paused: 'paused',
  'pause pending': 'paused',
  'continue pending': 'paused',
};

/** Win32_Service's StartMode and State (fixed English tokens in every language) as the profile says them. */
export function serviceOf(service: CimService | undefined): V2Service {
  if (!service) return { startType: null, state: 'not-installed' };
  return {
    startType: START_TYPES[(service.startMode ?? '').toLowerCase()] ?? null,
    state: STATES[(service.state ?? '').toLowerCase()] ?? null,
  };
}

/** Each of the five services, matched by name whatever its case (SWPRV is registered as swprv). */
export function servicesOf(found: CimService[]): Record<SystemStateService, V2Service> {
  const byName = new Map(found.map((s) => [s.name.toLowerCase(), s]));
  return Object.fromEntries(SYSTEM_STATE_SERVICES.map((name) => [name, serviceOf(byName.get(name.toLowerCase()))])) as Record<
    SystemStateService,
    V2Service
  >;
}

/**
 * true when either key exists; false when both are missing (ERROR_FILE_NOT_FOUND); null (with a note) when
 * neither exists and one could not be opened for another reason.
 */
export async function probeRebootPending(registry: RegistryReader, notes: ProbeNotes): Promise<boolean | null> {
  const reads = await Promise.all(REBOOT_PENDING_KEYS.map((key) => registry.readKey(key)));
  if (reads.some((r) => r.status === 'ok')) return true;
  if (reads.every((r) => r.status === 'missing')) return false;
  const failed = REBOOT_PENDING_KEYS.flatMap((key, i) => {
    const read = reads[i] as KeyRead;
    return read.status === 'error' ? [`${key} (${keyErrorWords(read)})`] : [];
  });
  notes.add(`${P}/rebootPending`, t('probes.systemState.rebootUnknown', { keys: failed.join('; ') }));
  return null;
}

/** A CIM answer's value, or null with a note saying how the query failed (or that it was not answered). */
function answered<T>(
  answer: CimAnswer<T> | undefined,
  field: string,
  what: 'wsb' | 'services' | 'drive',
  unanswered: string | null,
  notes: ProbeNotes,
): T | undefined {
  if (answer === undefined) {
    notes.add(field, t('probes.systemState.notRead', { what, reason: unanswered ?? t('probes.cim.notInAnswer') }));
    return undefined;
  }
  if ('error' in answer) {
    notes.add(field, t('probes.systemState.unreadable', { what, reason: describeCimError(answer.error) }));
    return undefined;
  }
  return answer.value;
}

/**
 * The section from the CIM facts (null when PowerShell did not answer; `unanswered` says why) and the
 * registry. null (with a note) when none of it could be read.
 */
export async function probeSystemStatePrerequisites(
  cim: CimFacts | null,
  unanswered: string | null,
  registry: RegistryReader,
  notes: ProbeNotes,
): Promise<SystemStatePrerequisites | null> {
  const local = new ProbeNotes();
  const facts = cim ?? {};

  let windowsServerBackup: SystemStatePrerequisites['windowsServerBackup'] = null;
  const installState = answered(facts.windowsServerBackup, `${P}/windowsServerBackup`, 'wsb', unanswered, local);
  if (installState !== undefined) {
    windowsServerBackup = windowsServerBackupOf(installState);
    if (windowsServerBackup === null)
      local.add(`${P}/windowsServerBackup`, t('probes.systemState.installStateUnknown', { state: String(installState) }));
  }

  const found = answered(facts.services, `${P}/services`, 'services', unanswered, local);
  const services = found === undefined ? null : servicesOf(found);

  const drive = answered(facts.systemDrive, `${P}/systemVolume`, 'drive', unanswered, local);
  const systemVolume = drive ? drive.toUpperCase() : null;
  if (drive === null) local.add(`${P}/systemVolume`, t('probes.systemState.noSystemDrive'));

  const rebootPending = await probeRebootPending(registry, local);

  if (windowsServerBackup === null && services === null && systemVolume === null && rebootPending === null) {
    notes.add(P, t('probes.systemState.nothingRead', { reasons: local.list.map((n) => n.reason).join('; ') }));
    return null;
  }
  for (const note of local.list) notes.add(note.field, note.reason);
  return { windowsServerBackup, services, systemVolume, rebootPending };
}
