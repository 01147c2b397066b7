// `--format csv --append FILE`: many machines append their row to one file on a share. A row is written
// with one write to a file opened with O_APPEND, under FILE.lock (created exclusively, removed after), so
// that no row is torn or interleaved and the header is written once, by whoever finds the file new or empty.
// The lock is named after the file itself (links resolved), so that two names of one file share one lock.
// The lock holds who took it: {"host": ..., "pid": ...}. It is removed whatever fails once it exists (even
// the write of those words, on a full disk). A lock of this host whose process is gone (process.kill(pid,
// 0) says ESRCH) is taken over at once; any lock older than 30 s (another host's, one whose words cannot
// be read) is taken for one left by a process that died, and removed. One that cannot be
// removed (a folder, a share that allows no deletes) is waited on like a live one, up to 60 s.
//
// A file Excel saved again is still ours when its first line, read as CSV, is our header: a UTF-8
// byte-order mark, quoted fields and LF line ends are accepted, and the row is written with the file's
// own line end. Another header is refused, naming the first column that differs.
//
// The header's column names stay English in every language (shared/report/fleet/csv.ts): a CSV is read by
// machines - a spreadsheet's formulas, a fleet script's column names - and one share collects the rows of
// machines that speak different languages, so the columns are the same names everywhere. Only the errors
// below are said in the reader's language.

import { constants } from 'node:fs';
import { lstat, open, readlink, realpath, stat, unlink, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { t } from '../../shared/i18n/translate.js';

export const LOCK_STALE_MS = 30_000;
const WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Who holds a lock, as its file says; null when it says nothing readable (yet: it may be being written). */
async function holderOf(lock: string): Promise<{ host: string; pid: number } | null> {
  const handle = await open(lock, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => null);
  if (!handle) return null;
  try {
    if (!(await handle.stat()).isFile()) return null;
    const buffer = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const value = JSON.parse(buffer.subarray(0, bytesRead).toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { host, pid } = value as { host?: unknown; pid?: unknown };
    return typeof host === 'string' && Number.isSafeInteger(pid) && (pid as number) > 0 ? { host, pid: pid as number } : null;
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Whether a process of this machine is gone: ESRCH. EPERM is a live process of another user. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const sameHost = (host: string) => host.toLowerCase() === hostname().toLowerCase();

/**
 * Whether the lock is left by a process that died: its process is gone from this host, or it is older
 * than 30 s (another host's, one whose words cannot be read, or a process id used again since).
 */
async function isStale(lock: string, held: { mtimeMs: number }): Promise<boolean> {
  if (Date.now() - held.mtimeMs > LOCK_STALE_MS) return true;
  const holder = await holderOf(lock);
  return holder !== null && sameHost(holder.host) && holder.pid !== process.pid && isGone(holder.pid);
}

/** Creates the lock with who holds it; a lock created and not completed is removed before the error goes on. */
async function create(lock: string): Promise<void> {
  const handle: FileHandle = await open(lock, 'wx');
  try {
    try {
      await handle.writeFile(`${JSON.stringify({ host: hostname(), pid: process.pid })}\n`);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(lock).catch(() => {});
    throw error;
  }
}

async function acquire(lock: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await create(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await stat(lock).catch(() => null);
    let removed = false;
    if (held !== null && (await isStale(lock, held))) {
      // Only the lock that was judged: one taken again meanwhile by someone else is a new file.
      const now = await stat(lock).catch(() => null);
      removed =
        now !== null &&
        now.ino === held.ino &&
        now.mtimeMs === held.mtimeMs &&
        (await unlink(lock).then(
          () => true,
          () => false,
        ));
    }
    if (removed) continue;
    if (Date.now() - started > WAIT_MS) throw new Error(t('cli.csv.lockHeld', { lock, seconds: WAIT_MS / 1000 }));
    await sleep(10 + Math.random() * 40);
  }
}

/** The file's own path (its links resolved), so that its lock is the same whatever name reaches it. */
async function ownPath(file: string): Promise<string> {
  // A link to a file not made yet has no real path: the file it names does.
  return realpath(file).catch(() =>
    readlink(file).then(
      (to) => resolve(dirname(file), to),
      () => file,
    ),
  );
}

/** The fields of the first record of CSV text (RFC 4180: quoted fields, doubled quotes), and its line end. */
export function firstCsvRecord(text: string): { fields: string[]; lineEnd: string | null } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      fields.push(field);
      return { fields, lineEnd: c === '\r' && text[i + 1] === '\n' ? '\r\n' : c };
    } else field += c;
  }
  fields.push(field);
  return { fields, lineEnd: null };
}

const BOM = '\uFEFF';
/** More than any header of this tool: its first line is read from this much of the file. */
const HEADER_BYTES = 64 * 1024;

/** The refusal of a file whose first line is not our header (naming the first column that differs), or null when it is. */
function headerDifference(file: string, found: string[], ours: string[]): string | null {
  for (let i = 0; i < Math.max(found.length, ours.length); i++) {
    if (found[i] === ours[i]) continue;
    const column = i + 1;
    if (found[i] === undefined) return t('cli.csv.otherTable', { file, kind: 'endsEarly', column, found: '', ours: ours[i]! });
    if (ours[i] === undefined)
      return t('cli.csv.otherTable', { file, kind: 'moreColumns', column, found: String(found.length), ours: String(ours.length) });
    return t('cli.csv.otherTable', { file, kind: 'differs', column, found: found[i]!.slice(0, 60), ours: ours[i]! });
  }
  return null;
}

/**
 * Appends `row` to `file`, preceded by `header` when the file is new or empty. Refuses what is not a regular
 * file (a pipe would block the write until someone reads it), and a file whose first line is another header
 * (rows of this tool would land under columns that are not theirs).
 */
export async function appendCsvRow(file: string, header: string, row: string): Promise<void> {
  const target = await ownPath(file);
  if (target !== file && (await lstat(file).catch(() => null))?.isSymbolicLink()) {
    const folder = await stat(dirname(target)).catch(() => null);
    if (!folder?.isDirectory()) throw new Error(t('cli.csv.brokenLink', { file, target }));
  }
  const lock = `${target}.lock`;
  await acquire(lock);
  try {
    const handle = await open(target, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0), 0o644).catch(
      (error: NodeJS.ErrnoException) => {
        throw new Error(
          t('cli.csv.cannotAppend', { file, pipe: error.code === 'ENXIO' ? 'yes' : 'no', code: error.code ?? error.message }),
        );
      },
    );
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new Error(t('cli.csv.notRegular', { file }));
      let text = row;
      if (info.size === 0) text = header + row;
      else {
        const first = Buffer.alloc(Math.min(info.size, HEADER_BYTES));
        await handle.read(first, 0, first.length, 0);
        const start = first.toString('utf8');
        const found = firstCsvRecord(start.startsWith(BOM) ? start.slice(1) : start);
        const refusal = headerDifference(file, found.fields, firstCsvRecord(header).fields);
        if (refusal) throw new Error(refusal);
        // The row's own line end (CRLF) becomes the file's, as a spreadsheet saved it (quoted fields keep theirs).
        const lineEnd = found.lineEnd ?? '\r\n';
        const ours = row.endsWith('\r\n') ? `${row.slice(0, -2)}${lineEnd}` : row;
        // A last line someone left without its line end would take this row in: start a line first.
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, info.size - 1);
        text = last[0] === 0x0a || (last[0] === 0x0d && lineEnd === '\r') ? ours : `${lineEnd}${ours}`;
      }
      await handle.write(text);
    } finally {
      await handle.close();
    }
  } finally {
    await unlink(lock).catch(() => {});
  }
}
