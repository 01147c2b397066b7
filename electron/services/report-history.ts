// The history folder: each run of `check --history`, `doctor --history` or `collect --history` (and each
// scan of the wizard, in its own folder under the app's user data) keeps its report or profile there, one
// file per run, written whole or not at all and never over another run's file (electron/util/atomic-file.ts).
// A file's name says when and of which host:
//   2026-11-25T12-00-00.000Z_az-web-03.report.json     2026-11-25T12-00-00.000Z_az-web-03.profile.json
// so that sorting the names sorts the runs by time. `diff --history` and the wizard's "since last time"
// read the latest of them back.

import { Type } from '@sinclair/typebox';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExplainedError } from '../explained-error.js';
import { writeNewFileAtomically } from '../util/atomic-file.js';
import { compileSchema } from '../../shared/util/schema.js';
import { t } from '../../shared/i18n/translate.js';

export type HistoryKind = 'report' | 'profile';

/** What a report must hold to be compared (more may be there: the doctor's diagnosis, waivers). */
export const COMPARABLE_REPORT = compileSchema(
  Type.Object({
    schemaVersion: Type.Literal(1),
    generatedAt: Type.String({ minLength: 1 }),
    verdict: Type.Union([Type.Literal('ready'), Type.Literal('ready-with-warnings'), Type.Literal('not-ready')]),
    matrix: Type.Object({ edition: Type.String(), date: Type.String() }),
    host: Type.Object({ name: Type.Union([Type.String(), Type.Null()]) }),
    findings: Type.Array(
      Type.Object({
        check: Type.String({ minLength: 1 }),
        subject: Type.Union([Type.String(), Type.Null()]),
        status: Type.Union(['fail', 'warn', 'unknown', 'info', 'pass', 'waived'].map((s) => Type.Literal(s))),
        title: Type.String(),
        waivedStatus: Type.Optional(Type.Union(['fail', 'warn', 'unknown'].map((s) => Type.Literal(s)))),
      }),
    ),
  }),
);

/** Where `--history` keeps its files when it is given without a folder: on Windows only. */
export function defaultHistoryFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string | null {
  if (platform !== 'win32') return null;
  return join(env.ProgramData ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData', 'MarsReadiness', 'history');
}

/** The folder `--history [DIR]` names: DIR, or the default folder where there is one; else a usage error. */
export function historyFolderOf(option: string | true, platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (option !== true) {
    if (option.trim() === '') throw new ExplainedError(t('cli.usage.historyEmpty'));
    return option;
  }
  const folder = defaultHistoryFolder(platform, env);
  if (folder === null) throw new ExplainedError(t('cli.usage.historyNoDefault'));
  return folder;
}

// A second run in the same millisecond of the same host gets -2 after its time (a host name can end in -2).
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d{3})?Z)(?:-(\d+))?_(.+)\.(report|profile)\.json$/;

/** A host name as a part of a file name: letters, digits, dot, hyphen and underscore kept, the rest as "_". */
export function hostPart(host: string | null): string {
  const safe = (host ?? '')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 63);
  return safe === '' ? 'unnamed' : safe;
}

/** The name of a run's file, from its time (an ISO date-time) and host. */
export function historyFileName(time: string, host: string | null, kind: HistoryKind, copy = 1): string {
  const stamp = new Date(time).toISOString().replace(/:/g, '-');
  return `${stamp}${copy > 1 ? `-${copy}` : ''}_${hostPart(host)}.${kind}.json`;
}

/**
 * Keeps `text` (a report or a profile, as JSON) in `folder` (made if missing) under a name of its own, and
 * returns its path. A folder that cannot be made or written is an ExplainedError naming it.
 */
export async function keepInHistory(folder: string, kind: HistoryKind, time: string, host: string | null, text: string): Promise<string> {
  const nameFor = (copy: number) => join(folder, historyFileName(time, host, kind, copy));
  const existing = await lstat(folder).catch(() => null);
  if (existing && !existing.isDirectory())
    throw new ExplainedError(t('engine.history.notKept', { kind, folder, why: 'notFolder', error: '' }));
  // Linked into place under a name no one holds (the next copy number when it is taken): two runs of one
  // moment, even in two processes, never overwrite each other.
  return writeNewFileAtomically(nameFor, text, { createFolder: true }).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof ExplainedError) throw error;
    const why =
      error.code === 'EACCES' || error.code === 'EPERM'
        ? 'denied'
        : error.code === 'ENOTDIR' || error.code === 'EEXIST'
          ? 'notFolder'
          : 'other';
    throw new ExplainedError(t('engine.history.notKept', { kind, folder, why, error: error.message }));
  });
}

export interface HistoryEntry {
  path: string;
  name: string;
  /** The host part of its name (hostPart of the host's name). */
  host: string;
  kind: HistoryKind;
}

/** The runs the folder holds, the oldest first (other files are left out); a folder that cannot be read is an ExplainedError. */
export async function listHistory(folder: string): Promise<HistoryEntry[]> {
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'missing' : error.code === 'ENOTDIR' ? 'notFolder' : 'other';
    throw new ExplainedError(t('engine.history.unreadable', { folder, why, error: error.message }));
  });
  return names
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => a.match[1]!.localeCompare(b.match[1]!) || Number(a.match[2] ?? 1) - Number(b.match[2] ?? 1))
    .map(({ name, match }) => ({ path: join(folder, name), name, host: match[3]!, kind: match[4] as HistoryKind }));
}

/** The latest report kept for `host`, parsed; null when there is none (or it cannot be read as JSON). */
export async function latestReportOf(folder: string, host: string | null): Promise<unknown> {
  const entries = await listHistory(folder).catch(() => []);
  const latest = entries.filter((entry) => entry.kind === 'report' && entry.host === hostPart(host)).at(-1);
  if (!latest) return null;
  try {
    return JSON.parse(await readFile(latest.path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
