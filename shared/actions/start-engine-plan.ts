// Planning the fix for a backup engine that is not running: start it, wait until it runs, and check that
// it stays running. Nothing else changes, so there is nothing to put back if it fails.

import type { MachineProfile } from '../profile/types.js';
import { ENGINE_SERVICE_NAME as SERVICE, type PlanResult } from './fix-plan.js';
import { engineProblems, preconditionsOf } from './relocate-plan.js';

export function planStartEngine(profile: MachineProfile): PlanResult {
  const agent = profile.agent;
  const { problems, cautions } = engineProblems(profile, null, 'no backup engine to start');
  if (agent?.installed === true && agent.serviceState === 'running') problems.push('The backup engine is already running.');
  if (agent?.installed === true && (agent.serviceState === 'starting' || agent.serviceState === 'stopping'))
    problems.push(`The backup engine is ${agent.serviceState} now: wait a minute, then check again.`);
  if (problems.length > 0) return { ok: false, problems };
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
          title: 'Start the backup engine',
          does: `Asks Windows to start "${SERVICE}" and waits up to a minute until it is running.`,
          undo: 'Nothing to undo: if it does not start, it stays stopped as it was.',
        },
        {
          id: 'reprobe',
          title: 'Check that it stays running',
          does: `Reads the state of "${SERVICE}" again a few seconds later.`,
          undo: 'Nothing to undo.',
        },
      ],
    },
  };
}
