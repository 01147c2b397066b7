// Whether the MARS agent runs a backup job now, from its CloudBackup event log (probes/windows/
// cloudbackup-log.ts): the newest job event - a start (1) or an end (3 completed, 10 with warnings, 11 with
// errors, 18 a scheduled backup that failed to start) - tells. A start with no end after it is a job
// running. The event ids are not documented by Microsoft (see docs/checks.md); a start older than a day
// with no end after it is not taken for a running job: it is said to be unknown.

import type { CommandRunner } from '../../probes/command-runner.js';
import type { BackupJobFacts } from '../../../shared/actions/fix-plan.js';
import {
  CLOUDBACKUP_CHANNELS,
  eventQueryArgs,
  eventsFromXml,
  readCloudBackupLog,
  wevtutilDescribeArgs,
  type EventQuery,
  type LogEvent,
} from '../../probes/windows/cloudbackup-log.js';
import type { LogWindow } from '../../probes/history/agent-logs.js';
import type { EventsRead } from '../../probes/history/probe-history.js';
import { t } from '../../../shared/i18n/translate.js';

export { CLOUDBACKUP_CHANNELS, wevtutilDescribeArgs };
export type JobEvent = LogEvent;

const START = 1;
/** A job an hour for the longest window anyone asks for is far below this; the newest are kept. */
const HISTORY_MAX_EVENTS = 5000;
const STALE_START_MS = 24 * 60 * 60 * 1000;
/** The newest job event of each log is all this needs. */
const NEWEST_JOB_EVENT: EventQuery = { ids: [1, 3, 10, 11, 18], count: 1 };

export function wevtutilArgs(channel: string): string[] {
  return eventQueryArgs(channel, NEWEST_JOB_EVENT);
}

/** The newest job event in wevtutil's XML (its first <Event>); null when there is none or it has no readable id. */
export function newestJobEvent(xml: string): JobEvent | null {
  return eventsFromXml(xml).events[0] ?? null;
}

export async function backupJobFromEventLog(run: CommandRunner, now: () => Date = () => new Date()): Promise<BackupJobFacts> {
  // A log that cannot be read may hold the start of a job running now: nothing can be said.
  const read = await readCloudBackupLog(run, NEWEST_JOB_EVENT);
  if (read.kind === 'unknown') return { running: null, why: read.why };
  // The agent writes its log once it is installed: with neither log there, or no job event in one that is,
  // no job of its can be running.
  if (read.present === 0 || read.events.length === 0) return { running: false };
  // The newest across both logs (an event without a time is judged by its id alone, last).
  const newest = read.events.reduce((a, b) => (timeOf(b) > timeOf(a) ? b : a));
  if (newest.id !== START) return { running: false };
  const started = timeOf(newest);
  if (!Number.isFinite(started)) return { running: null, why: t('machine.backupJob.undated') };
  if (now().getTime() - started > STALE_START_MS)
    return {
      running: null,
      why: t('machine.backupJob.stale', { started: new Date(started).toISOString() }),
    };
  return { running: true, since: new Date(started).toISOString() };
}

function timeOf(event: JobEvent): number {
  const time = event.time === null ? NaN : Date.parse(event.time);
  return Number.isNaN(time) ? -Infinity : time;
}

/** Events of both logs written within the window (measured back from now, which is about capturedAt). */
export async function agentEventsFromLog(
  run: CommandRunner,
  ids: readonly number[],
  window: LogWindow,
  now: () => Date = () => new Date(),
): Promise<EventsRead> {
  const withinMs = window.windowDays * 86_400_000 + Math.max(0, now().getTime() - window.capturedAt.getTime());
  const read = await readCloudBackupLog(run, { ids, count: HISTORY_MAX_EVENTS, withinMs });
  return read.kind === 'unknown' ? { why: read.why } : { events: read.events };
}
