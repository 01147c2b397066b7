// The UAC helper's command line: PowerShell's Start-Process with RunAs, the program and each argument as
// literals (spaces and quotes in paths cannot change the command), encoded so no quoting of ours can break.
import { describe, expect, it } from 'vitest';
import { elevationCommand } from '../../../electron/actions/elevate.js';

const decode = (args: string[]) => Buffer.from(args[args.indexOf('-EncodedCommand') + 1]!, 'base64').toString('utf16le');

describe('elevationCommand', () => {
  it('starts exactly the helper for the plan file, elevated, and waits for its exit code', () => {
    const { command, args } = elevationCommand('C:\\Program Files\\MARS Readiness Wizard\\MARS Readiness Wizard.exe', [
      '--fix-plan',
      "C:\\Users\\O'Brien\\AppData\\Local\\Temp\\mars-x\\plan.json",
    ]);
    expect(command).toBe('powershell.exe');
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(decode(args)).toBe(
      "$p = Start-Process -FilePath 'C:\\Program Files\\MARS Readiness Wizard\\MARS Readiness Wizard.exe' -ArgumentList @('\"--fix-plan\"', '\"C:\\Users\\O''Brien\\AppData\\Local\\Temp\\mars-x\\plan.json\"') -Verb RunAs -Wait -PassThru -WindowStyle Hidden; exit $p.ExitCode",
    );
  });
  it('refuses an argument with a double quote rather than mis-quote it', () => {
    expect(() => elevationCommand('C:\\x.exe', ['a"b'])).toThrow(/double quote/);
  });
});

describe('fix relocate-cache --plan', () => {
  it('runs a plan file only while the machine still matches it', async () => {
    const { cpSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { cliProcess } = await import('../../helpers/cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'mars-plan-'));
    cpSync(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url).pathname, dir, { recursive: true });
    const plan = JSON.parse(
      (await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\New', '--dry-run', '--json'])).stdout,
    );
    const stale = join(dir, 'stale.json');
    writeFileSync(
      stale,
      JSON.stringify({ ...plan, previous: { scratchLocation: 'X:\\Elsewhere', providerScratchLocation: 'X:\\Elsewhere' } }),
    );
    const refused = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--plan', stale, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The machine changed since the plan was made/);
    const good = join(dir, 'plan.json');
    writeFileSync(good, JSON.stringify(plan));
    expect((await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--plan', good, '--yes'])).code).toBe(0);
  });
});
