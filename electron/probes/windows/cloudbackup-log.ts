// The MARS agent's CloudBackup event log, read through wevtutil as XML: each event's id and time from its
// <System> element, never its localised message. wevtutil's exit code (a Win32 error) says why a log cannot
// be read. Two readers use it: whether a backup runs now (machine/windows/backup-job.ts) and the job history
// of the doctor (history.events). Public scripts read the log under two names; both are tried.
//
// An empty answer is trusted only from a log wevtutil can describe (`wevtutil gl <log> /f:xml` prints its
// <channel> element): a wevtutil that prints nothing for everything (Wine's is a stub that exits 0) must
// not pass for an agent that has never backed up.

import { outputText, type CommandRunner } from '../command-runner.js';
import { t } from '../../../shared/i18n/translate.js';

export const CLOUDBACKUP_CHANNELS = ['CloudBackup', 'CloudBackup/Operational'] as const;
const WEVTUTIL_TIMEOUT_MS = 15_000;
/** wevtutil's exit codes (Win32 errors): the channel does not exist here; the account may not read it. */
const ERROR_EVT_CHANNEL_NOT_FOUND = 15007;
const ERROR_ACCESS_DENIED = 5;

export interface LogEvent {
  id: number;
  /** When it was written (its SystemTime, UTC), or null when the event carries none. */
  time: string | null;
}

export interface EventQuery {
  ids: readonly number[];
  /** At most this many, newest first. */
  count: number;
  /** Only events written within this many milliseconds before now; absent: any age. */
  withinMs?: number;
}

/** The query, one argument each (the XPath holds spaces: it must reach wevtutil whole, never through a shell). */
export function eventQueryArgs(channel: string, query: EventQuery): string[] {
  const ids = `(${query.ids.map((id) => `EventID=${id}`).join(' or ')})`;
  const age = query.withinMs === undefined ? '' : ` and TimeCreated[timediff(@SystemTime) <= ${Math.round(query.withinMs)}]`;
  return ['qe', channel, `/q:*[System[${ids}${age}]]`, `/c:${query.count}`, '/rd:true', '/f:xml'];
}

/** The log's own description, asked for only when the query found nothing: proof that the log is there and readable. */
export function wevtutilDescribeArgs(channel: string): string[] {
  return ['gl', channel, '/f:xml'];
}

/** One <Event>'s id and time, both read inside its <System> element; null when it has no readable id. */
export function parseEvent(event: string): LogEvent | null {
  const system = /<System>([\s\S]*?)<\/System>/.exec(event)?.[1];
  if (system === undefined) return null;
  const id = /<EventID(?:\s[^>]*)?>\s*(\d+)\s*<\/EventID>/.exec(system)?.[1];
  if (!id) return null;
  const time = /<TimeCreated\s+SystemTime\s*=\s*(['"])([^'"]+)\1/.exec(system)?.[2] ?? null;
  return { id: Number(id), time };
}

/** Every <Event> of wevtutil's XML in order (an <EventID> in its EventData or UserData is not the event's id). */
export function eventsFromXml(xml: string): { events: LogEvent[]; unreadable: number } {
  const events: LogEvent[] = [];
  let unreadable = 0;
  for (const match of xml.matchAll(/<Event[\s>][\s\S]*?<\/Event>/g)) {
    const event = parseEvent(match[0]);
    if (event) events.push(event);
    else unreadable++;
  }
  return { events, unreadable };
}

/** Whether `wevtutil gl` printed the named log's <channel> element (the XML's names, not its localised text). */
export function describesChannel(xml: string, channel: string): boolean {
  const name = /<channel\s[^>]*?\bname\s*=\s*(['"])([^'"]*)\1/.exec(xml)?.[2];
  return name !== undefined && name.toLowerCase() === channel.toLowerCase();
}

export type ChannelRead = { kind: 'absent' } | { kind: 'events'; events: LogEvent[] } | { kind: 'unknown'; why: string };

export async function readChannel(run: CommandRunner, channel: string, query: EventQuery): Promise<ChannelRead> {
  const result = await run('wevtutil.exe', eventQueryArgs(channel, query), { timeoutMs: WEVTUTIL_TIMEOUT_MS });
  if (result.missing) return { kind: 'unknown', why: t('probes.eventLog.noWevtutil') };
  if (result.failure) return { kind: 'unknown', why: t('probes.eventLog.unreadable', { channel, reason: result.failure }) };
  if (result.exitCode === ERROR_EVT_CHANNEL_NOT_FOUND) return { kind: 'absent' };
  if (result.exitCode === ERROR_ACCESS_DENIED) return { kind: 'unknown', why: t('probes.eventLog.denied', { channel }) };
  if (result.exitCode !== 0) return { kind: 'unknown', why: t('probes.eventLog.exited', { channel, code: String(result.exitCode) }) };
  const { events, unreadable } = eventsFromXml(outputText(result.stdout));
  if (unreadable > 0 && events.length === 0) return { kind: 'unknown', why: t('probes.eventLog.noEventId', { channel }) };
  if (events.length > 0) return { kind: 'events', events };
  // Nothing found: believed only if the log is there to have nothing in it.
  const described = await run('wevtutil.exe', wevtutilDescribeArgs(channel), { timeoutMs: WEVTUTIL_TIMEOUT_MS });
  if (described.failure) return { kind: 'unknown', why: t('probes.eventLog.undescribed', { channel, reason: described.failure }) };
  if (described.exitCode === ERROR_EVT_CHANNEL_NOT_FOUND) return { kind: 'absent' };
  if (described.exitCode === 0 && describesChannel(outputText(described.stdout), channel)) return { kind: 'events', events: [] };
  return {
    kind: 'unknown',
    why: t('probes.eventLog.silent', { printed: described.stdout.length === 0 ? 'no' : 'yes', channel, code: String(described.exitCode) }),
  };
}

/**
 * Both channels' events; `present` counts the channels that exist. The first channel that cannot be read
 * makes the whole answer unknown: what it holds could change the answer.
 */
export async function readCloudBackupLog(
  run: CommandRunner,
  query: EventQuery,
): Promise<{ kind: 'events'; events: LogEvent[]; present: number } | { kind: 'unknown'; why: string }> {
  const events: LogEvent[] = [];
  let present = 0;
  for (const channel of CLOUDBACKUP_CHANNELS) {
    const read = await readChannel(run, channel, query);
    if (read.kind === 'unknown') return read;
    if (read.kind === 'absent') continue;
    present++;
    events.push(...read.events);
  }
  return { kind: 'events', events, present };
}
