// network.* checks: TLS 1.2, the Microsoft endpoints the agent talks to, the proxy it would use, and
// whether network throttling is available. Matrix rows: `tls12`, `endpoints`, `proxy`, `throttling`.

import type { EndpointRow } from '../matrix/types.js';
import type { EndpointProbe, Tls12Facts } from '../profile/types.js';
import type { Finding } from '../report/types.js';
import { maskPasswords } from '../util/mask-password.js';
import { compareVersions } from '../util/version.js';
import { windowsVersion, type RuleContext } from './context.js';
import { finding, fix, plural, listInWords } from './finding.js';
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
    `Under ${SCHANNEL_KEY}, set the DWORD "Enabled" to 1 and the DWORD "DisabledByDefault" to 0.`,
    `Under ${DOTNET_KEY} and its WOW6432Node twin, set the DWORDs "SchUseStrongCrypto" and "SystemDefaultTlsVersions" to 1.`,
    'Restart the machine, then check again.',
  ];
  if (!tls) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'unknown',
        title: 'Whether TLS 1.2 is enabled is not known',
        detail: 'The agent talks to Azure over TLS 1.2 only, and the profile holds none of the registry values that turn it on or off.',
        fix: fix('helpdesk', [
          `On the machine, look at ${SCHANNEL_KEY} and ${DOTNET_KEY} in regedit.`,
          'Or collect the profile again with this tool on the machine itself.',
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
  const windowsName =
    ctx.os.kind === 'known' || ctx.os.kind === 'unlisted' ? ctx.os.name : `this Windows (version ${version?.join('.') ?? 'unknown'})`;
  const fails: string[] = [];
  if (tls.schannelClientEnabled === false) fails.push('"Enabled" is 0 under the TLS 1.2 Client key');
  if (tls.schannelClientDisabledByDefault === true) fails.push('"DisabledByDefault" is 1 under the TLS 1.2 Client key');
  if (absent && era === 'old') fails.push(`on ${windowsName} it stays off until both registry values are set, and ${absentWords(tls)}`);
  if (fails.length > 0) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'fail',
        title: 'TLS 1.2 is turned off for this machine',
        detail: `The agent can reach Azure only over TLS 1.2, and it is off for outgoing connections: ${listInWords(fails)}.`,
        fix: fix('server admin', enableSteps),
      }),
    ];
  }
  const warns: string[] = [];
  if (absent && era === '6.2') {
    warns.push(
      `On ${windowsName}, TLS 1.2 is on by default, but Microsoft asks for both registry values to be set there, and ${absentWords(tls)}.`,
    );
  }
  if (tls.dotnetStrongCrypto === false) {
    warns.push(
      '.NET applications on this machine are told not to use strong cryptography ("SchUseStrongCrypto" is 0), which can keep them from using TLS 1.2.',
    );
  }
  if (tls.dotnetSystemDefaultTls === false) {
    warns.push(
      '.NET applications on this machine are told not to use the TLS versions Windows offers ("SystemDefaultTlsVersions" is 0), which can keep them from using TLS 1.2.',
    );
  }
  if (warns.length > 0) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'warn',
        title: 'TLS 1.2 may not be used',
        detail: warns.join(' '),
        fix: fix('server admin', enableSteps),
      }),
    ];
  }
  if (absent && era === null) {
    return [
      finding(ctx, 'network.tls12', {
        ...base,
        status: 'unknown',
        title: 'Whether TLS 1.2 is on by default is not known',
        detail: `In the registry, ${absentWords(tls)} under the TLS 1.2 Client key. That is fine on Windows 8.1 and Server 2012 R2 and later, but not on older Windows, and the Windows version is not known.`,
        fix: fix('helpdesk', ['Find the Windows version ("winver"), or collect the profile again with this tool on the machine itself.']),
      }),
    ];
  }
  return [
    finding(ctx, 'network.tls12', {
      ...base,
      status: 'pass',
      title: 'TLS 1.2 is available',
      detail: absent
        ? 'The TLS 1.2 registry values are not both set, and on this version of Windows TLS 1.2 is on by default.'
        : 'The registry enables TLS 1.2 for outgoing connections.',
    }),
  ];
}

/** Which SCHANNEL values are absent, in words. */
function absentWords(tls: Tls12Facts): string {
  const names = [
    tls.schannelClientEnabled == null ? '"Enabled"' : null,
    tls.schannelClientDisabledByDefault == null ? '"DisabledByDefault"' : null,
  ].filter((x): x is string => x !== null);
  return `${listInWords(names)} ${names.length === 1 ? 'is' : 'are'} not set`;
}

