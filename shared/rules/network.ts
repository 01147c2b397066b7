// network.* checks: TLS 1.2, the Microsoft endpoints the agent talks to, the proxy it would use, and
// whether network throttling is available. Matrix rows: `tls12`, `endpoints`, `proxy`, `throttling`.

import type { EndpointRow } from '../matrix/types.js';
import { endpointErrorWords, readEndpointError } from '../profile/endpoint-error.js';
import type { EndpointProbe, Tls12Facts } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import { maskPasswords } from '../util/mask-password.js';
import { compareVersions } from '../util/version.js';
import { windowsVersion, type RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { list, m, type Msg } from '../i18n/message.js';
import { osName } from './os.js';

const SCHANNEL_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
const DOTNET_KEY = 'HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319';

export function networkTls12(ctx: RuleContext): Finding[] {
  const cite = ctx.edition.tls12;
  if (!cite) return [];
  const tls = ctx.profile.software?.tls12;
  const evidence = {
    '/software/tls12/schannelClientEnabled': tls?.schannelClientEnabled,
    '/software/tls12/schannelClientDisabledByDefault': tls?.schannelClientDisabledByDefault,
    '/software/tls12/dotnetStrongCrypto': tls?.dotnetStrongCrypto,
    '/software/tls12/dotnetSystemDefaultTls': tls?.dotnetSystemDefaultTls,
    '/os/version': ctx.profile.os.version,
  };
  const base = { evidence, cite };
  const enableSteps = [
    m('network.tls12.fix.schannel', { key: SCHANNEL_KEY }),
    m('network.tls12.fix.dotnet', { key: DOTNET_KEY }),
    m('network.tls12.fix.restart'),
  ];
  if (!tls) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'unknown',
        title: m('network.tls12.unread.title'),
        detail: m('network.tls12.unread.detail'),
        fix: fix('helpdesk', [
          m('network.tls12.unread.fix.regedit', { schannelKey: SCHANNEL_KEY, dotnetKey: DOTNET_KEY }),
          m('network.tls12.unread.fix.collectAgain'),
        ]),
      }),
    ];
  }
  // Contract v2: one absent SCHANNEL value is enough. Windows 6.1 and older leave the TLS 1.2 client off
  // until both values are set (fail); 6.2 has it on but still asks for them (warn); from 6.3 absent is fine.
  const absent = tls.schannelClientEnabled == null || tls.schannelClientDisabledByDefault == null;
  const version = windowsVersion(ctx.profile);
  const era =
    version === null ? null : compareVersions(version, [6, 1]) <= 0 ? 'old' : compareVersions(version, [6, 2]) === 0 ? '6.2' : 'new';
  const windowsName: Msg | string =
    ctx.os.kind === 'known' || ctx.os.kind === 'unlisted'
      ? ctx.os.name
      : m('network.tls12.thisWindows', { known: version ? 'yes' : 'no', version: version?.join('.') ?? '' });
  const fails: Msg[] = [];
  if (tls.schannelClientEnabled === false) fails.push(m('network.tls12.fail.enabledZero'));
  if (tls.schannelClientDisabledByDefault === true) fails.push(m('network.tls12.fail.disabledByDefaultOne'));
  if (absent && era === 'old') fails.push(m('network.tls12.fail.offUntilSet', { windows: windowsName, absent: absentWords(tls) }));
  if (fails.length > 0) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'fail',
        title: m('network.tls12.fail.title'),
        detail: m('network.tls12.fail.detail', { reasons: list(fails) }),
        fix: fix('server admin', enableSteps),
      }),
    ];
  }
  const warns: Msg[] = [];
  if (absent && era === '6.2') warns.push(m('network.tls12.warn.askedToSet', { windows: windowsName, absent: absentWords(tls) }));
  if (tls.dotnetStrongCrypto === false) warns.push(m('network.tls12.warn.strongCrypto'));
  if (tls.dotnetSystemDefaultTls === false) warns.push(m('network.tls12.warn.systemDefaultTls'));
  if (warns.length > 0) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'warn',
        title: m('network.tls12.warn.title'),
        detail: sentences(warns),
        fix: fix('server admin', enableSteps),
      }),
    ];
  }
  if (absent && era === null) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'unknown',
        title: m('network.tls12.unknown.title'),
        detail: m('network.tls12.unknown.detail', { absent: absentWords(tls) }),
        fix: fix('helpdesk', [m('network.tls12.unknown.fix')]),
      }),
    ];
  }
  return [
    finding(ctx, 'network.tls12', {
      ...base,
      status: 'pass',
      title: m('network.tls12.pass.title'),
      detail: m('network.tls12.pass.detail', { absent: absent ? 'yes' : 'no' }),
    }),
  ];
}

