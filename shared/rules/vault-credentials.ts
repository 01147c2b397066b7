// agent.vault-credentials (contract v2, current only): the vault credentials file the user means to register
// the agent with. Azure refuses one with another extension, one that is not well-formed, or one downloaded
// more than 10 days before it is used; and agents below 2.0.9249.0 can fail to validate today's files.
// Section: the edition's `vaultCredentials` (troubleshooting article, "Invalid vault credentials provided").

import { list, m, type Msg } from '../i18n/message.js';
import type { Finding } from '../report/types.js';
import { below, dottedVersion, UPGRADE_AGENT_STEPS } from './agent-version.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';
import { moreThanSecondsApart, parseInstant, secondsBetween } from './timestamps.js';

const P = '/vaultCredentials';
const DAY = 86_400;

const downloadSteps = (maxAgeDays: number) => [
  m('agent.vaultCredentials.fix.download'),
  m('agent.vaultCredentials.fix.registerWithin', { days: maxAgeDays, extension: '.VaultCredentials' }),
];

export function agentVaultCredentials(ctx: RuleContext): Finding[] {
  const rules = ctx.edition.vaultCredentials;
  if (!rules) return [];
  const file = ctx.profile.vaultCredentials;
  if (file === undefined) return [];
  const agent = ctx.profile.agent;
  const installed = agent?.installed === true;
  if (file === null) {
    return [
      finding(ctx, 'agent.vault-credentials', {
        evidence: { [P]: null },
        cite: rules,
        status: 'unknown',
        title: m('agent.vaultCredentials.unreadable.title'),
        detail: m('agent.vaultCredentials.unreadable.detail'),
        fix: fix('helpdesk', [m('agent.vaultCredentials.unreadable.fix'), ...downloadSteps(rules.maxAgeDays)]),
      }),
    ];
  }
  const fileName = typeof file.fileName === 'string' ? file.fileName : null;
  const wellFormed = file.xmlWellFormed ?? null;
  const written = parseInstant(file.lastWriteTime);
  const captured = parseInstant(ctx.profile.capturedAt);
  const version = installed ? dottedVersion(agent?.version) : null;
  const evidence = {
    [`${P}/fileName`]: fileName,
    [`${P}/lastWriteTime`]: file.lastWriteTime ?? null,
    [`${P}/xmlWellFormed`]: wellFormed,
    '/capturedAt': ctx.profile.capturedAt ?? null,
    '/agent/installed': agent?.installed ?? null,
    '/agent/version': agent?.version ?? null,
  };
  const base = { evidence, cite: rules };

  const problems: Msg[] = [];
  if (fileName !== null && !fileName.toLowerCase().endsWith(rules.extension.toLowerCase())) {
    problems.push(m('agent.vaultCredentials.problem.extension', { extension: rules.extension }));
  }
  if (wellFormed === false) problems.push(m('agent.vaultCredentials.problem.damaged'));
  // A file newer than capturedAt (another clock, a copy) counts as 0 days old.
  if (written && captured && moreThanSecondsApart(captured, written, rules.maxAgeDays * DAY)) {
    const days = Math.floor(secondsBetween(captured, written) / DAY);
    problems.push(m('agent.vaultCredentials.problem.tooOld', { days: String(days), maxDays: rules.maxAgeDays }));
  }
  if (problems.length > 0) {
    return [
      finding(ctx, 'agent.vault-credentials', {
        ...base,
        status: 'fail',
        title: m('agent.vaultCredentials.fail.title'),
        detail: m('agent.vaultCredentials.fail.detail', {
          hasName: fileName ? 'yes' : 'no',
          fileName: fileName ?? '',
          problems: list(problems),
        }),
        fix: fix('helpdesk', downloadSteps(rules.maxAgeDays)),
      }),
    ];
  }
  if (version && below(version, rules.agentMinimum)) {
    return [
      finding(ctx, 'agent.vault-credentials', {
        ...base,
        status: 'warn',
        title: m('agent.vaultCredentials.warn.title'),
        detail: m('agent.vaultCredentials.warn.detail', { version: String(agent!.version), minimum: rules.agentMinimum }),
        fix: fix('server admin', [...UPGRADE_AGENT_STEPS.slice(0, 2), m('agent.vaultCredentials.warn.fix')]),
      }),
    ];
  }
  const missing = [
    fileName === null ? m('agent.vaultCredentials.missing.fileName') : null,
    !written ? m('agent.vaultCredentials.missing.downloaded') : null,
    !captured ? m('agent.vaultCredentials.missing.capturedAt') : null,
    wellFormed === null ? m('agent.vaultCredentials.missing.intact') : null,
    installed && !version ? m('agent.vaultCredentials.missing.agentVersion') : null,
  ].filter((item) => item !== null);
  if (missing.length > 0) {
    return [
      finding(ctx, 'agent.vault-credentials', {
        ...base,
        status: 'unknown',
        title: m('agent.vaultCredentials.unknown.title'),
        detail: m('agent.vaultCredentials.unknown.detail', { missing: list(missing) }),
        fix: fix('helpdesk', [
          m('agent.vaultCredentials.unknown.fix', { command: 'collect --vault-credentials FILE' }),
          ...downloadSteps(rules.maxAgeDays),
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'agent.vault-credentials', {
      ...base,
      status: 'pass',
      title: m('agent.vaultCredentials.pass.title'),
      detail: m('agent.vaultCredentials.pass.detail', {
        fileName: String(fileName),
        maxDays: rules.maxAgeDays,
        installed: installed ? 'yes' : 'no',
        version: installed ? String(agent!.version) : '',
      }),
    }),
  ];
}
