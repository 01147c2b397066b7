// Whether the MARS agent runs a backup job now, from its CloudBackup event log: the newest job event -
// a start (1) or an end (3 completed, 10 with warnings, 11 with errors, 18 a scheduled backup that failed to
// start) - tells. A start with no end after it is a job running. The events are read as XML (their ids and
// times, never their localised messages) through wevtutil, whose exit code says why a log cannot be read.
// The event ids are not documented by Microsoft (see docs/checks.md); a start older than a day with no end
// after it is not taken for a running job: it is said to be unknown.

import { outputText, type CommandRunner } from '../../probes/command-runner.js';
import type { BackupJobFacts } from '../../../shared/actions/fix-plan.js';

/** The two channel names public scripts read the agent's log from; the probe tries both. */
export const CLOUDBACKUP_CHANNELS = ['CloudBackup', 'CloudBackup/Operational'] as const;
const JOB_EVENTS = [1, 3, 10, 11, 18];
const START = 1;
const STALE_START_MS = 24 * 60 * 60 * 1000;
/** wevtutil's exit codes: the channel does not exist here; the account may not read it. */
const ERROR_EVT_CHANNEL_NOT_FOUND = 15007;
const ERROR_ACCESS_DENIED = 5;

export function wevtutilArgs(channel: string): string[] {
  const query = `*[System[(${JOB_EVENTS.map((id) => `EventID=${id}`).join(' or ')})]]`;
  return ['qe', channel, `/q:${query}`, '/c:1', '/rd:true', '/f:xml'];
}

/** The newest job event in wevtutil's XML: its id and when it was written; null when there is none. */
export function newestJobEvent(xml: string): { id: number; time: string | null } | null {
  const event = /<Event[\s>][\s\S]*?<\/Event>/.exec(xml)?.[0];
  if (!event) return null;
  const id = /<EventID(?:\s[^>]*)?>(\d+)<\/EventID>/.exec(event)?.[1];
  if (!id) return null;
  const time = /<TimeCreated\s+SystemTime=['"]([^'"]+)['"]/.exec(event)?.[1] ?? null;
  return { id: Number(id), time };
}

export async function backupJobFromEventLog(run: CommandRunner, now: () => Date = () => new Date()): Promise<BackupJobFacts> {
  const reasons: string[] = [];
  for (const channel of CLOUDBACKUP_CHANNELS) {
    const result = await run('wevtutil.exe', wevtutilArgs(channel), { timeoutMs: 15_000 });
    if (result.missing) return { running: null, why: 'wevtutil.exe, which reads the event log, is not on this machine' };
    if (result.failure) return { running: null, why: `the CloudBackup event log could not be read (${result.failure})` };
    if (result.exitCode === ERROR_EVT_CHANNEL_NOT_FOUND) {
      reasons.push(`no ${channel} log`);
      continue;
    }
    if (result.exitCode === ERROR_ACCESS_DENIED)
      return { running: null, why: 'the CloudBackup event log is closed to this account: run the wizard as an administrator' };
    if (result.exitCode !== 0)
      return { running: null, why: `the CloudBackup event log could not be read (wevtutil exited with ${result.exitCode})` };
    const event = newestJobEvent(outputText(result.stdout));
    if (!event || event.id !== START) return { running: false };
    const started = event.time ? Date.parse(event.time) : NaN;
    if (Number.isNaN(started)) return { running: null, why: 'the newest backup start in the CloudBackup event log has no readable time' };
    if (now().getTime() - started > STALE_START_MS)
      return {
        running: null,
        why: `a backup started ${new Date(started).toISOString()} and the CloudBackup event log shows no end to it`,
      };
    return { running: true, since: new Date(started).toISOString() };
  }
  // The agent writes its log once it is installed; without one, no job of its can be running.
  return reasons.length === CLOUDBACKUP_CHANNELS.length ? { running: false } : { running: null, why: reasons.join('; ') };
}
