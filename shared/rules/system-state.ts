// system-state.prerequisites (contract v2): what Windows Server Backup needs before the agent can back up
// System State - the feature installed, the services it depends on, free space on the system volume, and no
// restart pending. One finding per prerequisite, on a server where System State is selected and can be
// backed up. Sections: the edition's `systemState` (the System State troubleshooting article).

import type { MachineProfile, SystemStateService, V2Service } from '../profile/types.js';
import type { Finding, Status } from '../report/types.js';
import { GB } from '../util/units.js';
import { bytes, list, m, type Msg } from '../i18n/message.js';
import { findVolume, type RuleContext } from './context.js';
import { finding, fix, worst } from './finding.js';

const P = '/systemStatePrerequisites';

/** How the services are named in services.msc, to say which one is meant. */
const SERVICE_NAMES: Record<SystemStateService, Msg> = {
  RpcSs: m('systemState.service.RpcSs'),
  EventSystem: m('systemState.service.EventSystem'),
  SENS: m('systemState.service.SENS'),
  VSS: m('systemState.service.VSS'),
  SWPRV: m('systemState.service.SWPRV'),
};

const checkAgain = m('systemState.checkAgain');

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
        title: m('systemState.unread.title'),
        detail: m('systemState.unread.detail'),
        fix: fix('helpdesk', [m('systemState.unread.fix.collect'), m('systemState.unread.fix.byHand')]),
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
      title: m('systemState.wsb.fail.title'),
      detail: m('systemState.wsb.fail.detail'),
      fix: fix('server admin', [m('systemState.wsb.fail.fix.powerShell'), m('systemState.wsb.fail.fix.serverManager'), checkAgain]),
    });
  }
  if (state === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: m('systemState.wsb.unknown.title'),
      detail: m('systemState.wsb.unknown.detail'),
      fix: fix('helpdesk', [m('systemState.wsb.unknown.fix')]),
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: m('systemState.wsb.pass.title'),
    detail: m('systemState.wsb.pass.detail'),
  });
}

function services(ctx: RuleContext): Finding {
  const rules = ctx.edition.systemState.services;
  const listed = ctx.profile.systemStatePrerequisites?.services ?? null;
  const base = { subject: 'services', evidence: { [`${P}/services`]: listed }, cite: rules };
  const needs = {
    automatic: list(rules.automatic.map((name) => SERVICE_NAMES[name])),
    onDemand: list(rules.onDemand.map((name) => SERVICE_NAMES[name])),
  };
  if (listed === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: m('systemState.services.unread.title'),
      detail: m('systemState.services.unread.detail', needs),
      fix: servicesUnknownFix,
    });
  }
  const facts = (name: SystemStateService): Required<V2Service> => ({
    startType: listed[name]?.startType ?? null,
    state: listed[name]?.state ?? null,
  });
  const problems: { status: Status; words: Msg }[] = [];
  for (const name of [...rules.automatic, ...rules.onDemand]) {
    const { startType, state } = facts(name);
    const automatic = rules.automatic.includes(name);
    const service = SERVICE_NAMES[name];
    if (state === 'not-installed') problems.push({ status: 'fail', words: m('systemState.services.problem.missing', { service }) });
    else if (startType === 'disabled') problems.push({ status: 'fail', words: m('systemState.services.problem.disabled', { service }) });
    else if (automatic && state !== null && state !== 'running')
      problems.push({ status: 'fail', words: m('systemState.services.problem.notRunning', { service, state }) });
    if (automatic && startType !== null && startType !== 'auto' && startType !== 'disabled') {
      problems.push({ status: 'warn', words: m('systemState.services.problem.notAutomatic', { service, startType }) });
    }
    const needed = automatic ? [startType, state] : [startType];
    if (needed.includes(null))
      problems.push({
        status: 'unknown',
        words: m('systemState.services.problem.unknown', { service, automatic: automatic ? 'yes' : 'no' }),
      });
  }
  const status = worst(problems.map((problem) => problem.status));
  const told = problems.filter((problem) => problem.status === status).map((problem) => problem.words);
  if (status === 'fail' || status === 'warn') {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status,
      title: status === 'fail' ? m('systemState.services.fail.title') : m('systemState.services.warn.title'),
      detail: m('systemState.services.problems.detail', { ...needs, problems: list(told), status }),
      fix: fix('server admin', [
        m('systemState.services.fix.automatic', { command: 'sc config <name> start= auto', names: list([...rules.automatic]) }),
        m('systemState.services.fix.manual', { names: list([...rules.onDemand]) }),
        m('systemState.services.fix.repair'),
        checkAgain,
      ]),
    });
  }
  if (status === 'unknown') {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status,
      title: m('systemState.services.unknown.title'),
      detail: m('systemState.services.unknown.detail', { ...needs, problems: list(told) }),
      fix: servicesUnknownFix,
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: m('systemState.services.pass.title'),
    detail: m('systemState.services.pass.detail', needs),
  });
}

const servicesUnknownFix = fix('helpdesk', [m('systemState.services.unknownFix.look'), m('systemState.services.unknownFix.collect')]);

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
      title: m('systemState.space.warn.title', { neededGB: rules.systemVolumeFreeGB }),
      detail: m('systemState.space.warn.detail', { neededGB: rules.systemVolumeFreeGB, volume: volume!.id, free: bytes(free) }),
      fix: fix('server admin', [
        m('systemState.space.warn.fix.free', { volume: volume!.id, neededGB: rules.systemVolumeFreeGB }),
        m('systemState.space.warn.fix.moveCache'),
        checkAgain,
      ]),
    });
  }
  if (free === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: m('systemState.space.unknown.title'),
      detail:
        id === null
          ? m('systemState.space.unknown.noVolume')
          : volume === undefined
            ? m('systemState.space.unknown.undescribed', { volume: id })
            : m('systemState.space.unknown.unread', { volume: volume.id }),
      fix: fix('helpdesk', [m('systemState.space.unknown.fix', { neededGB: rules.systemVolumeFreeGB })]),
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: m('systemState.space.pass.title'),
    detail: m('systemState.space.pass.detail', { volume: volume!.id, free: bytes(free), neededGB: rules.systemVolumeFreeGB }),
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
      title: m('systemState.reboot.warn.title'),
      detail: m('systemState.reboot.warn.detail'),
      fix: fix('server admin', [m('systemState.reboot.warn.fix'), checkAgain]),
    });
  }
  if (pending === null) {
    return finding(ctx, 'system-state.prerequisites', {
      ...base,
      status: 'unknown',
      title: m('systemState.reboot.unknown.title'),
      detail: m('systemState.reboot.unknown.detail'),
      fix: fix('helpdesk', [m('systemState.reboot.unknown.fix')]),
    });
  }
  return finding(ctx, 'system-state.prerequisites', {
    ...base,
    status: 'pass',
    title: m('systemState.reboot.pass.title'),
    detail: m('systemState.reboot.pass.detail'),
  });
}
