// Starting external commands for the probes: always an argument array (never a shell string), always a
// timeout, output kept as bytes (Windows tools write UTF-16 or the console code page; decoding is the
// parser's business). The interface is injected, so tests replay recorded outputs instead.

import { execFile } from 'node:child_process';
import { t } from '../../shared/i18n/translate.js';

export interface CommandResult {
  /** The exit code, or null when the command did not exit by itself (timed out, killed, not started). */
  exitCode: number | null;
  stdout: Buffer;
  stderr: Buffer;
  timedOut: boolean;
  /** The program does not exist on this machine (ENOENT). */
  missing: boolean;
  /** Why it failed to start or finish, in words; null when it ran to completion. */
  failure: string | null;
  /** It was killed because RunOptions.signal aborted (then exitCode is null); absent or false otherwise. */
  aborted?: boolean;
}

export interface RunOptions {
  timeoutMs: number;
  /** Extra environment variables: how probes hand paths to PowerShell without quoting them into code. */
  env?: Record<string, string>;
  /** Aborting it kills the command at once (as a timeout does); the result then says `aborted`. */
  signal?: AbortSignal;
}

export type CommandRunner = (command: string, args: readonly string[], options: RunOptions) => Promise<CommandResult>;

export const runCommand: CommandRunner = (command, args, options) =>
  new Promise((resolve) => {
    // execFile throws at once for some start-up errors (libuv's UNKNOWN when Windows cannot create the
    // process): a command that cannot start is a failure to report, like any other, never a thrown error.
    const cannotStart = (error: unknown): CommandResult => ({
      exitCode: null,
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      timedOut: false,
      missing: (error as NodeJS.ErrnoException)?.code === 'ENOENT',
      failure: t('probes.command.cannotStart', { command, reason: (error as Error)?.message ?? String(error) }),
    });
    try {
      startCommand(command, args, options, resolve);
    } catch (error) {
      resolve(cannotStart(error));
    }
  });

function startCommand(command: string, args: readonly string[], options: RunOptions, resolve: (result: CommandResult) => void): void {
  execFile(
    command,
    [...args],
    {
      encoding: 'buffer',
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      windowsHide: true,
      shell: false,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      // Node kills the child with killSignal when the signal aborts, and hands the callback an AbortError.
      ...(options.signal ? { signal: options.signal } : {}),
    },
    (error, stdout, stderr) => {
      const err = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: string | number }) | null;
      const aborted = err?.name === 'AbortError';
      const timedOut = !aborted && err?.killed === true && err.signal === 'SIGKILL';
      const missing = err?.code === 'ENOENT';
      const exitCode = err ? (typeof err.code === 'number' && !aborted ? err.code : null) : 0;
      const failure = aborted
        ? t('probes.command.stopped', { command })
        : timedOut
          ? t('probes.command.timedOut', { command, wait: formatWait(options.timeoutMs) })
          : missing
            ? t('probes.command.missing', { command })
            : exitCode === null && err
              ? t('probes.command.couldNotRun', { command, reason: err.message })
              : null;
      resolve({
        exitCode,
        stdout: Buffer.from(stdout ?? []),
        stderr: Buffer.from(stderr ?? []),
        timedOut,
        missing,
        failure,
        ...(aborted ? { aborted } : {}),
      });
    },
  );
}

/** Command output as text: UTF-16LE when it carries a byte-order mark or looks like it, else UTF-8; CRLF folded. */
export function outputText(bytes: Buffer): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (looksUtf16(bytes)) text = bytes.toString('utf16le');
  else text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return text.replace(/\r\r\n/g, '\n').replace(/\r\n/g, '\n');
}

/** wmic and some redirected tools write UTF-16LE without a mark: ASCII text then has every odd byte zero. */
function looksUtf16(bytes: Buffer): boolean {
  const sample = Math.min(bytes.length, 200) & ~1;
  if (sample < 4) return false;
  let zeros = 0;
  for (let i = 1; i < sample; i += 2) if (bytes[i] === 0) zeros++;
  return zeros > sample / 2 / 2;
}

/** "300 ms", "5 s": how long something was waited for, in words. */
export function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
