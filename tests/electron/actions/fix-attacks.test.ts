// What an attack on the three fixes found, each mended with a test that failed before: machine.json read
// afresh (a backup that starts at the prompt is seen), a folder reached through a link never named by
// both values, a stop while the machine is examined again exits as stopped, a second fix while one runs is
// told it is busy (not that one was interrupted), a resumed pointing checks the cache is still there, and a
// registry value with `..` in it is read as Windows reads it.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFixAction, runFixCommand, type FixIo } from '../../../electron/cli/fix.js';
import { errorCode, FIX_EXIT } from '../../../electron/errors.js';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { planFix, runConfirmedFix } from '../../../electron/services/fixes.js';
import { cliProcess } from '../../helpers/cli.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function sandbox(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mars attack ${name}-`));
  roots.push(dir);
  cpSync(new URL(`../../../samples/sandboxes/${name}/`, import.meta.url).pathname, dir, { recursive: true });
  return dir;
}
const edit = (dir: string, file: string, change: (json: any) => void) => {
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  change(json);
  writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
};
const CONFIG = 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config';
const values = (dir: string) => {
  const r = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
  return [r[CONFIG].ScratchLocation?.data, r[`${CONFIG}\\CloudBackupProvider`].ScratchLocation?.data];
};
const service = (dir: string) => JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')).obengine;

describe('the fixes, attacked', () => {
  it('sees a backup that started while the user read the confirmation, and stops nothing', async () => {
    const dir = sandbox('cache-on-c');
    let out = '';
    const fixCli = (io: FixIo) =>
      runFixCommand(() => runFixAction('relocate-cache', { sandbox: dir, to: 'D:\\MARS Cache' }, io), io, 'mars-readiness');
    const code = await fixCli({
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      interactive: true,
      env: {},
      ask: async () => {
        edit(dir, 'machine.json', (m) => (m.backupRunning = '2026-12-01T22:00:00Z'));
        return 'y';
      },
    });
    expect(code).toBe(1);
    expect(out).toContain('A backup is running now (it started 2026-12-01T22:00:00Z)');
    expect(service(dir)).toBe('running');
  });

  it('sees a System State disk mounted while the user read the confirmation', async () => {
    const dir = sandbox('cache-on-c');
    let out = '';
    const fixCli = (io: FixIo) =>
      runFixCommand(() => runFixAction('relocate-cache', { sandbox: dir, to: 'D:\\MARS Cache' }, io), io, 'mars-readiness');
    const code = await fixCli({
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      interactive: true,
      env: {},
      ask: async () => {
        edit(dir, 'machine.json', (m) => m.volumes.push({ id: '\\\\?\\Volume{7f3a}\\', label: 'CBSSBVol_7f3a', online: true }));
        return 'y';
      },
    });
    expect(code).toBe(1);
    expect(out).toContain('unmount the CBSSBVol_<ID> disks in Disk Management first');
  });

  it('refuses a malformed backupRunning in machine.json, naming the field', async () => {
    const dir = sandbox('cache-on-c');
    edit(dir, 'machine.json', (m) => (m.backupRunning = 42));
    const result = await cliProcess(['fix', 'start-engine', '--sandbox', dir, '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/backupRunning');
  });

  it('never points both values at a folder reached through a link', async () => {
    const dir = sandbox('registry-mismatch');
    symlinkSync(join(dir, 'drives', 'D', 'MARS Scratch'), join(dir, 'drives', 'D', 'Link'));
    edit(dir, 'registry.json', (r) => {
      r[CONFIG].ScratchLocation.data = 'D:\\Link';
      r[`${CONFIG}\\CloudBackupProvider`].ScratchLocation.data = 'C:\\nothing';
    });
    const result = await cliProcess(['fix', 'point-registry', '--sandbox', dir, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('D:\\Link goes through a link');
    expect(values(dir)).toEqual(['D:\\Link', 'C:\\nothing']);
  });

  it('exits as stopped, not as an unforeseen failure, when stopped while the machine is examined again', async () => {
    const dir = sandbox('cache-on-c');
    const machine = await openSandboxMachine(dir);
    const planned = await planFix(machine, { action: 'relocate-cache', to: 'D:\\MARS Cache' });
    if (!planned.ok) throw new Error(planned.problems.join(' '));
    const stop = new AbortController();
    stop.abort();
    const error = await runConfirmedFix(machine, planned.plan, null, { signal: stop.signal }).catch((e: Error) => e);
    expect(errorCode(error)).toBe('cancelled');
    expect((error as Error).message).toBe('Stopped before anything was changed.');
    expect(FIX_EXIT[errorCode(error)]).toBe(1);
    expect(service(dir)).toBe('running');
  });

  it('tells a second fix that one is running (busy), never that it was interrupted', async () => {
    const dir = sandbox('cache-on-c');
    // A big cache, so that the first fix is still copying when the second starts.
    const cache = join(dir, 'drives', 'C', 'Program Files', 'Microsoft Azure Recovery Services Agent', 'Scratch');
    for (let i = 0; i < 3000; i++) writeFileSync(join(cache, `chunk ${i}.bin`), Buffer.alloc(4096, i));
    const first = cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\MARS Cache', '--yes']);
    let second = { code: -1, stdout: '', stderr: '' };
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (readFileSync(join(dir, 'services.json'), 'utf8').includes('"stopped"')) {
        second = await cliProcess(['fix', 'start-engine', '--sandbox', dir, '--yes']);
        break;
      }
    }
    expect((await first).code).toBe(0);
    expect(second.code).toBe(4);
    expect(second.stderr).toMatch(/Another process \(id \d+\) is moving the cache on this machine: wait until it has finished\./);
  });

  it('undoes a resumed pointing whose folder lost the cache during the crash', async () => {
    const dir = sandbox('registry-swapped');
    expect(
      (await cliProcess(['fix', 'point-registry', '--sandbox', dir, '--yes'], { MARS_READINESS_FAILPOINT: 'stop-service:crash' })).code,
    ).toBe(86);
    rmSync(join(dir, 'drives', 'D', 'MARS Scratch', 'OnlineBackup.KEK'));
    const resumed = await cliProcess(['fix', 'resume', '--sandbox', dir]);
    expect(resumed.code).toBe(1);
    expect(resumed.stdout).toContain('D:\\MARS Scratch no longer holds OnlineBackup.KEK');
    expect(values(dir)).toEqual(['C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch\\', 'D:\\MARS Scratch']);
    expect(service(dir)).toBe('running');
  });

  it('reads a registry value with ".." in it as Windows does', async () => {
    const dir = sandbox('registry-mismatch');
    edit(dir, 'registry.json', (r) => (r[CONFIG].ScratchLocation.data = 'D:\\MARS Scratch\\..\\MARS Scratch'));
    const check = await cliProcess(['check', '--sandbox', dir, '--offline', '--json']);
    expect(check.code).toBe(1);
    const cache = JSON.parse(check.stdout).findings.find((f: { check: string }) => f.check === 'cache.folder');
    expect(cache.status).toBe('pass');
  });
});

describe('a command that cannot even start', () => {
  it('is a failure result, never a thrown error that ends a scan', async () => {
    const { runCommand } = await import('../../../electron/probes/command-runner.js');
    // A NUL in the program's name makes Node refuse at once, as libuv's UNKNOWN does on Windows.
    const result = await runCommand('wmic\0.exe', [], { timeoutMs: 5000 });
    expect(result).toMatchObject({ exitCode: null, timedOut: false, failure: expect.stringContaining('could not start') });
  });
});
