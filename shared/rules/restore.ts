// restore.* checks: Instant Restore's .NET requirement, and whether a chosen restore target can take
// this machine's backups. Matrix row: "Support for data restoration".

import { osWords } from '../matrix/os-words.js';
import type { Finding } from '../report/types.js';
import { compareStatedParts, parseVersion } from '../util/version.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { dotnetName } from './software.js';

export function restoreInstantRestore(ctx: RuleContext): Finding[] {
  const rules = ctx.edition.instantRestore;
  const release = ctx.profile.software?.dotnetRelease;
  const base = { evidence: { '/software/dotnetRelease': release }, cite: rules };
  if (release == null) {
    return [
      finding(ctx, 'restore.instant-restore', {
        ...base,
        status: 'unknown',
        title: "Instant Restore's requirement is not known",
        detail: `Instant Restore needs .NET Framework ${rules.dotnetName} or later, and the profile does not say which version is installed.`,
        fix: fix('helpdesk', [
          'Read the value "Release" under HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full, or collect the profile on the machine itself.',
        ]),
      }),
    ];
  }
  if (release < rules.dotnetRelease) {
    return [
      finding(ctx, 'restore.instant-restore', {
        ...base,
        status: 'warn',
        title: 'Instant Restore will not work',
        detail: `Instant Restore (browsing a recovery point as a drive) needs .NET Framework ${rules.dotnetName} or later; this machine has ${dotnetName(release)}. Backups still work.`,
        fix: fix('server admin', [`Install .NET Framework ${rules.dotnetName} or later.`]),
      }),
    ];
  }
  return [
    finding(ctx, 'restore.instant-restore', {
      ...base,
      status: 'pass',
      title: 'Instant Restore can work',
      detail: `Instant Restore needs .NET Framework ${rules.dotnetName} or later; this machine has ${dotnetName(release)}.`,
    }),
  ];
}

export function restoreTarget(ctx: RuleContext): Finding[] {
  const target = ctx.profile.restoreTarget;
  if (!target) return [];
  const source = ctx.profile.os.family === 'windows' ? parseVersion(ctx.profile.os.version) : null;
  const destination = parseVersion(target.version);
  const base = { evidence: { '/restoreTarget/version': target.version, '/os/version': ctx.profile.os.version }, cite: ctx.edition.restore };
  // Both named, the version in brackets ("Windows Server 2008 R2 (6.1.7601)"), not bare numbers.
  const here = osWords(ctx.profile.os);
  const there = osWords({ family: 'windows', version: target.version, productType: target.productType ?? null });
  if (!source || !destination) {
    return [
      finding(ctx, 'restore.target', {
        ...base,
        status: 'unknown',
        title: 'Whether the restore target fits is not known',
        detail:
          ctx.profile.os.family !== 'windows'
            ? 'This machine does not run Windows, so its backups cannot be compared with the restore target.'
            : "This machine's Windows version is not known, so it cannot be compared with the restore target's.",
        fix: fix('helpdesk', ['Collect the profile again on this machine, so that it reads the Windows version.']),
      }),
    ];
  }
  // Only the parts both versions state are compared (contract v2): "10.0" does not say which build it is.
  const order = compareStatedParts(destination, source);
  if (order < 0) {
    return [
      finding(ctx, 'restore.target', {
        ...base,
        status: 'fail',
        title: 'The restore target runs an older Windows',
        detail: `This machine runs ${here}; its backups cannot be restored to the restore target, which runs an older Windows: ${there}.`,
        fix: fix('server admin', ['Restore to a machine on the same or a later Windows version, or upgrade the target first.']),
      }),
    ];
  }
  if (order === 0 && destination.length !== source.length) {
    const shorter = destination.length < source.length ? 'the restore target' : 'this machine';
    return [
      finding(ctx, 'restore.target', {
        ...base,
        status: 'unknown',
        title: 'Whether the restore target fits is not known',
        detail: `This machine runs ${here} and the restore target ${there}. The version of ${shorter} has no build number, so it may be an older build of the same Windows (10.0 covers Windows Server 2016 as well as 2019, for example).`,
        fix: fix('helpdesk', [`Find the full version, with its build number, of ${shorter} (run "winver" there), then check again.`]),
      }),
    ];
  }
  return [
    finding(ctx, 'restore.target', {
      ...base,
      status: 'pass',
      title: 'The restore target can take these backups',
      detail: `The target runs ${there}, the same as or later than this machine's ${here}.`,
    }),
  ];
}
