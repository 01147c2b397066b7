// agent.* checks: is the MARS agent installed, and is its backup engine (the obengine service) running.

import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

const ROLES = {
  direct: 'backs this machine up directly',
  mabs: 'runs on an Azure Backup Server (MABS)',
  dpm: 'runs on a System Center DPM server',
};

export function agentInstall(ctx: RuleContext): Finding[] {
  const agent = ctx.profile.agent;
  const role = ctx.profile.host?.role;
  const evidence = {
    '/agent/installed': agent?.installed,
    '/agent/version': agent?.version,
    '/agent/installPath': agent?.installPath,
    '/host/role': role,
  };
  const roleText = role ? ` It ${ROLES[role]}.` : '';
  const [title, detail] =
    agent === undefined
      ? ['The agent was not looked for', 'The profile does not say whether the MARS agent is installed.']
      : agent.installed === true
        ? [
            `The MARS agent ${agent.version ? `${agent.version} ` : ''}is installed`,
            `The MARS agent${agent.version ? `, version ${agent.version},` : ''} is installed${agent.installPath ? ` in ${agent.installPath}` : ''}.${roleText}`,
          ]
        : agent.installed === false
          ? [
              'The MARS agent is not installed yet',
              `The MARS agent is not installed. These checks tell whether this machine is ready for it; its installer sets up the cache folder and the service.${roleText}`,
            ]
          : ['Could not tell whether the agent is installed', `Whether the MARS agent is installed could not be read.${roleText}`];
  return [finding(ctx, 'agent.install', { status: 'info', title, detail, evidence, cite: ctx.edition.agent })];
}

export function agentService(ctx: RuleContext): Finding[] {
  const agent = ctx.profile.agent;
  if (agent?.installed !== true) return [];
  const state = agent.serviceState;
  const base = { evidence: { '/agent/serviceState': state }, cite: ctx.edition.agent };
  if (state === 'running') {
    return [
      finding(ctx, 'agent.service', {
        ...base,
        status: 'pass',
        title: 'The backup engine is running',
        detail: 'The agent\'s backup engine (the "obengine" service) is running.',
      }),
    ];
  }
  if (state === undefined || state === 'unknown') {
    return [
      finding(ctx, 'agent.service', {
        ...base,
        status: 'unknown',
        title: "The backup engine's state is not known",
        detail:
          'The state of the agent\'s backup engine (the "obengine" service, shown as "Microsoft Azure Recovery Services Agent") could not be read.',
        fix: fix('helpdesk', ['Open services.msc and look for "Microsoft Azure Recovery Services Agent", or run: sc query obengine']),
      }),
    ];
  }
  // A fix of ours stopped the engine and was interrupted: finishing or undoing it starts the engine again.
  if (ctx.interruptedFix && state === 'stopped') {
    return [
      finding(ctx, 'agent.service', {
        ...base,
        status: 'warn',
        title: 'The backup engine is stopped by an interrupted fix',
        detail:
          'The agent\'s backup engine (the "obengine" service) is stopped because a fix of this tool was interrupted. Finishing or undoing that fix starts the engine again.',
        fix: fix('server admin', ['Finish or undo the interrupted fix first: see the finding "An interrupted fix waits".']),
      }),
    ];
  }
  const words = {
    stopped: 'stopped',
    starting: 'still starting',
    stopping: 'stopping',
    'not-installed': 'missing: the agent is installed but its service is not',
  };
  return [
    finding(ctx, 'agent.service', {
      ...base,
      status: 'warn',
      title: `The backup engine is ${state === 'not-installed' ? 'missing' : words[state]}`,
      detail: `The agent's backup engine (the "obengine" service) is ${words[state]}. Scheduled backups do not run while it is not running.`,
      fix: fix(
        'server admin',
        state === 'not-installed'
          ? ['Repair or reinstall the MARS agent (keep the same cache folder and passphrase).', 'Check again.']
          : [
              'Start the service: in an administrator prompt run "net start obengine", or start "Microsoft Azure Recovery Services Agent" in services.msc.',
              "If it stops again, read the agent's event log (Applications and Services Logs > CloudBackup).",
            ],
        // A stopped engine the wizard can start; one starting or stopping is waited for, a missing one repaired.
        state === 'stopped' ? 'start-engine' : null,
      ),
    }),
  ];
}

/** agent.interrupted-fix: a fix of this tool was interrupted on this machine (live checks only). */
export function agentInterruptedFix(ctx: RuleContext): Finding[] {
  if (!ctx.interruptedFix) return [];
  return [
    finding(ctx, 'agent.interrupted-fix', {
      evidence: {},
      cite: ctx.edition.agent,
      status: 'fail',
      title: 'An interrupted fix waits',
      detail: ctx.interruptedFix,
      fix: fix('server admin', [
        'Open the wizard on this machine: its first page says what was interrupted and offers to finish or undo it. Or run "mars-readiness fix resume" in an administrator prompt.',
        'Check again afterwards.',
      ]),
    }),
  ];
}
