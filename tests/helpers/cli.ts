// Running the CLI: in process (fast, for most tests) and as the installed program (bin/, through Node),
// for what only a real process shows: exit statuses, and what reaches stdout and stderr.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../electron/cli/main.js';

export const BIN = fileURLToPath(new URL('../../bin/mars-readiness.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI run in this process, its output captured. Its clock stands still at 2026-11-25T12:00:00Z unless
 * the test gives `now` (such as `() => new Date()` for the real clock).
 */
export async function cliInProcess(
  args: string[],
  {
    color = false,
    columns = 80,
    now = () => new Date('2026-11-25T12:00:00Z'),
  }: { color?: boolean; columns?: number; now?: () => Date } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    color,
    columns,
    now,
  });
  return { code, stdout, stderr };
}

/**
 * The installed program in a process of its own. Its words come unwrapped (COLUMNS=1000) unless the test
 * sets COLUMNS, so that assertions on what it says do not depend on where 80 columns fall; the wrapping
 * itself is asserted where it is the point (tests/electron/cli/wrapping.test.ts).
 */
export function cliProcess(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 15_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, COLUMNS: '1000', ...env }, timeout }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Text as one line, for assertions on what it says rather than where the terminal wrapping broke it: a
 * break after a backslash (inside a path) joins up, any other run of white space is one space.
 */
export const flat = (text: string): string => text.replace(/([\\/#])\n\s*/g, '$1').replace(/\s+/g, ' ');
