// os.* checks: is this operating system one the MARS agent supports, and can it back up System State.
// Matrix rows: the edition's operating-system table (edition-*.ts, `operatingSystems`).

import { editionName } from '../matrix/windows-editions.js';
import { OS_NAMES } from '../matrix/identify-os.js';
import { list, m, type Arg, type Msg } from '../i18n/message.js';
import { say } from '../i18n/translate.js';
import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

const osEvidence = (ctx: RuleContext) => ({
  '/os/family': ctx.profile.os.family,
  '/os/caption': ctx.profile.os.caption,
  '/os/version': ctx.profile.os.version,
  '/os/productType': ctx.profile.os.productType,
  '/os/editionId': ctx.profile.os.editionId,
  '/os/installationType': ctx.profile.os.installationType,
  '/os/architecture': ctx.profile.os.architecture,
});

/**
 * The OS's name for a message's argument: what we identified (a name, or a message where it is words),
 * else the caption (as it is), else the message "this version of Windows".
 */
export function osNameArg(ctx: RuleContext): Arg {
  if (ctx.os.kind === 'known' || ctx.os.kind === 'unlisted' || ctx.os.kind === 'not-windows') return ctx.os.name;
  return ctx.profile.os.caption ?? m('os.name.unidentified');
}

/** The OS's name for sentences, in the current language (see osNameArg). */
export function osName(ctx: RuleContext): string {
  const name = osNameArg(ctx);
  return typeof name === 'string' ? name : say(name as Msg);
}

/** Whole sentences one after the other, the language's way (a space between them, or none). */
function sentences(parts: readonly Msg[]): Msg {
  return parts.slice(0, -1).reduceRight<Msg>((rest, first) => m('os.sentences', { first, rest }), parts[parts.length - 1]!);
}

export function osSupported(ctx: RuleContext): Finding[] {
  const { os, edition, osRow } = ctx;
  const facts = ctx.profile.os;
  const cite = osRow ?? edition.osGeneral;
  const base = { evidence: osEvidence(ctx), cite };
  const supported = m('os.supported.fix.supportedVersions', { versions: supportedList(ctx) });
  const upgrade = fix('server admin', [m('os.supported.fix.moveOrUpgrade'), supported]);

  if (os.kind === 'not-windows') {
    const name = os.name;
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'fail',
        title: m('os.supported.notWindows.title', { name }),
        detail: m('os.supported.notWindows.detail', { name }),
        fix: fix('server admin', [m('os.supported.notWindows.fix.runOnWindows'), m('os.supported.notWindows.fix.otherOption')]),
      }),
    ];
  }
  // Facts that need no OS: a 32-bit or (current) Server Core installation fails, arm64 warns.
  const x86 = facts.architecture === 'x86' ? m('os.supported.problem.x86') : null;
  const serverCore =
    edition.serverCoreUnsupported && facts.installationType === 'Server Core' ? m('os.supported.problem.serverCore') : null;
  const arm64 = facts.architecture === 'arm64' ? m('os.supported.problem.arm64') : null;
  if (os.kind === 'undetermined') {
    // Nothing else is judged on an OS that could not be identified (contract v2).
    const missing = os.missing;
    const blocking = [x86, serverCore].filter((x) => x !== null);
    if (blocking.length > 0) {
      return [
        finding(ctx, 'os.supported', {
          ...base,
          status: 'fail',
          title: m('os.supported.undetermined.fail.title'),
          detail: m('os.supported.undetermined.detail', { problems: sentences(blocking), missing }),
          fix: upgrade,
        }),
      ];
    }
    if (arm64) {
      return [
        finding(ctx, 'os.supported', {
          ...base,
          status: 'warn',
          title: m('os.supported.undetermined.warn.title'),
          detail: m('os.supported.undetermined.detail', { problems: arm64, missing }),
          fix: fix('server admin', [
            m('os.supported.undetermined.warn.fix.planX64'),
            supported,
            m('os.supported.undetermined.warn.fix.winver'),
          ]),
        }),
      ];
    }
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'unknown',
        title: m('os.supported.undetermined.unknown.title'),
        detail: m('os.supported.undetermined.unknown.detail', { missing }),
        fix: fix('helpdesk', [m('os.supported.undetermined.unknown.fix.winver'), m('os.supported.undetermined.unknown.fix.collect')]),
      }),
    ];
  }

  const fails: Msg[] = [];
  const warns: Msg[] = [];
  const unknowns: Msg[] = [];
  const name = os.name;

  if (os.kind === 'unlisted') {
    fails.push(m('os.supported.problem.unlisted', { name }));
  } else if (!osRow) {
    fails.push(m('os.supported.problem.notListed', { name, edition: edition.id, later: edition.id === '2019-02' ? 'yes' : 'no' }));
  }
  if (x86) fails.push(x86);
  if (serverCore) fails.push(serverCore);

  if (osRow?.listing === 'end-of-support') warns.push(m('os.supported.problem.endOfSupport', { name }));
  if (osRow && facts.editionId != null) {
    const edition = editionName(facts.editionId);
    if (!edition || !(osRow.editions as readonly string[]).includes(edition)) {
      warns.push(
        m('os.supported.problem.edition', {
          known: edition ? 'yes' : 'no',
          edition: edition ?? facts.editionId,
          name,
          editions: list(osRow.editions),
        }),
      );
    }
  }
  if (arm64) warns.push(arm64);
  if (osRow && facts.editionId == null) unknowns.push(m('os.supported.problem.editionUnread'));
  if (facts.architecture == null) unknowns.push(m('os.supported.problem.architectureUnread'));

  if (fails.length > 0) {
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'fail',
        title: m('os.supported.fail.title', { name }),
        detail: sentences(fails),
        fix: upgrade,
      }),
    ];
  }
  if (warns.length > 0) {
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'warn',
        title: m('os.supported.warn.title', { name }),
        detail: sentences([...warns, ...unknowns]),
        fix: fix('server admin', [m('os.supported.warn.fix.planUpgrade'), supported]),
      }),
    ];
  }
  if (unknowns.length > 0) {
    return [
      finding(ctx, 'os.supported', {
        ...base,
        status: 'unknown',
        title: m('os.supported.unknown.title', { name }),
        detail: sentences(unknowns),
        fix: fix('helpdesk', [m('os.supported.unknown.fix.systeminfo'), m('os.supported.unknown.fix.collect')]),
      }),
    ];
  }
  return [
    finding(ctx, 'os.supported', {
      ...base,
      status: 'pass',
      title: m('os.supported.pass.title', { name }),
      detail: m('os.supported.pass.detail', {
        name,
        hasEdition: facts.editionId != null ? 'yes' : 'no',
        edition: facts.editionId != null ? (editionName(facts.editionId) ?? facts.editionId) : '',
      }),
    }),
  ];
}

