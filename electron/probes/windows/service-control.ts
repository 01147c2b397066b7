// Service state with sc.exe. Its labels are localised on some systems, but the state number and the
// state name after it are not, so the parser reads those.

import type { ServiceState } from '../../../shared/profile/types.js';
import { outputText, type CommandRunner } from '../command-runner.js';
import { t } from '../../../shared/i18n/translate.js';

const STATES: Record<string, ServiceState> = { '1': 'stopped', '2': 'starting', '3': 'stopping', '4': 'running' };
/** sc.exe's exit code for "The specified service does not exist as an installed service." */
export const ERROR_SERVICE_DOES_NOT_EXIST = 1060;

export interface ServiceQuery {
  state: ServiceState;
  /** Why the state is unknown, in words; null when it is known. */
  reason: string | null;
}

export function parseScQuery(text: string): { number: string; name: string } | null {
  const match = /:\s*([1-7])\s+(STOPPED|START_PENDING|STOP_PENDING|RUNNING|CONTINUE_PENDING|PAUSE_PENDING|PAUSED)\b/.exec(text);
  return match ? { number: match[1]!, name: match[2]! } : null;
}

export async function queryService(run: CommandRunner, name: string): Promise<ServiceQuery> {
  const result = await run('sc', ['query', name], { timeoutMs: 5000 });
  if (result.failure) return { state: 'unknown', reason: result.failure };
  if (result.exitCode === ERROR_SERVICE_DOES_NOT_EXIST) return { state: 'not-installed', reason: null };
  const text = outputText(result.stdout);
  const parsed = result.exitCode === 0 ? parseScQuery(text) : null;
  if (!parsed)
    return {
      state: 'unknown',
      reason: t('probes.service.noState', {
        printed: text.trim() ? 'yes' : 'no',
        name,
        code: String(result.exitCode),
        last: text.trim().split('\n').pop()!.trim(),
      }),
    };
  const state = STATES[parsed.number];
  return state ? { state, reason: null } : { state: 'unknown', reason: t('probes.service.notSteady', { state: parsed.name }) };
}
