// os.* checks: is this operating system one the MARS agent supports, and can it back up System State.
// Matrix rows: the edition's operating-system table (edition-*.ts, `operatingSystems`).

import { editionName } from '../matrix/windows-editions.js';
import { OS_NAMES } from '../matrix/identify-os.js';
import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix, listInWords } from './finding.js';

const osEvidence = (ctx: RuleContext) => ({
  '/os/family': ctx.profile.os.family,
  '/os/caption': ctx.profile.os.caption,
  '/os/version': ctx.profile.os.version,
  '/os/productType': ctx.profile.os.productType,
  '/os/editionId': ctx.profile.os.editionId,
  '/os/installationType': ctx.profile.os.installationType,
  '/os/architecture': ctx.profile.os.architecture,
});

/** The OS's name for sentences: what we identified, else the caption, else "this operating system". */
export function osName(ctx: RuleContext): string {
  if (ctx.os.kind === 'known' || ctx.os.kind === 'unlisted' || ctx.os.kind === 'not-windows') return ctx.os.name;
  return ctx.profile.os.caption ?? 'this version of Windows';
}

export function osSupported(ctx: RuleContext): Finding[] {
  const { os, edition, osRow } = ctx;
  const facts = ctx.profile.os;
  const cite = osRow ?? edition.osGeneral;
  const base = { evidence: osEvidence(ctx), cite };
  const upgrade = fix('server admin', [
    'Move the data to be protected to a machine running a supported 64-bit Windows, or upgrade this one.',
    `The supported versions are: ${supportedList(ctx)}.`,
  ]);

  if (os.kind === 'not-windows') {
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'fail',
        title: `The MARS agent needs Windows; this machine runs ${os.name}`,
        detail: `The Azure Backup agent (MARS) installs only on Windows. This machine runs ${os.name}, so the agent cannot back it up directly. For Linux servers and Azure virtual machines, Azure Backup offers other ways to protect data.`,
        fix: fix('server admin', [
          'Run this check on the Windows machine you want to back up.',
          'To protect this machine, use an Azure Backup option made for it (for example Azure VM backup), or copy its data to a supported Windows machine.',
        ]),
      }),
    ];
  }
  // Facts that need no OS: a 32-bit or (current) Server Core installation fails, arm64 warns.
  const x86 = facts.architecture === 'x86' ? 'This is a 32-bit Windows; the agent runs only on 64-bit Windows.' : null;
  const serverCore =
    edition.serverCoreUnsupported && facts.installationType === 'Server Core'
      ? 'This is a Server Core installation; the agent needs Windows Server with the Desktop Experience.'
      : null;
  const arm64 =
    facts.architecture === 'arm64'
      ? 'This is Windows on ARM (arm64); the matrix lists 64-bit Windows on x64 processors, so the agent is not known to work here.'
      : null;
  if (os.kind === 'undetermined') {
    // Nothing else is judged on an OS that could not be identified (contract v2).
    const blocking = [x86, serverCore].filter((x): x is string => x !== null);
    if (blocking.length > 0) {
      return [
        finding(ctx, 'os.supported', {
          ...base,
          status: 'fail',
          title: 'This Windows cannot run the MARS agent',
          detail: `${blocking.join(' ')} Which Windows this is could not be told: the profile lacks ${os.missing}.`,
          fix: upgrade,
        }),
      ];
    }
    if (arm64) {
      return [
        finding(ctx, 'os.supported', {
          ...base,
          status: 'warn',
          title: 'This Windows runs on an ARM processor',
          detail: `${arm64} Which Windows this is could not be told: the profile lacks ${os.missing}.`,
          fix: fix('server admin', [
            'Plan to back up this data from a 64-bit Windows on an x64 processor.',
            `The supported versions are: ${supportedList(ctx)}.`,
            'Run "winver" on the machine and note the version, build and edition, so that the rest can be checked.',
          ]),
        }),
      ];
    }
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'unknown',
        title: 'Could not tell which Windows this is',
        detail: `The profile lacks ${os.missing}, so the check cannot match this machine to the support matrix.`,
        fix: fix('helpdesk', [
          'Run "winver" or "systeminfo" on the machine and note the version, build and edition.',
          'Collect the profile again with this tool on the machine itself, so that it reads these values from the registry.',
        ]),
      }),
    ];
  }

  const fails: string[] = [];
  const warns: string[] = [];
  const unknowns: string[] = [];

  if (os.kind === 'unlisted') {
    fails.push(`${os.name} is not a version of Windows that the MARS agent supports.`);
  } else if (!osRow) {
    const later = edition.id === '2019-02' ? ' It was added to the matrix after this edition; check again with the current matrix.' : '';
    fails.push(`${os.name} is not listed in the ${edition.id} support matrix.${later}`);
  }
  if (x86) fails.push(x86);
  if (serverCore) fails.push(serverCore);

  if (osRow?.listing === 'end-of-support') {
    warns.push(`${os.name} has reached the end of its support. The agent still runs, but Microsoft no longer fixes problems on it.`);
  }
  if (osRow && facts.editionId != null) {
    const name = editionName(facts.editionId);
    if (!name || !(osRow.editions as readonly string[]).includes(name)) {
      warns.push(
        `The ${name ? `${name} edition` : `edition "${facts.editionId}"`} is not among the editions the matrix lists for ${os.name} (${listInWords(osRow.editions)}).`,
      );
    }
  }
  if (arm64) warns.push(arm64);
  if (osRow && facts.editionId == null)
    unknowns.push('The Windows edition (EditionID) could not be read, so it was not compared with the listed editions.');
  if (facts.architecture == null) unknowns.push('The processor architecture could not be read, so a 32-bit Windows is not ruled out.');

  if (fails.length > 0) {
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'fail',
        title: `${os.name} cannot run the MARS agent`,
        detail: fails.join(' '),
        fix: upgrade,
      }),
    ];
  }
  if (warns.length > 0) {
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'warn',
        title: `${os.name} runs the agent, with a risk`,
        detail: [...warns, ...unknowns].join(' '),
        fix: fix('server admin', [
          'Plan an upgrade to a supported, listed edition of Windows.',
          `The supported versions are: ${supportedList(ctx)}.`,
        ]),
      }),
    ];
  }
  if (unknowns.length > 0) {
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'unknown',
        title: `${os.name} is listed; some details could not be checked`,
        detail: unknowns.join(' '),
        fix: fix('helpdesk', [
          'Run "systeminfo" on the machine and check the edition and "System Type" (x64-based PC).',
          'Collect the profile again with this tool on the machine itself.',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'os.supported', {
      ...base,
      status: 'pass',
      title: `${os.name} is supported`,
      detail: `${os.name}${facts.editionId != null ? ` (${editionName(facts.editionId) ?? facts.editionId})` : ''} on a 64-bit processor is in the support matrix.`,
    }),
  ];
}

