// Starting the elevated helper through UAC. The wizard stays unelevated; the helper, a short-lived process
// with its own entry point, speaks the helper protocol to it (electron/helper/). PowerShell starts it with
// .NET's Process.Start and the "runas" verb - an encoded command, so there is no quoting of ours to get
// wrong - and tells a declined prompt by its Win32 error number (ERROR_CANCELLED, 1223), never by the
// words of the message, which Windows translates.

import { psLiteral } from '../../../shared/actions/powershell-script.js';
import type { CommandRunner } from '../../probes/command-runner.js';
import { outputText } from '../../probes/command-runner.js';
import { POWERSHELL_OPTIONS } from '../../probes/windows/powershell.js';
import type { LaunchOutcome } from '../machine.js';
import { t } from '../../../shared/i18n/translate.js';

export const ERROR_CANCELLED = 1223;

/**
 * powershell.exe's arguments that start `program` with `args` elevated, wait, and pass its exit code on.
 * On a failure to start it prints `launch-failed:<Win32 error>` and exits 1. ProcessStartInfo takes one
 * argument string, so each argument is wrapped in double quotes, which no Windows path can contain.
 */
export function elevationCommand(program: string, args: string[]): { command: string; args: string[] } {
  for (const arg of [program, ...args]) if (arg.includes('"')) throw new Error(t('machine.elevate.doubleQuote', { arg }));
  const joined = args.map((a) => `"${a}"`).join(' ');
  const script = [
    '$psi = New-Object System.Diagnostics.ProcessStartInfo',
    `$psi.FileName = ${psLiteral(program)}`,
    `$psi.Arguments = ${psLiteral(joined)}`,
    "$psi.Verb = 'runas'",
    '$psi.UseShellExecute = $true',
    '$psi.WindowStyle = [System.Diagnostics.ProcessWindowStyle]::Hidden',
    'try { $p = [System.Diagnostics.Process]::Start($psi) } catch {',
    '  $e = $_.Exception; while ($e.InnerException) { $e = $e.InnerException }',
    "  if ($e -is [System.ComponentModel.Win32Exception]) { 'launch-failed:' + $e.NativeErrorCode } else { 'launch-failed:0' }",
    '  exit 1',
    '}',
    '$p.WaitForExit(); exit $p.ExitCode',
  ].join('\n');
  return {
    command: 'powershell.exe',
    args: [...POWERSHELL_OPTIONS, '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')],
  };
}

/** What the launcher's run says: the helper's exit status, or why it never started. */
export function launchOutcome(exitCode: number | null, stdout: Buffer, failure: string | null): LaunchOutcome {
  const launch = /^launch-failed:(\d+)\s*$/m.exec(outputText(stdout));
  if (launch) {
    const code = Number(launch[1]);
    if (code === ERROR_CANCELLED) return { exitCode: null, failure: t('machine.elevate.declined'), declined: true };
    return { exitCode: null, failure: t('machine.elevate.couldNotStart', { code: String(code) }), declined: false };
  }
  return { exitCode, failure, declined: false };
}

export async function launchThroughUac(run: CommandRunner, program: string, args: string[], signal: AbortSignal): Promise<LaunchOutcome> {
  const command = elevationCommand(program, args);
  // The helper ends by itself when its channel closes; the launcher only waits for it.
  void signal;
  const result = await run(command.command, command.args, { timeoutMs: 24 * 60 * 60 * 1000 });
  return launchOutcome(result.exitCode, result.stdout, result.failure);
}