/** Which SCHANNEL values are absent, in words (at least one is). */
function absentWords(tls: Tls12Facts): Msg {
  const enabled = tls.schannelClientEnabled == null;
  const disabledByDefault = tls.schannelClientDisabledByDefault == null;
  return m('network.tls12.absent', { which: enabled && disabledByDefault ? 'both' : enabled ? 'enabled' : 'disabledByDefault' });
}

/** Whole sentences one after the other, as the language writes them (a space in English, none in Japanese). */
function sentences(items: Msg[]): Msg {
  return items.slice(0, -1).reduceRight<Msg>((rest, first) => m('network.sentences', { first, rest }), items[items.length - 1]!);
}

export function networkEndpoints(ctx: RuleContext): Finding[] {
  const network = ctx.profile.network;
  const rows = ctx.edition.endpoints;
  if (!network) {
    return [
      finding(ctx, 'network.endpoints', {
        status: 'unknown',
        title: m('network.endpoints.untested.title'),
        detail: m('network.endpoints.untested.detail', { count: rows.length }),
        evidence: { '/network': network },
        fix: fix('helpdesk', [m('network.endpoints.untested.fix')]),
        cite: rows[0] ?? ctx.edition.proxy,
      }),
    ];
  }
  return rows.map((row) => endpointFinding(ctx, row, network.endpoints ?? []));
}

function endpointFinding(ctx: RuleContext, row: EndpointRow, probes: EndpointProbe[]): Finding {
  const alternatives = row.anyOf ?? [row.pattern];
  const accepted = new Set(alternatives.map((p) => p.toLowerCase()));
  const matching = probes.filter((probe) => accepted.has(probe.pattern.toLowerCase()));
  const evidence = { '/network/endpoints': matching };
  const base = { subject: row.pattern, evidence, cite: row };
  const shown = list(alternatives, 'or');
  const openSteps = [
    m('network.endpoints.fix.allow', { protocol: row.protocol === 'http' ? 'http' : 'https', addresses: shown }),
    m('network.endpoints.fix.exemptInspection'),
    m('network.endpoints.fix.checkAgain'),
  ];

  const status = row.anyOf ? anyOfStatus(alternatives, matching) : allOfStatus(matching);
  if (status === 'pass') {
    const reached = matching.find((probe) => probe.reachable === true);
    return finding(ctx, 'network.endpoints', {
      ...base,
      status: 'pass',
      title: m('network.endpoints.pass.title', { addresses: shown }),
      detail: m('network.endpoints.pass.detail', {
        host: reached?.host ?? shown,
        timed: reached?.ms != null ? 'yes' : 'no',
        ms: reached?.ms != null ? Math.round(reached.ms) : 0,
        standsFor: row.anyOf ? 'no' : 'yes',
        pattern: row.pattern,
      }),
    });
  }
  if (status === 'fail') {
    const failed = matching.filter((probe) => probe.reachable === false);
    // What the test said may name its proxy with a password: shown as ****.
    const reasons = failed.map((probe) =>
      m('network.endpoints.fail.reason', {
        host: probe.host ?? probe.pattern,
        said: probe.error ? 'yes' : 'no',
        error: probe.error ? endpointErrorWords(probe.error) : '',
      }),
    );
    return finding(ctx, 'network.endpoints', {
      ...base,
      status: 'fail',
      title: m('network.endpoints.fail.title', { addresses: shown }),
      detail: m('network.endpoints.fail.detail', {
        addresses: shown,
        pattern: row.anyOf ? 'no' : 'yes',
        count: failed.length,
        reasons: reasons
          .slice(0, -1)
          .reduceRight<Msg>((rest, first) => m('network.endpoints.fail.reasons', { first, rest }), reasons[reasons.length - 1]!),
      }),
      fix: fix('network team', openSteps),
    });
  }
  // A made-up sample host (a storage account: each vault has its own) that DNS does not know was tested
  // and answered nothing either way: that is not a test that "did not finish".
  const unknownSample = row.probeHostIsSample
    ? matching.find((probe) => probe.reachable === null && probe.error && readEndpointError(probe.error)?.kind !== 'unfinished')
    : undefined;
  if (unknownSample) {
    const host = unknownSample.host ?? row.probeHost;
    return finding(ctx, 'network.endpoints', {
      ...base,
      status: 'unknown',
      title: m('network.endpoints.sampleUnknown.title', { addresses: shown, host }),
      detail: m('network.endpoints.sampleUnknown.detail', { host, pattern: row.pattern }),
      fix: fix('network team', [
        openSteps[0]!,
        m('network.endpoints.sampleUnknown.fix', { command: `Test-NetConnection <account>${row.pattern.replace(/^\*/, '')} -Port 443` }),
      ]),
    });
  }
  return finding(ctx, 'network.endpoints', {
    ...base,
    status: 'unknown',
    title: m('network.endpoints.unknown.title', { addresses: shown }),
    detail: m('network.endpoints.unknown.detail', { tested: matching.length === 0 ? 'no' : 'unfinished', addresses: shown }),
    fix: fix('helpdesk', [m('network.endpoints.unknown.fix'), ...openSteps.slice(0, 1)]),
  });
}

