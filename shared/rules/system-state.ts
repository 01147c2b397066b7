// system-state.prerequisites (contract v2): what Windows Server Backup needs before the agent can back up
// System State - the feature installed, the services it depends on, free space on the system volume, and no
// restart pending. One finding per prerequisite, on a server where System State is selected and can be
// backed up. Sections: the edition's `systemState` (the System State troubleshooting article).

import type { MachineProfile, SystemStateService, V2Service } from '../profile/types.js';
import type { Finding, Status } from '../report/types.js';
import { GB } from '../util/units.js';
import { formatBytes } from '../i18n/translate.js';
import { findVolume, type RuleContext } from './context.js';
import { finding, fix, listInWords, worst } from './finding.js';

const P = '/systemStatePrerequisites';

/** How the services are named in services.msc, to say which one is meant. */
const SERVICE_NAMES: Record<SystemStateService, string> = {
  RpcSs: 'Remote Procedure Call (RpcSs)',
  EventSystem: 'COM+ Event System (EventSystem)',
  SENS: 'System Event Notification Service (SENS)',
  VSS: 'Volume Shadow Copy (VSS)',
  SWPRV: 'Microsoft Software Shadow Copy Provider (SWPRV)',
};

/** The check's "only when": System State selected on a server whose edition backs it up, not an Azure VM. */
function applies(ctx: RuleContext): boolean {
  return ctx.profile.selection?.systemState === true && ctx.osRow?.systemState === true && ctx.profile.host?.azureVm !== true;
}

export function systemStatePrerequisites(ctx: RuleContext): Finding[] {
  if (!applies(ctx)) return [];
  const facts = ctx.profile.systemStatePrerequisites;
  if (facts === undefined) return [];
  const rules = ctx.edition.systemState;
  if (facts === null) {
    return [
      finding(ctx, 'system-state.prerequisites', {
        evidence: { [P]: null },
        cite: rules.prerequisites,
        status: 'unknown',
        title: "System State's prerequisites could not be read",
        detail:
          'System State is selected, but nothing of what Windows Server Backup needs (the feature, its services, free space on the system volume, a pending restart) could be read on this machine.',
        fix: fix('helpdesk', [
          'Collect the profile again on the machine itself, as an administrator if it can be.',
          'Or check by hand: in PowerShell run Get-WindowsFeature Windows-Server-Backup, and look at the services RpcSs, EventSystem, SENS, VSS and SWPRV in services.msc.',
        ]),
      }),
    ];
  }
  return [windowsServerBackup(ctx), services(ctx), systemVolumeSpace(ctx), pendingReboot(ctx)];
}

function windowsServerBackup(ctx: RuleContext): Finding {
  const state = ctx.profile.systemStatePrerequisites?.windowsServerBackup ?? null;
  const base = {
    subject: 'windows-server-backup',
    evidence: { [`${P}/windowsServerBackup`]: state },
    cite: ctx.edition.systemState.windowsServerBackup,
  };
  if (state === 'not-installed') {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'fail',
      title: 'Windows Server Backup is not installed',
      detail:
        'The agent backs up System State through Windows Server Backup, a Windows feature that is not installed on this server. System State backups fail until it is.',
      fix: fix('server admin', [
        'In an administrator PowerShell, run: Install-WindowsFeature -Name Windows-Server-Backup',
        'Or in Server Manager, choose Add Roles and Features and tick "Windows Server Backup" under Features.',
        'Check again.',
      ]),
    });
  }
  if (state === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: 'Whether Windows Server Backup is installed is not known',
      detail: 'The agent backs up System State through Windows Server Backup, and whether that feature is installed could not be read.',
      fix: fix('helpdesk', [
        'In PowerShell, run: Get-WindowsFeature Windows-Server-Backup. "Installed" is what is needed; "Available" means it is not installed.',
      ]),
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: 'Windows Server Backup is installed',
    detail: 'Windows Server Backup, which the agent uses to back up System State, is installed.',
  });
}

