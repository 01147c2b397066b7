// The engine in process, on a sandbox machine through the port: cancelling rolls back; an interrupted
// journal blocks a new move; a journal the machine cannot vouch for, or that does not describe it, is not
// acted on; nothing changes when the state folder cannot be protected.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readScratch, RecoveryPendingError, resumeFix, runFix } from '../../../electron/actions/fix-engine.js';
import { writeJournal, type Journal } from '../../../electron/actions/journal.js';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { planFix } from '../../../electron/services/fixes.js';

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'mars-engine-'));
  cpSync(fileURLToPath(new URL('../../../samples/sandboxes/registry-mismatch/', import.meta.url)), dir, { recursive: true });
  const machine = await openSandboxMachine(dir);
  const planned = await planFix(machine, { action: 'relocate-cache', to: 'D:\\MARS Cache' });
  if (!planned.ok) throw new Error(planned.problems.join(' '));
  return { dir, machine, plan: planned.plan };
}

const openJournal = (plan: Journal['plan'], extra: Partial<Journal> = {}): Journal => ({
  version: 3,
  plan,
  startedAt: new Date().toISOString(),
  state: 'running',
  outcome: null,
  steps: { 'stop-service': 'done', copy: 'started' },
  verified: false,
  createdFolders: [plan.to!],
  manifest: [],
  stoppedService: true,
  error: null,
  ...extra,
});

describe('the relocation engine', () => {
  it('mends disagreeing registry values by moving the cache from the folder Config names', async () => {
    const { dir, machine, plan } = await setup();
    expect(plan.previous).toEqual({
      scratchLocation: 'D:\\MARS Scratch',
      providerScratchLocation: 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch\\',
    });
    const result = await runFix(plan, machine);
    expect(result.outcome).toBe('done');
    expect(await readScratch(machine)).toEqual({ scratchLocation: 'D:\\MARS Cache', providerScratchLocation: 'D:\\MARS Cache' });
    expect(JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')).obengine).toBe('running');
  });
  it('undoes everything when stopped, restoring even the disagreeing values as they were', async () => {
    const { machine, plan } = await setup();
    const stop = new AbortController();
    const steps: string[] = [];
    const result = await runFix(plan, machine, {
      signal: stop.signal,
      onStep: (step, state) => {
        steps.push(`${step}:${state}`);
        if (step === 'copy' && state === 'running') stop.abort();
      },
    });
    expect(result).toMatchObject({ outcome: 'rolled-back', error: expect.stringMatching(/cancelled|stopped/) });
    expect(await readScratch(machine)).toEqual(plan.previous);
    expect(steps).toContain('rollback:undone');
  });
  it('refuses to start while an interrupted move is open, and resume closes it', async () => {
    const { dir, machine, plan } = await setup();
    await writeJournal(join(dir, 'relocation-journal.json'), openJournal(plan));
    await expect(runFix(plan, machine)).rejects.toThrow(RecoveryPendingError);
    expect((await resumeFix(machine))?.outcome).toBe('rolled-back');
    expect(await resumeFix(machine)).toBeNull();
  });
  it('does not act on an open journal the machine cannot vouch for, and leaves it and the machine as they are', async () => {
    const { dir, machine, plan } = await setup();
    const registry = readFileSync(join(dir, 'registry.json'), 'utf8');
    const journal = openJournal({ ...plan, to: 'C:\\Windows\\System32' }, { createdFolders: [] });
    await writeJournal(join(dir, 'relocation-journal.json'), journal);
    const doubted = { ...machine, stateDoubt: async () => 'C:\\ProgramData\\MARS Readiness Wizard may be written by S-1-5-32-545' };
    await expect(resumeFix(doubted)).rejects.toThrow(
      /is not acted on: C:\\ProgramData\\MARS Readiness Wizard may be written by S-1-5-32-545/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'relocation-journal.json'), 'utf8'))).toEqual(journal);
    expect(readFileSync(join(dir, 'registry.json'), 'utf8')).toBe(registry);
  });
  it('does not act on a journal that does not describe this machine, naming the file and what to do', async () => {
    const { dir, machine, plan } = await setup();
    await writeJournal(join(dir, 'relocation-journal.json'), openJournal(plan, { createdFolders: ['E:\\Shares'] }));
    await expect(resumeFix(machine)).rejects.toThrow(
      /does not match this machine: it claims to have made E:\\Shares.*Nothing was done.*--discard/,
    );
  });
  it('changes nothing when the state folder cannot be protected', async () => {
    const { dir, machine, plan } = await setup();
    const registry = readFileSync(join(dir, 'registry.json'), 'utf8');
    const unprotected = {
      ...machine,
      protectStateDir: async () => {
        throw new Error('icacls failed: exit 5');
      },
    };
    await expect(runFix(plan, unprotected)).rejects.toThrow(
      "the wizard's state folder could not be protected (icacls failed: exit 5); nothing was changed",
    );
    expect(readFileSync(join(dir, 'registry.json'), 'utf8')).toBe(registry);
    expect(await resumeFix(machine)).toBeNull();
  });

  it('stops before it stops the engine when a backup has started since the plan was made', async () => {
    const { dir, machine, plan } = await setup();
    const busy = { ...machine, backupJob: async () => ({ running: true as const, since: '2026-12-01T22:00:00.000Z' }) };
    const result = await runFix(plan, busy);
    expect(result).toMatchObject({
      outcome: 'rolled-back',
      error: 'a backup started at 2026-12-01T22:00:00.000Z; wait until it has finished',
    });
    expect(result.journal.steps).toEqual({ 'stop-service': 'started' });
    expect(JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')).obengine).toBe('running');
    expect(await readScratch(machine)).toEqual(plan.previous);
  });
  it('does not copy while a System State disk is mounted, found just before the copy', async () => {
    const { machine, plan } = await setup();
    const mounted = { ...machine, systemStateDisks: async () => ['CBSSBVol_7f3a'] };
    const result = await runFix(plan, mounted);
    expect(result.outcome).toBe('rolled-back');
    expect(result.error).toContain('CBSSBVol_7f3a is mounted: unmount the CBSSBVol_<ID> disks in Disk Management first');
    expect(result.journal.steps.copy).toBe('started');
    expect(await readScratch(machine)).toEqual(plan.previous);
  });
});
