// software.* checks (current edition only): the .NET Framework and Windows PowerShell the agent needs.
// Matrix row: `software` of the current edition.

import { m } from '../i18n/message.js';
import { t } from '../i18n/translate.js';
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

/** The installed .NET Framework 4 in words ("no .NET Framework 4" for release 0), in the current language. */
export function dotnetName(release: number): string {
  return release === 0 ? t('software.dotnet.none') : dotnetProduct(release);
}

/** The product's name for a release above 0: ".NET Framework 4.8" (a name, the same in every language). */
function dotnetProduct(release: number): string {
  const match = DOTNET_RELEASES.find(([minimum]) => release >= minimum);
  return match ? `.NET Framework ${match[1]}` : '.NET Framework 4.0';
}

/**
 * What a message says of the installed .NET: `installed` (yes/no: release 0 is none at all) and `dotnet`,
 * its name. A sentence that may meet release 0 says "has no .NET Framework 4" itself, with a select.
 */
export function dotnetArgs(release: number): { installed: 'yes' | 'no'; dotnet: string } {
  return release === 0 ? { installed: 'no', dotnet: '' } : { installed: 'yes', dotnet: dotnetProduct(release) };
}

export const DOTNET_KEY = 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full';
const collectAgain = m('software.fix.collectAgain');

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
        title: m('software.dotnet.unknown.title'),
        detail: m('software.dotnet.unknown.detail', { minimum: minimumName }),
        fix: fix('helpdesk', [m('software.dotnet.unknown.fix.registry', { key: DOTNET_KEY }), collectAgain]),
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
        title: m('software.dotnet.undetermined.title', { dotnet: dotnetProduct(release) }),
        detail: m('software.dotnet.undetermined.detail', {
          dotnet: dotnetProduct(release),
          listed: requirement.dotnetListedName,
          endOfSupport: requirement.dotnetEndOfSupportName,
        }),
        fix: fix('helpdesk', [
          m('software.dotnet.undetermined.fix.winver'),
          m('software.dotnet.undetermined.fix.installListed', { version: requirement.dotnetListedName }),
        ]),
      }),
    ];
  }
  if (release < minimum) {
    return [
      finding(ctx, 'software.dotnet', {
        ...base,
        status: 'fail',
        title: m('software.dotnet.fail.title', { minimum: minimumName }),
        detail: m('software.dotnet.fail.detail', { ...dotnetArgs(release), minimum: minimumName, older: endOfSupport ? 'yes' : 'no' }),
        fix: fix('server admin', [m('software.dotnet.fail.fix.install', { minimum: minimumName }), m('software.dotnet.fail.fix.restart')]),
      }),
    ];
  }
  return [
    finding(ctx, 'software.dotnet', {
      ...base,
      status: 'pass',
      title: m('software.dotnet.pass.title', { dotnet: dotnetProduct(release) }),
      detail: m('software.dotnet.pass.detail', { minimum: minimumName, dotnet: dotnetProduct(release) }),
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
        title: m('software.powershell.unknown.title'),
        detail: m('software.powershell.unknown.detail', { minimum: requirement.powershellMinimum }),
        fix: fix('helpdesk', [m('software.powershell.unknown.fix.run', { command: '$PSVersionTable.PSVersion' }), collectAgain]),
      }),
    ];
  }
  const minimum = parseVersion(requirement.powershellMinimum) ?? [5, 0];
  if (compareVersions(version, minimum) < 0) {
    return [
      finding(ctx, 'software.powershell', {
        ...base,
        status: 'fail',
        title: m('software.powershell.fail.title', { minimum: requirement.powershellMinimum }),
        detail: m('software.powershell.fail.detail', { version: String(text), minimum: requirement.powershellMinimum }),
        fix: fix('server admin', [m('software.powershell.fail.fix.install'), m('software.powershell.fail.fix.restart')]),
      }),
    ];
  }
  return [
    finding(ctx, 'software.powershell', {
      ...base,
      status: 'pass',
      title: m('software.powershell.pass.title', { version: String(text) }),
      detail: m('software.powershell.pass.detail', { minimum: requirement.powershellMinimum, version: String(text) }),
    }),
  ];
}
