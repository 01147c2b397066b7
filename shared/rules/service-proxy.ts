// network.service-proxy (contract v2): the agent's engine runs as Local System, so it goes out through the
// machine's WinHTTP proxy or Local System's own Internet settings - not the proxy of whoever ran the
// network test. When those differ, the endpoint results may not be what the engine sees. Both editions.
// Section: the edition's `serviceProxy` (troubleshooting article, checking the system account's proxy).

import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { maskPasswords } from '../util/mask-password.js';
import { finding, fix, listInWords } from './finding.js';

const P = '/serviceProxy';

/** A proxy setting in words: direct, automatic detection, a PAC script, or a proxy server (a password as ****). */
function described(given: string): string {
  const value = maskPasswords(given);
  const lower = value.toLowerCase();
  if (lower === 'direct') return 'no proxy (direct)';
  if (lower === 'wpad') return 'automatic proxy detection (WPAD)';
  if (lower.startsWith('pac:')) return `the proxy script ${value.slice(4)}`;
  return `the proxy ${value}`;
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
        title: "The backup engine's proxy could not be read",
        detail: "Which proxy the agent's backup engine (running as Local System) would use could not be read.",
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
    { words: "the machine's WinHTTP setting", value: winhttp },
    { words: "Local System's Internet settings", value: systemAccount },
  ];
  const differing = probe === null ? [] : engine.filter((e) => e.value !== null && e.value.toLowerCase() !== probe.toLowerCase());
  if (differing.length > 0) {
    return [
      finding(ctx, 'network.service-proxy', {
        ...base,
        status: 'warn',
        title: 'The network test used another proxy than the backup engine',
        detail: `The network test went out through ${described(probe!)}, but ${listInWords(differing.map((e) => `${e.words} say${e.words.endsWith('settings') ? '' : 's'} ${described(e.value!)}`))}. The agent's backup engine runs as Local System and uses those, so the Microsoft addresses may not be reachable for it even where the test reached them (or the other way round).`,
        fix: fix('server admin', [
          'Decide which proxy the backup engine must use, then set it for the machine: in an administrator prompt, "netsh winhttp set proxy <host>:<port>" (or "netsh winhttp reset proxy" for none).',
          "Set the same proxy in the agent's console (Change Properties > Proxy Configuration).",
          'Run the network test again through that proxy.',
        ]),
      }),
    ];
  }
  if (probe === null || (winhttp === null && systemAccount === null)) {
    const missing = [
      probe === null ? 'which proxy the network test used' : null,
      winhttp === null && systemAccount === null ? 'which proxy the backup engine (Local System) would use' : null,
    ].filter((item): item is string => item !== null);
    return [
      finding(ctx, 'network.service-proxy', {
        ...base,
        status: 'unknown',
        title: "Whether the network test saw the engine's proxy is not known",
        detail: `The network test can only stand for the agent's backup engine if both go out the same way, and ${listInWords(missing)} is not known.`,
        fix: unknownFix,
      }),
    ];
  }
  return [
    finding(ctx, 'network.service-proxy', {
      ...base,
      status: 'pass',
      title: "The network test used the backup engine's proxy",
      detail: `The network test and the agent's backup engine both go out through ${described(probe)}.`,
    }),
  ];
}

const unknownFix = fix('helpdesk', [
  'In a prompt run "netsh winhttp show proxy" to see the machine\'s proxy.',
  "To see Local System's own settings, an administrator can run Internet Options as SYSTEM (psexec -i -s) and look under Connections > LAN settings; or collect the profile again as an administrator.",
]);
