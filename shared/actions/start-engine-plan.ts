// Planning the fix for a backup engine that is not running: start it, wait until it runs, and check that
// it stays running. Nothing else changes, so there is nothing to put back if it fails.

import type { MachineProfile } from '../profile/types.js';
import { ENGINE_SERVICE_NAME as SERVICE, refusal, type PlanResult } from './fix-plan.js';
import { engineProblems, preconditionsOf } from './relocate-plan.js';
import { t } from '../i18n/translate.js';

export function planStartEngine(profile: MachineProfile): PlanResult {
  const agent = profile.agent;
  const { problems, cautions } = engineProblems(profile, null, 'start');
  const running = agent?.installed === true && agent.serviceState === 'running' ? t('plans.startEngine.alreadyRunning') : null;
  if (running) problems.push(running);
  if (agent?.installed === true && (agent.serviceState === 'starting' || agent.serviceState === 'stopping'))
    problems.push(t('plans.startEngine.changing', { state: agent.serviceState }));
  if (problems.length > 0) return refusal(problems, running);
  const previous = { scratchLocation: agent?.scratchLocation ?? null, providerScratchLocation: agent?.providerScratchLocation ?? null };
  return {
    ok: true,
    plan: {
      action: 'start-engine',
      host: profile.host?.name ?? null,
      from: null,
      to: null,
      previous,
      neededBytes: 0,
      registry: [],
      selectedPaths: [],
      figures: { cacheBytes: null, cacheFiles: null, targetVolume: null, estimate: null },
      preconditions: preconditionsOf('start-engine'),
      cautions,
      steps: [
        {
          id: 'start-service',
          title: t('plans.step.startEngine'),
          does: t('plans.startEngine.start.does', { service: SERVICE }),
          undo: t('plans.startEngine.start.undo'),
        },
        {
          id: 'reprobe',
          title: t('plans.startEngine.reprobe.title'),
          does: t('plans.startEngine.reprobe.does', { service: SERVICE }),
          undo: t('plans.step.nothingToUndo'),
        },
      ],
    },
  };
}
