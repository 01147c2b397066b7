// `check --event-log` and `doctor --event-log`: the report's blockers and warnings written to this
// machine's Application log as well (shared/report/event-log.ts says which events, with which ids). Only
// of this machine, probed just now: a profile from elsewhere, or a sandbox, would put another machine's
// problems into this one's log. Writing is tried after the report is printed; when it fails, one sentence
// says so on stderr (none in the fleet formats that promise an empty stderr) and the exit status is the
// report's, so that a fleet script does not read a locked-down log as "not ready".

import type { Command } from 'commander';
import type { Report } from '../../shared/report/types.js';
import { t } from '../../shared/i18n/translate.js';

export interface EventLogFlags {
  eventLog?: boolean;
  profile?: string;
  sandbox?: string;
}

export function addEventLogOption(command: Command): Command {
  return command.option('--event-log', t('cli.eventLog.option'));
}

/** Why --event-log cannot be used as asked, or null when it can. Checked before anything is probed. */
export function eventLogRefusal(flags: EventLogFlags, platform: NodeJS.Platform = process.platform): string | null {
  if (!flags.eventLog) return null;
  if (flags.profile) return t('cli.eventLog.withProfile');
  if (flags.sandbox) return t('cli.eventLog.withSandbox');
  if (platform !== 'win32') return t('cli.eventLog.notWindows');
  return null;
}

/** Writes the events; returns the sentence to tell when some were not written, else null. */
export async function logEvents(report: Report): Promise<string | null> {
  const [{ eventsOf }, { writeEvents }] = await Promise.all([
    import('../../shared/report/event-log.js'),
    import('../services/event-log.js'),
  ]);
  const outcome = await writeEvents(eventsOf(report));
  return outcome.problem;
}