export function osSystemState(ctx: RuleContext): Finding[] {
  const wanted = ctx.profile.selection?.systemState === true;
  const azureVm = ctx.profile.host?.azureVm === true;
  const support = systemStateSupport(ctx);
  const name = osName(ctx);
  const base = {
    evidence: {
      ...osEvidence(ctx),
      '/selection/systemState': ctx.profile.selection?.systemState,
      '/host/azureVm': ctx.profile.host?.azureVm,
    },
    cite: ctx.osRow ?? ctx.edition.osGeneral,
  };
  const filesOnly = fix('user', [
    'Clear "System State" from the selection and back up files and folders only.',
    'To protect the system itself, use a Windows Server version that supports System State backup.',
  ]);
  if (wanted && support === false) {
    return [
      finding(ctx, 'os.system-state', {
        ...base,
        status: 'fail',
        title: `System State cannot be backed up on ${name}`,
        detail: `System State is selected, but the MARS agent backs up System State only on supported Windows Server versions, not on ${name}. Files and folders can still be backed up.`,
        fix: filesOnly,
      }),
    ];
  }
  // System State backup is for on-premises servers only (both editions, contract v2).
  if (wanted && azureVm) {
    return [
      finding(ctx, 'os.system-state', {
        ...base,
        status: 'fail',
        title: 'System State cannot be backed up on an Azure VM',
        detail:
          'System State is selected, but this machine is an Azure virtual machine, and the MARS agent backs up System State only on servers outside Azure. Files and folders can still be backed up.',
        fix: fix('user', [
          'Clear "System State" from the selection and back up files and folders only.',
          'To protect the whole virtual machine, use Azure VM backup (the backup extension) from the Recovery Services vault.',
        ]),
      }),
    ];
  }
  if (wanted && support === null) {
    return [
      finding(ctx, 'os.system-state', {
        ...base,
        status: 'unknown',
        title: 'Could not tell whether System State can be backed up here',
        detail:
          'System State is selected, but the Windows version could not be identified, so it is unknown whether the agent can back it up.',
        fix: fix('helpdesk', ['Collect the profile again with this tool on the machine itself, so that it reads the Windows version.']),
      }),
    ];
  }
  const sentence =
    ctx.os.kind === 'not-windows'
      ? `The MARS agent does not run on ${name}, so it can back up neither System State nor files here.`
      : azureVm && support !== false
        ? 'System State backup is not available on an Azure virtual machine such as this one; files and folders can be backed up.'
        : support === true
          ? `System State backup is available on ${name}${wanted ? ' and is selected' : ''}.`
          : support === false
            ? `System State backup is not available on ${name}; files and folders can be backed up.`
            : 'Whether System State backup is available could not be told, because the Windows version is not known.';
  return [
    finding(ctx, 'os.system-state', {
      ...base,
      status: 'info',
      title:
        support === false
          ? 'No System State backup on this OS'
          : azureVm
            ? 'No System State backup on an Azure VM'
            : support === true
              ? 'System State backup is available'
              : 'System State availability unknown',
      detail: sentence,
    }),
  ];
}

/** true/false from the OS's row; false for an OS the edition does not list; null when undetermined. */
function systemStateSupport(ctx: RuleContext): boolean | null {
  if (ctx.os.kind === 'undetermined') return null;
  return ctx.osRow?.systemState ?? false;
}

function supportedList(ctx: RuleContext): string {
  return ctx.edition.operatingSystems
    .filter((row) => row.listing === 'listed')
    .map((row) => OS_NAMES[row.os])
    .join(', ');
}
