// restore.* checks: Instant Restore's .NET requirement, and whether a chosen restore target can take
// this machine's backups. Matrix row: "Support for data restoration".

import { m } from '../i18n/message.js';
import { osWords } from '../matrix/os-words.js';
import type { Finding } from '../report/types.js';
import { compareStatedParts, parseVersion } from '../util/version.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { DOTNET_KEY, dotnetArgs } from './software.js';

export function restoreInstantRestore(ctx: RuleContext): Finding[] {
  const rules = ctx.edition.instantRestore;
  const release = ctx.profile.software?.dotnetRelease;
  const base = { evidence: { '/software/dotnetRelease': release }, cite: rules };
  if (release == null) {
    return [
      finding(ctx, 'restore.instant-restore', {
        ...base,
        status: 'unknown',
        title: m('restore.instantRestore.unknown.title'),
        detail: m('restore.instantRestore.unknown.detail', { minimum: rules.dotnetName }),
        fix: fix('helpdesk', [m('restore.instantRestore.unknown.fix', { key: DOTNET_KEY })]),
      }),
    ];
  }
  if (release < rules.dotnetRelease) {
    return [
      finding(ctx, 'restore.instant-restore', {
        ...base,
        status: 'warn',
        title: m('restore.instantRestore.warn.title'),
        detail: m('restore.instantRestore.warn.detail', { minimum: rules.dotnetName, ...dotnetArgs(release) }),
        fix: fix('server admin', [m('restore.instantRestore.warn.fix', { minimum: rules.dotnetName })]),
      }),
    ];
  }
  return [
    finding(ctx, 'restore.instant-restore', {
      ...base,
      status: 'pass',
      title: m('restore.instantRestore.pass.title'),
      detail: m('restore.instantRestore.pass.detail', { minimum: rules.dotnetName, dotnet: dotnetArgs(release).dotnet }),
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
        title: m('restore.target.unknown.title'),
        detail: m(ctx.profile.os.family !== 'windows' ? 'restore.target.unknown.notWindows' : 'restore.target.unknown.versionUnknown'),
        fix: fix('helpdesk', [m('restore.target.unknown.fix')]),
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
        title: m('restore.target.fail.title'),
        detail: m('restore.target.fail.detail', { here, there }),
        fix: fix('server admin', [m('restore.target.fail.fix')]),
      }),
    ];
  }
  if (order === 0 && destination.length !== source.length) {
    const shorter = destination.length < source.length ? 'target' : 'machine';
    return [
      finding(ctx, 'restore.target', {
        ...base,
        status: 'unknown',
        title: m('restore.target.unknown.title'),
        detail: m('restore.target.noBuild.detail', { here, there, shorter }),
        fix: fix('helpdesk', [m('restore.target.noBuild.fix', { shorter })]),
      }),
    ];
  }
  return [
    finding(ctx, 'restore.target', {
      ...base,
      status: 'pass',
      title: m('restore.target.pass.title'),
      detail: m('restore.target.pass.detail', { here, there }),
    }),
  ];
}
