// agent.version (contract v2): whether the installed MARS agent is recent enough. Below 2.0.9083.0 every
// backup fails (those agents depend on a service Azure retired on 2018-03-19); current only, below
// 2.0.9249.0 registering with today's vault credentials can fail. The newest version the current matrix
// lists is shown as a reference: the latest agent is published as a download, never as a number.

import { m, type Msg } from '../i18n/message.js';
import type { Finding } from '../report/types.js';
import { compareVersions } from '../util/version.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

/** A dotted number exactly as the contract means it: 2 to 4 parts of the digits 0-9 (no sign, no suffix). */
const DOTTED = /^[0-9]+(\.[0-9]+){1,3}$/;

/** The version's parts when it is a dotted number; null when it is null, absent or anything else. */
export function dottedVersion(text: string | null | undefined): number[] | null {
  if (typeof text !== 'string' || !DOTTED.test(text)) return null;
  return text.split('.').map(Number);
}

/** `version` is below `minimum`, comparing part by part with missing parts as 0. */
export function below(version: readonly number[], minimum: string): boolean {
  return compareVersions(version, minimum.split('.').map(Number)) < 0;
}

export const UPGRADE_AGENT_STEPS: Msg[] = [
  m('agent.upgrade.download', { url: 'https://aka.ms/azurebackup_agent' }),
  m('agent.upgrade.run'),
  m('agent.fix.checkAgain'),
];

export function agentVersion(ctx: RuleContext): Finding[] {
  const agent = ctx.profile.agent;
  if (agent?.installed !== true) return [];
  const rules = ctx.edition.agentVersions;
  const registration = ctx.edition.vaultCredentials;
  const text = agent.version;
  const version = dottedVersion(text);
  const evidence = { '/agent/installed': true, '/agent/version': text };
  if (version === null) {
    return [
      finding(ctx, 'agent.version', {
        evidence,
        cite: rules,
        status: 'unknown',
        title: m('agent.version.unknown.title'),
        detail: text == null ? m('agent.version.unknown.unread') : m('agent.version.unknown.notNumber', { text }),
        fix: fix('helpdesk', [m('agent.version.unknown.fix.about'), m('agent.version.unknown.fix.fileVersion')]),
      }),
    ];
  }
  if (below(version, rules.minimum)) {
    return [
      finding(ctx, 'agent.version', {
        evidence,
        cite: rules,
        status: 'fail',
        title: m('agent.version.fail.title'),
        detail: m('agent.version.fail.detail', { version: String(text), minimum: rules.minimum }),
        fix: fix('server admin', UPGRADE_AGENT_STEPS),
      }),
    ];
  }
  if (registration && below(version, registration.agentMinimum)) {
    return [
      finding(ctx, 'agent.version', {
        evidence,
        cite: registration,
        status: 'warn',
        title: m('agent.version.warn.title'),
        detail: m('agent.version.warn.detail', { version: String(text), minimum: registration.agentMinimum }),
        fix: fix('server admin', UPGRADE_AGENT_STEPS),
      }),
    ];
  }
  return [
    finding(ctx, 'agent.version', {
      evidence,
      cite: rules,
      status: 'info',
      title: m('agent.version.info.title', { version: String(text) }),
      detail: m('agent.version.info.detail', { version: String(text), newest: rules.newestListed }),
    }),
  ];
}
