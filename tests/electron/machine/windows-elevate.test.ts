// Starting the helper through UAC: .NET's Process.Start with the runas verb, the program and its arguments
// as literals in an encoded command; a declined prompt told by its Win32 error number (1223), never by
// the words of the message.
import { describe, expect, it } from 'vitest';
import { ERROR_CANCELLED, elevationCommand, launchOutcome } from '../../../electron/machine/windows/elevate.js';

const decode = (args: string[]) => Buffer.from(args[args.indexOf('-EncodedCommand') + 1]!, 'base64').toString('utf16le');

describe('elevationCommand', () => {
  it('starts exactly the helper with its arguments, elevated, and waits for its exit code', () => {
    const { command, args } = elevationCommand('C:\\Program Files\\MARS Readiness Wizard\\MARS Readiness Wizard.exe', [
      '--fix-helper',
      '--channel',
      "\\\\.\\pipe\\mars-readiness-O'Brien",
    ]);
    expect(command).toBe('powershell.exe');
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    const script = decode(args);
    expect(script).toContain("$psi.FileName = 'C:\\Program Files\\MARS Readiness Wizard\\MARS Readiness Wizard.exe'");
    expect(script).toContain(`$psi.Arguments = '"--fix-helper" "--channel" "\\\\.\\pipe\\mars-readiness-O''Brien"'`);
    expect(script).toContain("$psi.Verb = 'runas'");
    expect(script).toMatch(/NativeErrorCode/);
    expect(script).toMatch(/\$p\.WaitForExit\(\); exit \$p\.ExitCode$/);
  });
  it('refuses an argument with a double quote rather than mis-quote it', () => {
    expect(() => elevationCommand('C:\\x.exe', ['a"b'])).toThrow(/double quote/);
  });
});

describe('launchOutcome', () => {
  it('tells a declined prompt by ERROR_CANCELLED, whatever the language of the message', () => {
    expect(launchOutcome(1, Buffer.from(`launch-failed:${ERROR_CANCELLED}\r\n`), null)).toEqual({
      exitCode: null,
      failure: 'the administrator prompt (UAC) was declined',
      declined: true,
    });
    // German Windows words on stderr change nothing: only the number counts.
    expect(launchOutcome(1, Buffer.from('launch-failed:2\r\n'), null)).toMatchObject({
      declined: false,
      failure: expect.stringMatching(/error 2/),
    });
  });
  it("passes the helper's own exit status on when it started", () => {
    expect(launchOutcome(0, Buffer.alloc(0), null)).toEqual({ exitCode: 0, failure: null, declined: false });
    expect(launchOutcome(1, Buffer.from('Der Vorgang wurde vom Benutzer abgebrochen\r\n'), null)).toEqual({
      exitCode: 1,
      failure: null,
      declined: false,
    });
  });
});