export function osSystemState(ctx: RuleContext): Finding[] {
  const wanted = ctx.profile.selection?.systemState === true;
  const azureVm = ctx.profile.host?.azureVm === true;
  const support = systemStateSupport(ctx);
  const name = osNameArg(ctx);
  const base = {
    evidence: {
      ...osEvidence(ctx),
      '/selection/systemState': ctx.profile.selection?.systemState,
      '/host/azureVm': ctx.profile.host?.azureVm,
    },
    cite: ctx.osRow ?? ctx.edition.osGeneral,
  };
  const clear = m('os.systemState.fix.filesOnly');
  const filesOnly = fix('user', [clear, m('os.systemState.fix.useServer')]);
  if (wanted && support === false) {
    return [
      finding(ctx, 'os.system-state', {
        ...base,
        status: 'fail',
        title: m('os.systemState.fail.title', { name }),
        detail: m('os.systemState.fail.detail', { name }),
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
        title: m('os.systemState.azureVm.title'),
        detail: m('os.systemState.azureVm.detail'),
        fix: fix('user', [clear, m('os.systemState.azureVm.fix')]),
      }),
    ];
  }
  if (wanted && support === null) {
    return [
      finding(ctx, 'os.system-state', {
        ...base,
        status: 'unknown',
        title: m('os.systemState.unknown.title'),
        detail: m('os.systemState.unknown.detail'),
        fix: fix('helpdesk', [m('os.systemState.unknown.fix')]),
      }),
    ];
  }
  const sentence =
    ctx.os.kind === 'not-windows'
      ? m('os.systemState.info.notWindows', { name })
      : azureVm && support !== false
        ? m('os.systemState.info.azureVm')
        : support === true
          ? m('os.systemState.info.available', { name, selected: wanted ? 'yes' : 'no' })
          : support === false
            ? m('os.systemState.info.unavailable', { name })
            : m('os.systemState.info.unknown');
  return [
    finding(ctx, 'os.system-state', {
      ...base,
      status: 'info',
      title:
        support === false
          ? m('os.systemState.info.title.noneOnOs')
          : azureVm
            ? m('os.systemState.info.title.noneOnAzureVm')
            : support === true
              ? m('os.systemState.info.title.available')
              : m('os.systemState.info.title.unknown'),
      detail: sentence,
    }),
  ];
}

/** true/false from the OS's row; false for an OS the edition does not list; null when undetermined. */
function systemStateSupport(ctx: RuleContext): boolean | null {
  if (ctx.os.kind === 'undetermined') return null;
  return ctx.osRow?.systemState ?? false;
}

/** The supported versions' names, as the matrix lists them, one after the other. */
function supportedList(ctx: RuleContext): string {
  return ctx.edition.operatingSystems
    .filter((row) => row.listing === 'listed')
    .map((row) => OS_NAMES[row.os])
    .join(', ');
}