/** Every probe of a pattern must succeed: a wildcard blocked for one host is blocked for the agent. */
function allOfStatus(matching: EndpointProbe[]): 'pass' | 'fail' | 'unknown' {
  if (matching.length === 0) return 'unknown';
  if (matching.some((probe) => probe.reachable === false)) return 'fail';
  if (matching.some((probe) => probe.reachable !== true)) return 'unknown';
  return 'pass';
}

/** One alternative reachable is enough; all must be tested and unreachable to fail. */
function anyOfStatus(alternatives: string[], matching: EndpointProbe[]): 'pass' | 'fail' | 'unknown' {
  if (matching.some((probe) => probe.reachable === true)) return 'pass';
  const allFailed = alternatives.every((alternative) => {
    const probes = matching.filter((probe) => probe.pattern.toLowerCase() === alternative.toLowerCase());
    return probes.length > 0 && probes.every((probe) => probe.reachable === false);
  });
  return allFailed ? 'fail' : 'unknown';
}

export function networkProxy(ctx: RuleContext): Finding[] {
  const proxy = ctx.profile.network?.proxy;
  const evidence = { '/network/proxy': proxy };
  let detail: Msg;
  if (ctx.profile.network == null || proxy === undefined) detail = m('network.proxy.notRead');
  else if (proxy === null) detail = m('network.proxy.unreadable');
  else {
    detail = m('network.proxy.detail', {
      winhttp: proxy.winhttp ? 'proxy' : 'direct',
      winhttpProxy: proxy.winhttp ? maskPasswords(proxy.winhttp) : '',
      hasSystem: proxy.system ? 'yes' : 'no',
      system: proxy.system ? maskPasswords(proxy.system) : '',
      hasEnvironment: proxy.environment ? 'yes' : 'no',
      environment: proxy.environment ? maskPasswords(proxy.environment) : '',
    });
  }
  return [finding(ctx, 'network.proxy', { status: 'info', title: m('network.proxy.title'), detail, evidence, cite: ctx.edition.proxy })];
}

export function networkThrottling(ctx: RuleContext): Finding[] {
  const throttling = ctx.edition.throttling;
  const name = osName(ctx);
  let detail: Msg;
  if (ctx.os.kind === 'known') {
    detail = throttling.unavailableOn.includes(ctx.os.os)
      ? m('network.throttling.unavailable', { os: name })
      : m('network.throttling.available', { os: name });
  } else if (ctx.os.kind === 'undetermined') {
    detail = m('network.throttling.undetermined');
  } else {
    detail = m('network.throttling.unsupportedOs', { os: name });
  }
  return [
    finding(ctx, 'network.throttling', {
      status: 'info',
      title: m('network.throttling.title'),
      detail,
      evidence: { '/os/version': ctx.profile.os.version, '/os/productType': ctx.profile.os.productType },
      cite: throttling,
    }),
  ];
}