function services(ctx: RuleContext): Finding {
  const rules = ctx.edition.systemState.services;
  const listed = ctx.profile.systemStatePrerequisites?.services ?? null;
  const base = { subject: 'services', evidence: { [`${P}/services`]: listed }, cite: rules };
  if (listed === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: 'The services System State needs were not read',
      detail: `System State backup needs ${listInWords(rules.automatic.map((name) => SERVICE_NAMES[name]))} running, and ${listInWords(rules.onDemand.map((name) => SERVICE_NAMES[name]))} not disabled. Their state could not be read.`,
      fix: servicesUnknownFix,
    });
  }
  const facts = (name: SystemStateService): Required<V2Service> => ({
    startType: listed[name]?.startType ?? null,
    state: listed[name]?.state ?? null,
  });
  const problems: { status: Status; words: string }[] = [];
  for (const name of [...rules.automatic, ...rules.onDemand]) {
    const { startType, state } = facts(name);
    const automatic = rules.automatic.includes(name);
    if (state === 'not-installed') problems.push({ status: 'fail', words: `${SERVICE_NAMES[name]} is missing from this server` });
    else if (startType === 'disabled') problems.push({ status: 'fail', words: `${SERVICE_NAMES[name]} is disabled` });
    else if (automatic && state !== null && state !== 'running')
      problems.push({ status: 'fail', words: `${SERVICE_NAMES[name]} is ${state}, not running` });
    if (automatic && startType !== null && startType !== 'auto' && startType !== 'disabled') {
      problems.push({ status: 'warn', words: `${SERVICE_NAMES[name]} starts "${startType}", not automatically` });
    }
    const needed = automatic ? [startType, state] : [startType];
    if (needed.includes(null))
      problems.push({ status: 'unknown', words: `how ${SERVICE_NAMES[name]} starts${automatic ? ' or runs' : ''} is not known` });
  }
  const status = worst(problems.map((problem) => problem.status));
  const told = problems.filter((problem) => problem.status === status).map((problem) => problem.words);
  if (status === 'fail' || status === 'warn') {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status,
      title: status === 'fail' ? 'A service System State needs is not available' : 'A service System State needs does not start by itself',
      detail: `System State backup needs ${listInWords(rules.automatic.map((name) => SERVICE_NAMES[name]))} set to start automatically and running, and ${listInWords(rules.onDemand.map((name) => SERVICE_NAMES[name]))} not disabled. Here ${listInWords(told)}.${status === 'fail' ? ' System State backups fail until this is put right.' : ' After a restart the service may be stopped, and then System State backups fail.'}`,
      fix: fix('server admin', [
        `In services.msc (or with "sc config <name> start= auto"), set ${listInWords([...rules.automatic])} to start automatically and start them.`,
        `Set ${listInWords([...rules.onDemand])} to Manual (not Disabled).`,
        'A service that is missing altogether means Windows itself needs repair: run "sfc /scannow" in an administrator prompt.',
        'Check again.',
      ]),
    });
  }
  if (status === 'unknown') {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status,
      title: 'Not every service System State needs could be read',
      detail: `System State backup needs ${listInWords(rules.automatic.map((name) => SERVICE_NAMES[name]))} running, and ${listInWords(rules.onDemand.map((name) => SERVICE_NAMES[name]))} not disabled; ${listInWords(told)}.`,
      fix: servicesUnknownFix,
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: 'The services System State needs are ready',
    detail: `${listInWords(rules.automatic.map((name) => SERVICE_NAMES[name]))} start automatically and are running, and ${listInWords(rules.onDemand.map((name) => SERVICE_NAMES[name]))} are not disabled.`,
  });
}

const servicesUnknownFix = fix('helpdesk', [
  'Open services.msc and look at the Startup Type and Status of Remote Procedure Call, COM+ Event System, System Event Notification Service, Volume Shadow Copy and Microsoft Software Shadow Copy Provider.',
  'Or collect the profile again on the machine itself.',
]);

function systemVolumeSpace(ctx: RuleContext): Finding {
  const rules = ctx.edition.systemState.prerequisites;
  const id = ctx.profile.systemStatePrerequisites?.systemVolume ?? null;
  const volume = id === null ? undefined : systemVolumeOf(ctx.profile, id);
  const free = volume?.freeBytes ?? null;
  const needed = rules.systemVolumeFreeGB * GB;
  const base = {
    subject: 'system-volume-space',
    evidence: { [`${P}/systemVolume`]: id, volume: volume ?? null },
    cite: rules,
  };
  if (free !== null && free < needed) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'warn',
      title: `Less than ${rules.systemVolumeFreeGB} GB free on the system volume`,
      detail: `Windows Server Backup needs at least ${rules.systemVolumeFreeGB} GB free on the volume Windows runs from to back up System State; ${volume!.id} has ${formatBytes(free)} free. System State backups can fail (error WSBDiskSpaceOrSFCIssue) unless space is freed there or the agent's cache folder is on a volume with room.`,
      fix: fix('server admin', [
        `Free space on ${volume!.id} until at least ${rules.systemVolumeFreeGB} GB are free (Disk Cleanup, or move large files elsewhere).`,
        "Or, if the agent's cache folder is on that volume, move it to a volume with enough free space (see the cache checks).",
        'Check again.',
      ]),
    });
  }
  if (free === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: 'Free space on the system volume is not known',
      detail:
        id === null
          ? 'Windows Server Backup needs free space on the volume Windows runs from, and which volume that is could not be read.'
          : volume === undefined
            ? `Windows Server Backup needs free space on the volume Windows runs from (${id}), and the profile does not describe that volume.`
            : `Windows Server Backup needs free space on the volume Windows runs from (${volume.id}), and its free space could not be read.`,
      fix: fix('helpdesk', [
        `Look at the free space of the Windows drive (usually C:) in File Explorer: at least ${rules.systemVolumeFreeGB} GB should be free.`,
      ]),
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: 'Enough free space on the system volume',
    detail: `${volume!.id}, the volume Windows runs from, has ${formatBytes(free)} free; Windows Server Backup needs ${rules.systemVolumeFreeGB} GB there to back up System State.`,
  });
}

function systemVolumeOf(profile: MachineProfile, id: string) {
  return id.trim() === '' ? undefined : findVolume(profile, id);
}

function pendingReboot(ctx: RuleContext): Finding {
  const pending = ctx.profile.systemStatePrerequisites?.rebootPending ?? null;
  const base = { subject: 'pending-reboot', evidence: { [`${P}/rebootPending`]: pending }, cite: ctx.edition.systemState.updates };
  if (pending === true) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'warn',
      title: 'A restart is pending',
      detail:
        'Windows is waiting for a restart to finish installing updates. Until then those updates are not in effect, and System State backups, which depend on an up-to-date Windows, are more likely to fail.',
      fix: fix('server admin', ['Restart the server at a quiet time, so that the installed updates take effect.', 'Check again.']),
    });
  }
  if (pending === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: 'Whether a restart is pending is not known',
      detail: 'Whether Windows is waiting for a restart after installing updates could not be read.',
      fix: fix('helpdesk', ['Look in Settings > Windows Update (or sconfig on a server without a desktop) for "Restart required".']),
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: 'No restart is pending',
    detail: 'Windows is not waiting for a restart to finish installing updates.',
  });
}