export function networkEndpoints(ctx: RuleContext): Finding[] {
  const network = ctx.profile.network;
  const rows = ctx.edition.endpoints;
  if (!network) {
    return [
      finding(ctx, 'network.endpoints', {
        status: 'unknown',
        title: 'Network access was not tested',
        detail: `The agent must reach ${rows.length} Microsoft addresses, and this profile holds no network test.`,
        evidence: { '/network': network },
        fix: fix('helpdesk', ['Run this check again on the machine without --offline, so that it tests each address.']),
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
  const shown = alternatives.join(' or ');
  const openSteps = [
    `Allow outgoing ${row.protocol === 'http' ? 'HTTP (port 80)' : 'HTTPS (port 443)'} from this machine to ${shown}, on the firewall and on any proxy.`,
    'If a proxy inspects TLS, exempt these addresses from inspection.',
    'Check again.',
  ];

  const status = row.anyOf ? anyOfStatus(alternatives, matching) : allOfStatus(matching);
  if (status === 'pass') {
    const reached = matching.find((probe) => probe.reachable === true);
    return finding(ctx, 'network.endpoints', {
      ...base,
      status: 'pass',
      title: `${shown} is reachable`,
      detail: `${reached?.host ?? shown} answered${reached?.ms != null ? ` in ${Math.round(reached.ms)} ms` : ''}${row.anyOf ? '' : `, standing for ${row.pattern}`}.`,
    });
  }
  if (status === 'fail') {
    const failed = matching.filter((probe) => probe.reachable === false);
    // What the test said may name its proxy with a password: shown as ****.
    const reasons = failed.map(
      (probe) => `${probe.host ?? probe.pattern}${probe.error ? `: ${maskPasswords(probe.error).replace(/\.$/, '')}` : ''}`,
    );
    return finding(ctx, 'network.endpoints', {
      ...base,
      status: 'fail',
      title: `${shown} cannot be reached`,
      detail: `The agent needs ${shown}${row.anyOf ? '' : `, and the test tried ${plural(failed.length, 'host')} of that name`}. It could not reach it (${reasons.join('; ')}). Backups and registration fail without it.`,
      fix: fix('network team', openSteps),
    });
  }
  // A made-up sample host (a storage account: each vault has its own) that DNS does not know was tested
  // and answered nothing either way: that is not a test that "did not finish".
  const unknownSample = row.probeHostIsSample
    ? matching.find((probe) => probe.reachable === null && probe.error && !/^not finished/.test(probe.error))
    : undefined;
  if (unknownSample) {
    const host = unknownSample.host ?? row.probeHost;
    return finding(ctx, 'network.endpoints', {
      ...base,
      status: 'unknown',
      title: `${shown} could not be tested: DNS does not know the sample name ${host}`,
      detail: `${host} is only a sample name for ${row.pattern} (each vault has storage accounts of its own), and DNS does not know it. That says nothing about the network: whether this machine can reach ${row.pattern} is not known.`,
      fix: fix('network team', [
        openSteps[0]!,
        `To test it for real, take the name of one of your vault's storage accounts (in the Azure portal) and check that this machine reaches it on port 443, for example with "Test-NetConnection <account>${row.pattern.replace(/^\*/, '')} -Port 443" in PowerShell.`,
      ]),
    });
  }
  return finding(ctx, 'network.endpoints', {
    ...base,
    status: 'unknown',
    title: `${shown} was not tested`,
    detail:
      matching.length === 0
        ? `The profile holds no test of ${shown}.`
        : `The test of ${shown} did not finish, so it is not known whether it can be reached.`,
    fix: fix('helpdesk', ['Run this check again on the machine without --offline.', ...openSteps.slice(0, 1)]),
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
  let detail: string;
  if (ctx.profile.network == null || proxy === undefined) detail = 'The proxy settings were not read.';
  else if (proxy === null) detail = 'The proxy settings could not be read.';
  else {
    const parts = [
      proxy.winhttp
        ? `WinHTTP (used by the agent's service) goes through ${maskPasswords(proxy.winhttp)}`
        : "WinHTTP (used by the agent's service) connects directly",
      proxy.system ? `the system setting names ${maskPasswords(proxy.system)}` : null,
      proxy.environment ? `the environment names ${maskPasswords(proxy.environment)}` : null,
    ].filter((x): x is string => x !== null);
    detail = `${parts.join('; ')}. The agent's service runs as Local System: it uses the machine's WinHTTP proxy or the system account's settings, not those of the signed-in user; a proxy for the agent itself is set in the agent's Change Properties.`;
  }
  return [finding(ctx, 'network.proxy', { status: 'info', title: 'Proxy settings', detail, evidence, cite: ctx.edition.proxy })];
}

export function networkThrottling(ctx: RuleContext): Finding[] {
  const throttling = ctx.edition.throttling;
  const name = osName(ctx);
  let detail: string;
  if (ctx.os.kind === 'known') {
    detail = throttling.unavailableOn.includes(ctx.os.os)
      ? `Network throttling (limits by work and non-work hours) is not available on ${name}.`
      : `Network throttling (limits by work and non-work hours) is available on ${name}, in the agent's Change Properties.`;
  } else if (ctx.os.kind === 'undetermined') {
    detail = 'Whether network throttling is available could not be told, because the Windows version is not known.';
  } else {
    detail = `Network throttling applies to supported Windows versions only, not to ${name}.`;
  }
  return [
    finding(ctx, 'network.throttling', {
      status: 'info',
      title: 'Network throttling',
      detail,
      evidence: { '/os/version': ctx.profile.os.version, '/os/productType': ctx.profile.os.productType },
      cite: throttling,
    }),
  ];
}
