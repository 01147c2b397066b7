// The elevated helper as a separate process, speaking its protocol over a real local channel: it moves
// the cache as confirmed, passes progress on, stops (and undoes) when told, answers a changed machine with
// its reason (never an exit status), and refuses a task it does not understand. On a sandbox machine, so
// that the same code runs here as on Windows, where the launcher goes through UAC.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runInHelper } from '../../../electron/helper/helper-client.js';
import type { ElevatedLauncher } from '../../../electron/machine/machine.js';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { planFix } from '../../../electron/services/fixes.js';

const ENTRY = fileURLToPath(new URL('../../../dist/electron/helper/entry.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url));
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Starts the helper as a plain child process: UAC's stand-in, as the issue allows. */
const plainLaunch: ElevatedLauncher = (program, args) =>
  new Promise((resolve) => {
    const child = spawn(program, args, { stdio: 'ignore' });
    child.on('exit', (code) => resolve({ exitCode: code, failure: null, declined: false }));
    child.on('error', (error) => resolve({ exitCode: null, failure: error.message, declined: false }));
  });

async function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'mars-helper-sandbox-'));
  roots.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  const machine = await openSandboxMachine(dir);
  const planned = await planFix(machine, { action: 'relocate-cache', to: 'D:\\MARS Cache' });
  if (!planned.ok) throw new Error(planned.problems.join(' '));
  return { dir, plan: planned.plan };
}
const scratch = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'))['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'].ScratchLocation
    .data;
const program = (dir: string) => ({ program: process.execPath, leadingArgs: [ENTRY], sandbox: dir });

describe('the elevated helper, a separate process', () => {
  it('moves the cache as confirmed and relays its progress', async () => {
    const { dir, plan } = await sandbox();
    const seen: string[] = [];
    const done = await runInHelper(
      plainLaunch,
      program(dir),
      { type: 'run', plan, selection: null },
      { onMessage: (m) => m.type === 'step' && seen.push(`${m.step}:${m.state}`) },
      new AbortController().signal,
    );
    expect(done).toMatchObject({ type: 'done', outcome: 'done', to: 'D:\\MARS Cache' });
    expect(seen).toEqual(expect.arrayContaining(['stop-service:running', 'copy:done', 'verify:done', 'reprobe:done']));
    expect(scratch(dir)).toBe('D:\\MARS Cache');
    expect(readFileSync(join(dir, 'helper.log'), 'utf8')).toMatch(/task: run relocate-cache .* -> D:\\MARS Cache[\s\S]*done/);
  });
  it('stops when told, and everything is put back', async () => {
    const { dir, plan } = await sandbox();
    const stop = new AbortController();
    const done = await runInHelper(
      plainLaunch,
      program(dir),
      { type: 'run', plan, selection: null },
      { onMessage: (m) => m.type === 'step' && m.step === 'stop-service' && stop.abort() },
      stop.signal,
    );
    expect(done).toMatchObject({ outcome: 'rolled-back', error: expect.stringMatching(/stopped/) });
    expect(scratch(dir)).toBe(plan.from);
  });
  it("answers a plan the machine no longer matches with the helper's own reason", async () => {
    const { dir, plan } = await sandbox();
    const stale = { ...plan, previous: { scratchLocation: 'X:\\Elsewhere', providerScratchLocation: 'X:\\Elsewhere' } };
    await expect(
      runInHelper(
        plainLaunch,
        program(dir),
        { type: 'run', plan: stale, selection: null },
        { onMessage: () => {} },
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/The machine changed since the plan was made \(the registry values/),
    });
    expect(scratch(dir)).toBe(plan.from);
  });
  it('says a declined administrator prompt in words, with nothing changed', async () => {
    const { dir, plan } = await sandbox();
    const declined: ElevatedLauncher = async () => ({
      exitCode: null,
      failure: 'the administrator prompt (UAC) was declined',
      declined: true,
    });
    await expect(
      runInHelper(declined, program(dir), { type: 'run', plan, selection: null }, { onMessage: () => {} }, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'declined' });
    expect(scratch(dir)).toBe(plan.from);
  });
  it('says at once that the helper could not start when the launcher throws, rather than waiting for it', async () => {
    const { dir, plan } = await sandbox();
    // As Node's spawn does for some failures to create a process (libuv's UNKNOWN).
    const throwing: ElevatedLauncher = () => Promise.reject(new Error('spawn UNKNOWN'));
    const started = Date.now();
    await expect(
      runInHelper(throwing, program(dir), { type: 'run', plan, selection: null }, { onMessage: () => {} }, new AbortController().signal),
    ).rejects.toMatchObject({ code: 'refused', message: 'The helper could not start (spawn UNKNOWN); nothing was changed.' });
    // Not the ten minutes an administrator prompt is given.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(scratch(dir)).toBe(plan.from);
  });
  it('does not join a channel without its key', async () => {
    const { dir } = await sandbox();
    writeFileSync(join(dir, 'x'), '');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [ENTRY, '--fix-helper', '--channel', join(dir, 'no-such-channel'), '--key', 'k', '--sandbox', dir],
        { stdio: 'ignore' },
      );
      child.on('exit', resolve);
    });
    expect(code).toBe(2);
  });
});

describe('the helper, sent more than its protocol allows', () => {
  it('says so, ends its conversation and exits with 1, not an unsettled status', async () => {
    const { createServer } = await import('node:net');
    const { dir } = await sandbox();
    const channel = join(dir, 'channel.sock');
    const lines: string[] = [];
    const server = createServer((socket) => {
      socket.on('data', (d) => lines.push(...d.toString().split('\n').filter(Boolean)));
      socket.write('x'.repeat(1024 * 1024 + 10));
    });
    await new Promise<void>((resolve) => server.listen(channel, resolve));
    const code = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [ENTRY, '--fix-helper', '--channel', channel, '--key', 'k', '--sandbox', dir], { stdio: 'ignore' }).on(
        'exit',
        resolve,
      );
    });
    server.close();
    expect(code).toBe(1);
    expect(lines.map((l) => JSON.parse(l).type)).toContain('failed');
    expect(readFileSync(join(dir, 'helper.log'), 'utf8')).toMatch(/longer than the protocol allows/);
  });
});
