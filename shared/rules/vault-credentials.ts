// agent.vault-credentials (contract v2, current only): the vault credentials file the user means to register
// the agent with. Azure refuses one with another extension, one that is not well-formed, or one downloaded
// more than 10 days before it is used; and agents below 2.0.9249.0 can fail to validate today's files.
// Section: the edition's `vaultCredentials` (troubleshooting article, "Invalid vault credentials provided").

import type { Finding } from '../report/types.js';
import { below, dottedVersion, UPGRADE_AGENT_STEPS } from './agent-version.js';
import type { RuleContext } from './context.js';
import { finding, fix, listInWords } from './finding.js';
import { moreThanSecondsApart, parseInstant, secondsBetween } from './timestamps.js';

const P = '/vaultCredentials';
const DAY = 86_400;

const downloadSteps = (maxAgeDays: number) => [
  'In the Azure portal, open the Recovery Services vault, go to Properties > Backup Credentials, and download a new vault credentials file.',
  `Register within ${maxAgeDays} days of the download, with that file as it was saved (its name ends in .VaultCredentials). Only the file downloaded last is valid.`,
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
        title: 'The vault credentials file could not be read',
        detail: 'A vault credentials file was named, but it could not be opened, so whether Azure will accept it is not known.',
        fix: fix('helpdesk', [
          'Check that the file is where it was said to be and that this account may read it, then name it again.',
          ...downloadSteps(rules.maxAgeDays),
        ]),
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

  const problems: string[] = [];
  if (fileName !== null && !fileName.toLowerCase().endsWith(rules.extension.toLowerCase())) {
    problems.push(`its name does not end in ${rules.extension} (Azure refuses any other extension)`);
  }
  if (wellFormed === false) problems.push('its content is damaged (it is not a well-formed XML file)');
  // A file newer than capturedAt (another clock, a copy) counts as 0 days old.
  if (written && captured && moreThanSecondsApart(captured, written, rules.maxAgeDays * DAY)) {
    const days = Math.floor(secondsBetween(captured, written) / DAY);
    problems.push(
      `it was downloaded ${days} days before this machine was examined, and Azure accepts a file for ${rules.maxAgeDays} days only`,
    );
  }
  if (problems.length > 0) {
    return [
      finding(ctx, 'agent.vault-credentials', {
        ...base,
        status: 'fail',
        title: 'Azure will refuse this vault credentials file',
        detail: `Registering the agent with ${fileName ? `"${fileName}"` : 'this vault credentials file'} will fail: ${listInWords(problems)}.`,
        fix: fix('helpdesk', downloadSteps(rules.maxAgeDays)),
      }),
    ];
  }
  if (version && below(version, rules.agentMinimum)) {
    return [
      finding(ctx, 'agent.vault-credentials', {
        ...base,
        status: 'warn',
        title: 'The agent is too old for this vault credentials file',
        detail: `The file looks valid, but the installed agent (${agent!.version}) is older than ${rules.agentMinimum}, and such agents can fail to validate the vault credentials files Azure issues today.`,
        fix: fix('server admin', [...UPGRADE_AGENT_STEPS.slice(0, 2), 'Then register with the vault credentials file.']),
      }),
    ];
  }
  const missing = [
    fileName === null ? "the file's name" : null,
    !written ? 'when the file was downloaded' : null,
    !captured ? 'when the profile was collected (capturedAt)' : null,
    wellFormed === null ? 'whether its content is intact' : null,
    installed && !version ? "the installed agent's version" : null,
  ].filter((item): item is string => item !== null);
  if (missing.length > 0) {
    return [
      finding(ctx, 'agent.vault-credentials', {
        ...base,
        status: 'unknown',
        title: 'Whether Azure will accept this vault credentials file is not known',
        detail: `Nothing seen so far rules the file out, but ${listInWords(missing)} could not be read, so whether Azure will accept it is not known.`,
        fix: fix('helpdesk', [
          'Name the file again in the wizard on this machine, or collect the profile with "collect --vault-credentials FILE".',
          ...downloadSteps(rules.maxAgeDays),
        ]),
      }),
    ];
  }
  return [
    finding(ctx, 'agent.vault-credentials', {
      ...base,
      status: 'pass',
      title: 'The vault credentials file looks valid',
      detail: `"${fileName}" has the right extension, its content is intact, and it is within the ${rules.maxAgeDays} days Azure accepts it for${installed ? `; the installed agent (${agent!.version}) can use it` : ''}.`,
    }),
  ];
}
