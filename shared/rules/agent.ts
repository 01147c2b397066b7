// agent.* checks: is the MARS agent installed, and is its backup engine (the obengine service) running.

import { m } from '../i18n/message.js';
import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

export function agentInstall(ctx: RuleContext): Finding[] {
  const agent = ctx.profile.agent;
  const role = ctx.profile.host?.role;
  const evidence = {
    '/agent/installed': agent?.installed,
    '/agent/version': agent?.version,
    '/agent/installPath': agent?.installPath,
    '/host/role': role,
  };
  // What the machine is (backs itself up, a MABS or a DPM server), said after the sentence; nothing when not known.
  const roleWords = m('agent.install.role', { role: role ?? 'none' });
  const version = agent?.version ?? '';
  const [title, detail] =
    agent === undefined
      ? [m('agent.install.notLookedFor.title'), m('agent.install.notLookedFor.detail')]
      : agent.installed === true
        ? [
            m('agent.install.installed.title', { hasVersion: version ? 'yes' : 'no', version }),
            m('agent.install.installed.detail', {
              hasVersion: version ? 'yes' : 'no',
              version,
              hasPath: agent.installPath ? 'yes' : 'no',
              path: agent.installPath ?? '',
              role: roleWords,
            }),
          ]
        : agent.installed === false
          ? [m('agent.install.notInstalled.title'), m('agent.install.notInstalled.detail', { role: roleWords })]
          : [m('agent.install.unreadable.title'), m('agent.install.unreadable.detail', { role: roleWords })];
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
        title: m('agent.service.running.title'),
        detail: m('agent.service.running.detail'),
      }),
    ];
  }
  if (state === undefined || state === 'unknown') {
    return [
      finding(ctx, 'agent.service', {
        ...base,
        status: 'unknown',
        title: m('agent.service.unknown.title'),
        detail: m('agent.service.unknown.detail'),
        fix: fix('helpdesk', [m('agent.service.unknown.fix')]),
      }),
    ];
  }
  // A fix of ours stopped the engine and was interrupted: finishing or undoing it starts the engine again.
  if (ctx.interruptedFix && state === 'stopped') {
    return [
      finding(ctx, 'agent.service', {
        ...base,
        status: 'warn',
        title: m('agent.service.interrupted.title'),
        detail: m('agent.service.interrupted.detail'),
        fix: fix('server admin', [m('agent.service.interrupted.fix', { finding: m('agent.interruptedFix.title') })]),
      }),
    ];
  }
  const words = state === 'not-installed' ? 'missing' : state;
  return [
    finding(ctx, 'agent.service', {
      ...base,
      status: 'warn',
      title: m('agent.service.notRunning.title', { state: words }),
      detail: m('agent.service.notRunning.detail', { state: words }),
      fix: fix(
        'server admin',
        state === 'not-installed'
          ? [m('agent.service.notRunning.fix.repair'), m('agent.fix.checkAgain')]
          : [m('agent.service.notRunning.fix.start'), m('agent.service.notRunning.fix.eventLog')],
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
      title: m('agent.interruptedFix.title'),
      // What was interrupted, as the journal describes it.
      detail: m('agent.interruptedFix.detail', { description: ctx.interruptedFix }),
      fix: fix('server admin', [m('agent.interruptedFix.fix.wizard'), m('agent.interruptedFix.fix.checkAgain')]),
    }),
  ];
}
