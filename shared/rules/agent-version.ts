// agent.version (contract v2): whether the installed MARS agent is recent enough. Below 2.0.9083.0 every
// backup fails (those agents depend on a service Azure retired on 2018-03-19); current only, below
// 2.0.9249.0 registering with today's vault credentials can fail. The newest version the current matrix
// lists is shown as a reference: the latest agent is published as a download, never as a number.

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

export const UPGRADE_AGENT_STEPS = [
  'Download the latest MARS agent installer (https://aka.ms/azurebackup_agent, or from the Recovery Services vault in the Azure portal).',
  'Run it on this machine as an administrator: it upgrades the agent in place and keeps its registration, cache folder and backup schedule.',
  'Check again.',
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
        title: "The agent's version is not known",
        detail:
          text == null
            ? 'The MARS agent is installed, but its version could not be read.'
            : `The MARS agent is installed, but its version reads "${text}", which is not a version number.`,
        fix: fix('helpdesk', [
          'In the agent\'s console (Microsoft Azure Backup), choose "About Microsoft Azure Recovery Services Agent" in the Actions pane and read the version.',
          'Or look at the file version of cbengine.exe in the bin folder of the agent (Properties > Details).',
        ]),
      }),
    ];
  }
  if (below(version, rules.minimum)) {
    return [
      finding(ctx, 'agent.version', {
        evidence,
        cite: rules,
        status: 'fail',
        title: 'The agent is too old to back up',
        detail: `This machine has MARS agent ${text}. Every version below ${rules.minimum} has failed all its backups since March 2018, because it relies on a service Azure has retired. The agent must be upgraded.`,
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
        title: 'The agent may fail to register with the vault',
        detail: `This machine has MARS agent ${text}. Versions below ${registration.agentMinimum} can reject the vault credentials files Azure issues today, so registering (or registering again) with a vault can fail. Backups of an agent that is already registered still run.`,
        fix: fix('server admin', UPGRADE_AGENT_STEPS),
      }),
    ];
  }
  return [
    finding(ctx, 'agent.version', {
      evidence,
      cite: rules,
      status: 'info',
      title: `The agent is version ${text}`,
      detail: `This machine has MARS agent ${text}. For comparison, the newest version the current support matrix lists is ${rules.newestListed}; Microsoft publishes the latest one as a download only, so a newer one may exist.`,
    }),
  ];
}
