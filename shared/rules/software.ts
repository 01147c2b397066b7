// software.* checks (current edition only): the .NET Framework and Windows PowerShell the agent needs.
// Matrix row: `software` of the current edition.

import type { Finding } from '../report/types.js';
import { compareVersions, parseVersion } from '../util/version.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

/** Release DWORDs of the .NET 4.x versions, to name what is installed. */
const DOTNET_RELEASES: [number, string][] = [
  [533320, '4.8.1'],
  [528040, '4.8'],
  [461808, '4.7.2'],
  [461308, '4.7.1'],
  [460798, '4.7'],
  [394802, '4.6.2'],
  [394254, '4.6.1'],
  [393295, '4.6'],
  [379893, '4.5.2'],
  [378675, '4.5.1'],
  [378389, '4.5'],
];

export function dotnetName(release: number): string {
  if (release === 0) return 'no .NET Framework 4';
  const match = DOTNET_RELEASES.find(([minimum]) => release >= minimum);
  return match ? `.NET Framework ${match[1]}` : '.NET Framework 4.0';
}

export function softwareDotnet(ctx: RuleContext): Finding[] {
  const requirement = ctx.edition.software;
  if (!requirement) return [];
  const release = ctx.profile.software?.dotnetRelease;
  const endOfSupport = ctx.osRow?.listing === 'end-of-support';
  const minimum = endOfSupport ? requirement.dotnetReleaseEndOfSupport : requirement.dotnetReleaseListed;
  const minimumName = endOfSupport ? requirement.dotnetEndOfSupportName : requirement.dotnetListedName;
  const base = { evidence: { '/software/dotnetRelease': release }, cite: requirement };
  if (release === null || release === undefined) {
    return [
      finding(ctx, 'software.dotnet', {
        ...base,
        status: 'unknown',
        title: 'The .NET Framework version is not known',
        detail: `The agent needs .NET Framework ${minimumName} or later, but the profile does not say which version is installed.`,
        fix: fix('helpdesk', [
          'On the machine, read the value "Release" under HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full (regedit, or "reg query").',
          'Or collect the profile again with this tool on the machine itself.',
        ]),
      }),
    ];
  }
  // On an OS that could not be identified, whether the end-of-support minimum (4.5) or the usual one (4.8)
  // applies is not known: below 4.5 fails either way, between the two is unknown (contract v2).
  if (ctx.os.kind === 'undetermined' && release >= requirement.dotnetReleaseEndOfSupport && release < requirement.dotnetReleaseListed) {
    return [
      finding(ctx, 'software.dotnet', {
        ...base,
        status: 'unknown',
        title: `Whether ${dotnetName(release)} is enough is not known`,
        detail: `This machine has ${dotnetName(release)}. The agent needs .NET Framework ${requirement.dotnetListedName} or later, or ${requirement.dotnetEndOfSupportName} on Windows past its end of support (7, Server 2008 and 2008 R2), and which Windows this is could not be told.`,
        fix: fix('helpdesk', [
          'Run "winver" on the machine to see which Windows it is, or collect the profile again with this tool on the machine itself.',
          `To be safe, install .NET Framework ${requirement.dotnetListedName} or later.`,
        ]),
      }),
    ];
  }
  if (release < minimum) {
    return [
      finding(ctx, 'software.dotnet', {
        ...base,
        status: 'fail',
        title: `.NET Framework ${minimumName} or later is needed`,
        detail: `This machine has ${dotnetName(release)}; the MARS agent needs .NET Framework ${minimumName} or later${endOfSupport ? ' on this older Windows' : ''}, and its installer stops without it.`,
        fix: fix('server admin', [
          `Install .NET Framework ${minimumName} or later (from Windows Update or Microsoft's offline installer).`,
          'Restart the machine if the installer asks, then check again.',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'software.dotnet', {
      ...base,
      status: 'pass',
      title: `${dotnetName(release)} is installed`,
      detail: `The agent needs .NET Framework ${minimumName} or later; this machine has ${dotnetName(release)}.`,
    }),
  ];
}

export function softwarePowershell(ctx: RuleContext): Finding[] {
  const requirement = ctx.edition.software;
  if (!requirement) return [];
  const text = ctx.profile.software?.powershellVersion;
  const version = parseVersion(text?.match(/^\d+(\.\d+)*/)?.[0]);
  const base = { evidence: { '/software/powershellVersion': text }, cite: requirement };
  if (!version) {
    return [
      finding(ctx, 'software.powershell', {
        ...base,
        status: 'unknown',
        title: 'The Windows PowerShell version is not known',
        detail: `The agent's installer needs Windows PowerShell ${requirement.powershellMinimum} or later, but the profile does not say which version is installed.`,
        fix: fix('helpdesk', [
          'In Windows PowerShell on the machine, run: $PSVersionTable.PSVersion',
          'Or collect the profile again with this tool on the machine itself.',
        ]),
      }),
    ];
  }
  const minimum = parseVersion(requirement.powershellMinimum) ?? [5, 0];
  if (compareVersions(version, minimum) < 0) {
    return [
      finding(ctx, 'software.powershell', {
        ...base,
        status: 'fail',
        title: `Windows PowerShell ${requirement.powershellMinimum} or later is needed`,
        detail: `This machine has Windows PowerShell ${text}; the agent's installer needs ${requirement.powershellMinimum} or later.`,
        fix: fix('server admin', [
          'Install Windows Management Framework 5.1, which brings Windows PowerShell 5.1.',
          'Restart the machine, then check again.',
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'software.powershell', {
      ...base,
      status: 'pass',
      title: `Windows PowerShell ${text} is installed`,
      detail: `The agent's installer needs Windows PowerShell ${requirement.powershellMinimum} or later; this machine has ${text}.`,
    }),
  ];
}
