// Whether the MARS agent runs a backup job now, from its CloudBackup event log: the newest job event -
// a start (1) or an end (3 completed, 10 with warnings, 11 with errors, 18 a scheduled backup that failed to
// start) - tells. A start with no end after it is a job running. The events are read as XML (their ids and
// times from their <System> part, never their localised messages) through wevtutil, whose exit code says
// why a log cannot be read. The event ids are not documented by Microsoft (see docs/checks.md); a start
// older than a day with no end after it is not taken for a running job: it is said to be unknown.
//
// An empty answer is trusted only from a log wevtutil can describe (`wevtutil gl <log> /f:xml` prints its
// <channel> element): a wevtutil that prints nothing for everything (Wine's is a stub that exits 0) must
// not pass for an agent that has never backed up.

import { outputText, type CommandRunner } from '../../probes/command-runner.js';
import type { BackupJobFacts } from '../../../shared/actions/fix-plan.js';

/** The two channel names public scripts read the agent's log from; the probe reads both, the newest event decides. */
export const CLOUDBACKUP_CHANNELS = ['CloudBackup', 'CloudBackup/Operational'] as const;
const JOB_EVENTS = [1, 3, 10, 11, 18];
const START = 1;
const STALE_START_MS = 24 * 60 * 60 * 1000;
const WEVTUTIL_TIMEOUT_MS = 15_000;
/** wevtutil's exit codes (Win32 errors): the channel does not exist here; the account may not read it. */
const ERROR_EVT_CHANNEL_NOT_FOUND = 15007;
const ERROR_ACCESS_DENIED = 5;

/** The query, one argument each (the XPath holds spaces: it must reach wevtutil whole, never through a shell). */
export function wevtutilArgs(channel: string): string[] {
  const query = `*[System[(${JOB_EVENTS.map((id) => `EventID=${id}`).join(' or ')})]]`;
  return ['qe', channel, `/q:${query}`, '/c:1', '/rd:true', '/f:xml'];
}

/** The log's own description, asked for only when the query found nothing: proof that the log is there and readable. */
export function wevtutilDescribeArgs(channel: string): string[] {
  return ['gl', channel, '/f:xml'];
}

export interface JobEvent {
  id: number;
  /** When it was written (its SystemTime, UTC), or null when the event carries none. */
  time: string | null;
}

/**
 * The newest job event in wevtutil's XML: the first <Event>'s id and time, both read inside its <System>
 * element (an <EventID> in its EventData or UserData, or in a message, is not the event's id); null when
 * there is no event.
 */
export function newestJobEvent(xml: string): JobEvent | null {
  const event = /<Event[\s>][\s\S]*?<\/Event>/.exec(xml)?.[0];
  if (!event) return null;
  const system = /<System>([\s\S]*?)<\/System>/.exec(event)?.[1];
  if (system === undefined) return null;
  const id = /<EventID(?:\s[^>]*)?>\s*(\d+)\s*<\/EventID>/.exec(system)?.[1];
  if (!id) return null;
  const time = /<TimeCreated\s+SystemTime\s*=\s*(['"])([^'"]+)\1/.exec(system)?.[2] ?? null;
  return { id: Number(id), time };
}

/** Whether `wevtutil gl` printed the named log's <channel> element (the XML's names, not its localised text). */
export function describesChannel(xml: string, channel: string): boolean {
  const name = /<channel\s[^>]*?\bname\s*=\s*(['"])([^'"]*)\1/.exec(xml)?.[2];
  return name !== undefined && name.toLowerCase() === channel.toLowerCase();
}

type ChannelRead = { kind: 'absent' } | { kind: 'events'; event: JobEvent | null } | { kind: 'unknown'; why: string };

async function readChannel(run: CommandRunner, channel: string): Promise<ChannelRead> {
  const result = await run('wevtutil.exe', wevtutilArgs(channel), { timeoutMs: WEVTUTIL_TIMEOUT_MS });
  if (result.missing) return { kind: 'unknown', why: 'wevtutil.exe, which reads the event log, is not on this machine' };
  if (result.failure) return { kind: 'unknown', why: `the ${channel} event log could not be read (${result.failure})` };
  if (result.exitCode === ERROR_EVT_CHANNEL_NOT_FOUND) return { kind: 'absent' };
  if (result.exitCode === ERROR_ACCESS_DENIED)
    return { kind: 'unknown', why: `the ${channel} event log is closed to this account: run the wizard as an administrator` };
  if (result.exitCode !== 0)
    return { kind: 'unknown', why: `the ${channel} event log could not be read (wevtutil exited with ${result.exitCode})` };
  const text = outputText(result.stdout);
  const event = newestJobEvent(text);
  if (event) return { kind: 'events', event };
  if (/<Event[\s>]/.test(text))
    return { kind: 'unknown', why: `wevtutil printed an event of the ${channel} log without a readable event id` };
  // Nothing found: believed only if the log is there to have nothing in it.
  const described = await run('wevtutil.exe', wevtutilDescribeArgs(channel), { timeoutMs: WEVTUTIL_TIMEOUT_MS });
  if (described.failure) return { kind: 'unknown', why: `the ${channel} event log could not be described (${described.failure})` };
  if (described.exitCode === ERROR_EVT_CHANNEL_NOT_FOUND) return { kind: 'absent' };
  if (described.exitCode === 0 && describesChannel(outputText(described.stdout), channel)) return { kind: 'events', event: null };
  return {
    kind: 'unknown',
    why: `wevtutil.exe answered nothing for the ${channel} event log and could not describe it (exit ${described.exitCode}${described.stdout.length === 0 ? ', printing nothing' : ''}), so an empty log cannot be told from a tool that does not read logs`,
  };
}

export async function backupJobFromEventLog(run: CommandRunner, now: () => Date = () => new Date()): Promise<BackupJobFacts> {
  const found: JobEvent[] = [];
  let present = 0;
  for (const channel of CLOUDBACKUP_CHANNELS) {
    const read = await readChannel(run, channel);
    // A log that cannot be read may hold the start of a job running now: nothing can be said.
    if (read.kind === 'unknown') return { running: null, why: read.why };
    if (read.kind === 'absent') continue;
    present++;
    if (read.event) found.push(read.event);
  }
  // The agent writes its log once it is installed: with neither log there, or no job event in one that is,
  // no job of its can be running.
  if (present === 0 || found.length === 0) return { running: false };
  // The newest across both logs (an event without a time is judged by its id alone, last).
  const newest = found.reduce((a, b) => (timeOf(b) > timeOf(a) ? b : a));
  if (newest.id !== START) return { running: false };
  const started = timeOf(newest);
  if (!Number.isFinite(started)) return { running: null, why: 'the newest backup start in the CloudBackup event log has no readable time' };
  if (now().getTime() - started > STALE_START_MS)
    return {
      running: null,
      why: `a backup started ${new Date(started).toISOString()}, over a day ago, and the CloudBackup event log shows no end to it`,
    };
  return { running: true, since: new Date(started).toISOString() };
}

function timeOf(event: JobEvent): number {
  const time = event.time === null ? NaN : Date.parse(event.time);
  return Number.isNaN(time) ? -Infinity : time;
}
