// The error codes the MARS agent's own logs hold for the history window (profile history.errorCodes):
// the engine's error log <InstallPath>\Temp\CBEngineCurr.errlog (its FATAL lines whose date lies in the
// window) and every LastBackupFailedFiles*.txt in that Temp folder written within the window (every line).
// Neither format is documented: the error log is tab-separated with a severity field (FATAL, WARNING) and
// the date as MM/dd at index 2, as the public CSS log parser reads it. Only codes are taken - a token of the
// error-code table, or an HRESULT failure code - never a path, a file name or a message. Plain file reads,
// so the same code reads a Windows machine and a sandbox's folder.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryErrorCode } from '../../../shared/profile/types.js';
import { errorCodeKey, knownErrorCode } from '../../../shared/rules/error-codes.js';
import type { ProbeNotes } from '../notes.js';
import { readRegularFile } from '../../util/read-regular-file.js';
import { outputText } from '../command-runner.js';
import { t } from '../../../shared/i18n/translate.js';

export const ERRLOG_NAME = 'CBEngineCurr.errlog';
const FAILED_FILES = /^LastBackupFailedFiles.*\.txt$/i;
const DAY_MS = 24 * 60 * 60 * 1000;
/** An HRESULT that reports a failure: 0x and eight hex digits, the severity bit set. */
const HRESULT_FAILURE = /^0x[89A-Fa-f][0-9A-Fa-f]{7}$/;
/** What the schema lets a code be. */
const CODE_SHAPE = /^(0x[0-9A-Fa-f]{5,8}|[A-Za-z][A-Za-z0-9]{2,79})$/;
/** Logs are read whole; one larger than this is read from its end, where the newest lines are. */
const MAX_LOG_BYTES = 64 * 1024 * 1024;

export interface LogWindow {
  capturedAt: Date;
  windowDays: number;
}

/** The codes in one line: each token (a run of letters and digits) that the table knows or that is an HRESULT failure. */
export function codesInLine(line: string): string[] {
  const codes: string[] = [];
  for (const [token] of line.matchAll(/[A-Za-z0-9]+/g)) {
    if (!CODE_SHAPE.test(token)) continue;
    if (HRESULT_FAILURE.test(token) || knownErrorCode(token)) codes.push(token);
  }
  return codes;
}

/**
 * The day a MM/dd field names: in the year of capturedAt, or the year before when that day lies after
 * capturedAt (a log that spans New Year). null when the field is not a calendar day.
 */
export function errlogDay(field: string, capturedAt: Date): number | null {
  const match = /^(\d{2})\/(\d{2})$/.exec(field.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const at = (year: number) => {
    const time = Date.UTC(year, month - 1, day);
    const date = new Date(time);
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
  };
  const year = capturedAt.getUTCFullYear();
  const thisYear = at(year);
  if (thisYear === null) return at(year - 1);
  return thisYear > capturedAt.getTime() ? at(year - 1) : thisYear;
}

/** Whether a day (its UTC midnight) overlaps the window that ends at capturedAt. */
function dayInWindow(dayStart: number, window: LogWindow): boolean {
  const end = window.capturedAt.getTime();
  const start = end - window.windowDays * DAY_MS;
  return dayStart <= end && dayStart + DAY_MS > start;
}

/** The codes of the error log's FATAL lines dated within the window. */
export function errlogCodes(text: string, window: LogWindow): string[] {
  const codes: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.split('\t');
    if (!fields.some((field) => field.trim() === 'FATAL')) continue;
    const day = errlogDay(fields[2] ?? '', window.capturedAt);
    if (day === null || !dayInWindow(day, window)) continue;
    codes.push(...codesInLine(line));
  }
  return codes;
}

/** Counts codes by their shared form (0x0001FC07 = 0x1FC07), each under its first spelling, in order of first sight. */
export function tally(codes: readonly string[], source: HistoryErrorCode['source']): HistoryErrorCode[] {
  const byKey = new Map<string, HistoryErrorCode>();
  for (const code of codes) {
    const key = errorCodeKey(code);
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { code, source, count: 1 });
  }
  return [...byKey.values()];
}

/** When a file was last written (its own time), or null when it is not a file. */
export async function lastWritten(path: string): Promise<number | null> {
  return stat(path).then(
    (info) => (info.isFile() ? info.mtimeMs : null),
    () => null,
  );
}

type Read = { kind: 'text'; text: string } | { kind: 'absent' } | { kind: 'unreadable'; why: string };

async function readLog(path: string): Promise<Read> {
  try {
    const bytes = await readRegularFile(path, { maxBytes: MAX_LOG_BYTES, tail: true });
    return bytes === undefined ? { kind: 'absent' } : { kind: 'text', text: outputText(bytes) };
  } catch (error) {
    return { kind: 'unreadable', why: (error as Error).message };
  }
}

/**
 * history.errorCodes from the agent's Temp folder (a path this process can open). [] when the files hold
 * no code or do not exist; null, with a note, when a file exists but cannot be read.
 */
export async function agentLogCodes(
  tempFolder: string,
  window: LogWindow,
  notes: ProbeNotes,
  /** When a file was last written (ms since 1970); a sandbox declares its files' times, which a copy loses. */
  writtenAt: (path: string) => Promise<number | null> = lastWritten,
): Promise<HistoryErrorCode[] | null> {
  const errlog = await readLog(join(tempFolder, ERRLOG_NAME));
  if (errlog.kind === 'unreadable') {
    notes.add('/history/errorCodes', t('probes.history.errlogUnreadable', { name: ERRLOG_NAME, reason: errlog.why }));
    return null;
  }
  let names: string[] = [];
  try {
    names = (await readdir(tempFolder)).filter((name) => FAILED_FILES.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      notes.add('/history/errorCodes', t('probes.history.tempUnlisted', { reason: code ?? (error as Error).message }));
      return null;
    }
  }
  const failedCodes: string[] = [];
  const end = window.capturedAt.getTime();
  const since = end - window.windowDays * DAY_MS;
  for (const name of names) {
    const path = join(tempFolder, name);
    const written = await writtenAt(path);
    // Written within the window: not before it began, not after capturedAt (a minute's slack for two clocks).
    if (written === null || written < since || written > end + 60_000) continue;
    const read = await readLog(path);
    if (read.kind === 'absent') continue; // removed since the listing
    if (read.kind === 'unreadable') {
      notes.add('/history/errorCodes', t('probes.history.skippedListUnreadable', { name, reason: read.why }));
      return null;
    }
    for (const line of read.text.split(/\r?\n/)) failedCodes.push(...codesInLine(line));
  }
  return [...(errlog.kind === 'text' ? tally(errlogCodes(errlog.text, window), 'errlog') : []), ...tally(failedCodes, 'failed-files')];
}
