// The profile's history section (contract v2): the agent's job events of the window (its CloudBackup
// event log, which each machine reads its own way: wevtutil on Windows, a file in a sandbox) and the error
// codes of its own logs in <InstallPath>\Temp (agent-logs.ts). Read only when the agent is installed.

import type { HistoryEvent, HistoryFacts } from '../../../shared/profile/types.js';
import type { LogEvent } from '../windows/cloudbackup-log.js';
import type { ProbeNotes } from '../notes.js';
import { agentLogCodes, type LogWindow } from './agent-logs.js';
import { compareInstants, parseInstant } from '../../../shared/rules/timestamps.js';
import { t } from '../../../shared/i18n/translate.js';

/** The events history.events keeps: job starts and ends, the upgrade and storage-quota notices. */
export const HISTORY_EVENT_IDS = [1, 3, 10, 11, 14, 16, 18] as const;
export const DEFAULT_HISTORY_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export type EventsRead = { events: LogEvent[] } | { why: string };

export interface HistorySource {
  /** The CloudBackup log's events with these ids written within the window (the newest first or in any order). */
  agentEvents(ids: readonly number[], window: LogWindow): Promise<EventsRead>;
  /** The agent's Temp folder as a path this process can open; null when the install path is not known. */
  tempFolder: string | null;
  /** When a log file was last written, where the machine says so itself (a sandbox); absent: its own time. */
  writtenAt?: (localPath: string) => Promise<number | null>;
}

/** Events kept: the ids asked for, with a readable time inside the window, oldest first, each once. */
export function historyEvents(events: readonly LogEvent[], window: LogWindow): { kept: HistoryEvent[]; undated: number } {
  const end = window.capturedAt.getTime() / 1000;
  const start = end - (window.windowDays * DAY_MS) / 1000;
  const seen = new Set<string>();
  const kept: HistoryEvent[] = [];
  let undated = 0;
  for (const event of events) {
    if (!(HISTORY_EVENT_IDS as readonly number[]).includes(event.id)) continue;
    // The profile's own reading of a date-time: the schema's format, exact to the last digit of a fraction.
    const at = parseInstant(event.time);
    if (!at) {
      undated++;
      continue;
    }
    // A little slack at the end: the log's clock and capturedAt are read a moment apart.
    if (at.seconds < start || at.seconds > end + 60) continue;
    // The time as Windows wrote it (to 100 ns): two jobs a fraction of a millisecond apart stay in order.
    const key = `${event.id}@${event.time}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ id: event.id, time: event.time! });
  }
  kept.sort((a, b) => compareInstants(parseInstant(a.time)!, parseInstant(b.time)!));
  return { kept, undated };
}

export async function probeHistory(source: HistorySource, window: LogWindow, notes: ProbeNotes): Promise<HistoryFacts> {
  const [read, errorCodes] = await Promise.all([
    source.agentEvents(HISTORY_EVENT_IDS, window),
    source.tempFolder === null
      ? Promise.resolve(null)
      : agentLogCodes(source.tempFolder, window, notes, ...(source.writtenAt ? [source.writtenAt] : [])).catch((error: Error) => {
          notes.add('/history/errorCodes', t('probes.history.logsUnreadable', { reason: error.message }));
          return null;
        }),
  ]);
  if (source.tempFolder === null) notes.add('/history/errorCodes', t('probes.history.installFolderUnknown'));
  let events: HistoryEvent[] | null = null;
  if ('why' in read) notes.add('/history/events', read.why);
  else {
    const { kept, undated } = historyEvents(read.events, window);
    // An event with no time could be the latest job: which job was last cannot be told then.
    if (undated > 0) notes.add('/history/events', t('probes.history.undated', { count: undated }));
    else events = kept;
  }
  return { windowDays: window.windowDays, events, errorCodes };
}
