// Writes events to this machine's Application log with Windows' own eventcreate.exe (in System32 on every
// Windows since XP): an argument array, never a shell string, with a timeout per event. eventcreate writes
// only under a source it created itself or one marked CustomSource, which is how the MSI registers ours
// (build/msi/mars-readiness.wxs); without the MSI, the first run as an administrator creates the source.
// What went wrong is told by eventcreate's exit status, never by its (localised) words.

import { join } from 'node:path';
import { runCommand, type CommandRunner } from '../probes/command-runner.js';
import { EVENT_SOURCE, type LogEvent } from '../../shared/report/event-log.js';
import { t } from '../../shared/i18n/translate.js';

export const EVENT_TIMEOUT_MS = 15_000;

export interface EventLogOutcome {
  written: number;
  /** Why the rest were not written, in words; null when every event was. */
  problem: string | null;
}

/** eventcreate.exe by its full path under SystemRoot: a program of that name elsewhere on the PATH is never run. */
export function eventcreatePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows', 'System32', 'eventcreate.exe').replaceAll('/', '\\');
}

/** The events in order; the first that fails stops the rest (they would fail the same way). */
export async function writeEvents(
  events: readonly LogEvent[],
  run: CommandRunner = runCommand,
  program: string = eventcreatePath(),
): Promise<EventLogOutcome> {
  let written = 0;
  for (const event of events) {
    const args = ['/L', 'APPLICATION', '/SO', EVENT_SOURCE, '/T', event.type, '/ID', String(event.id), '/D', event.description];
    const result = await run(program, args, { timeoutMs: EVENT_TIMEOUT_MS });
    if (result.exitCode === 0) {
      written++;
      continue;
    }
    const left = events.length - written;
    const why = result.missing
      ? t('machine.eventLog.missing', { program })
      : result.timedOut
        ? t('machine.eventLog.timedOut', { seconds: String(EVENT_TIMEOUT_MS / 1000) })
        : result.exitCode === null
          ? (result.failure ?? t('machine.eventLog.couldNotStart'))
          : t('machine.eventLog.refused', { code: String(result.exitCode), source: EVENT_SOURCE });
    return { written, problem: t('machine.eventLog.notWritten', { count: left, reason: why }) };
  }
  return { written, problem: null };
}
