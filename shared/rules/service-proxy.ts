// network.service-proxy (contract v2): the agent's engine runs as Local System, so it goes out through the
// machine's WinHTTP proxy or Local System's own Internet settings - not the proxy of whoever ran the
// network test. When those differ, the endpoint results may not be what the engine sees. Both editions.
// Section: the edition's `serviceProxy` (troubleshooting article, checking the system account's proxy).

import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { maskPasswords } from '../util/mask-password.js';
import { finding, fix } from './finding.js';
import { list, m, type Msg } from '../i18n/message.js';

const P = '/serviceProxy';

/** A proxy setting in words: direct, automatic detection, a PAC script, or a proxy server (a password as ****). */
function described(given: string): Msg {
  const value = maskPasswords(given);
  const lower = value.toLowerCase();
  if (lower === 'direct') return m('network.serviceProxy.setting', { kind: 'direct', value: '' });
  if (lower === 'wpad') return m('network.serviceProxy.setting', { kind: 'wpad', value: '' });
  if (lower.startsWith('pac:')) return m('network.serviceProxy.setting', { kind: 'pac', value: value.slice(4) });
  return m('network.serviceProxy.setting', { kind: 'server', value });
}

export function networkServiceProxy(ctx: RuleContext): Finding[] {
  const facts = ctx.profile.serviceProxy;
  if (facts === undefined) return [];
  const cite = ctx.edition.serviceProxy;
  if (facts === null) {
    return [
      finding(ctx, 'network.service-proxy', {
        evidence: { [P]: null },
        cite,
        status: 'unknown',
        title: m('network.serviceProxy.unreadable.title'),
        detail: m('network.serviceProxy.unreadable.detail'),
        fix: unknownFix,
      }),
    ];
  }
  const winhttp = facts.winhttp ?? null;
  const systemAccount = facts.systemAccount ?? null;
  const probe = facts.probe ?? null;
  const base = {
    evidence: { [`${P}/winhttp`]: winhttp, [`${P}/systemAccount`]: systemAccount, [`${P}/probe`]: probe },
    cite,
  };
  const engine = [
    { source: 'winhttp', value: winhttp },
    { source: 'systemAccount', value: systemAccount },
  ];
  const differing = probe === null ? [] : engine.filter((e) => e.value !== null && e.value.toLowerCase() !== probe.toLowerCase());
  if (differing.length > 0) {
    return [
      finding(ctx, 'network.service-proxy', {
        ...base,
        status: 'warn',
        title: m('network.serviceProxy.differs.title'),
        detail: m('network.serviceProxy.differs.detail', {
          probe: described(probe!),
          engine: list(differing.map((e) => m('network.serviceProxy.says', { source: e.source, setting: described(e.value!) }))),
        }),
        fix: fix('server admin', [
          m('network.serviceProxy.differs.fix.setForMachine', {
            setCommand: 'netsh winhttp set proxy <host>:<port>',
            resetCommand: 'netsh winhttp reset proxy',
          }),
          m('network.serviceProxy.differs.fix.setInAgent'),
          m('network.serviceProxy.differs.fix.testAgain'),
        ]),
      }),
    ];
  }
  if (probe === null || (winhttp === null && systemAccount === null)) {
    const engineUnknown = winhttp === null && systemAccount === null;
    const missing = probe === null ? (engineUnknown ? 'both' : 'probe') : 'engine';
    return [
      finding(ctx, 'network.service-proxy', {
        ...base,
        status: 'unknown',
        title: m('network.serviceProxy.unknown.title'),
        detail: m('network.serviceProxy.unknown.detail', { missing }),
        fix: unknownFix,
      }),
    ];
  }
  return [
    finding(ctx, 'network.service-proxy', {
      ...base,
      status: 'pass',
      title: m('network.serviceProxy.pass.title'),
      detail: m('network.serviceProxy.pass.detail', { setting: described(probe) }),
    }),
  ];
}

const unknownFix = fix('helpdesk', [
  m('network.serviceProxy.unknown.fix.showProxy', { command: 'netsh winhttp show proxy' }),
  m('network.serviceProxy.unknown.fix.systemAccount', { command: 'psexec -i -s' }),
]);
