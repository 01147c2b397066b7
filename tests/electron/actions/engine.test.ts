// The engine in process, on a sandbox: cancelling rolls back; an interrupted journal blocks a new move.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError, resumeRelocation, runRelocation } from '../../../electron/actions/relocate-engine.js';
import { sandboxRelocationMachine } from '../../../electron/actions/sandbox-relocation.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import { SandboxMachine } from '../../../electron/sandbox/sandbox-machine.js';
import { planRelocation } from '../../../shared/actions/relocate-plan.js';

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'mars-engine-'));
  cpSync(new URL('../../../samples/sandboxes/registry-mismatch/', import.meta.url).pathname, dir, { recursive: true });
  const sandbox = await SandboxMachine.open(dir);
  const { profile } = await collectProfile({ sandbox, offline: true });
  const planned = planRelocation({ profile, to: 'D:\\MARS Cache', target: null, offlineSeeding: false });
  if (!planned.ok) throw new Error(planned.problems.join(' '));
  return { dir, machine: sandboxRelocationMachine(sandbox), plan: planned.plan };
}

describe('the relocation engine', () => {
  it('mends disagreeing registry values by moving the cache from the folder Config names', async () => {
    const { dir, machine, plan } = await setup();
    expect(plan.previous).toEqual({
      scratchLocation: 'D:\\MARS Scratch',
      providerScratchLocation: 'C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch\\',
    });
    const result = await runRelocation(plan, machine);
    expect(result.outcome).toBe('moved');
    expect(await machine.readScratch()).toEqual({ scratchLocation: 'D:\\MARS Cache', providerScratchLocation: 'D:\\MARS Cache' });
    expect(JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')).obengine).toBe('running');
  });
  it('undoes everything when cancelled, restoring even the disagreeing values as they were', async () => {
    const { machine, plan } = await setup();
    const stop = new AbortController();
    const steps: string[] = [];
    const result = await runRelocation(plan, machine, {
      signal: stop.signal,
      onStep: (step, state) => {
        steps.push(`${step}:${state}`);
        if (step === 'copy' && state === 'running') stop.abort();
      },
    });
    expect(result).toMatchObject({ outcome: 'rolled-back', error: expect.stringMatching(/cancelled/) });
    expect(await machine.readScratch()).toEqual(plan.previous);
    expect(steps).toContain('rollback:undone');
  });
  it('refuses to start while an interrupted move is open, and resume closes it', async () => {
    const { dir, machine, plan } = await setup();
    const { writeJournal } = await import('../../../electron/actions/journal.js');
    await writeJournal(join(dir, 'relocation-journal.json'), {
      version: 1,
      plan,
      startedAt: new Date().toISOString(),
      state: 'running',
      outcome: null,
      steps: { 'stop-service': 'done', copy: 'started' },
      verified: false,
      createdTarget: true,
      manifest: null,
      error: null,
    });
    await expect(runRelocation(plan, machine)).rejects.toThrow(EngineError);
    expect((await resumeRelocation(machine))?.outcome).toBe('rolled-back');
    expect(await resumeRelocation(machine)).toBeNull();
  });

  it('does not act on an open journal the machine cannot vouch for, and leaves it and the machine as they are', async () => {
    const { dir, machine, plan } = await setup();
    const registry = readFileSync(join(dir, 'registry.json'), 'utf8');
    const { writeJournal } = await import('../../../electron/actions/journal.js');
    const planted = { ...plan, to: 'C:\\Windows\\System32' };
    const journal = {
      version: 1 as const,
      plan: planted,
      startedAt: new Date().toISOString(),
      state: 'running' as const,
      outcome: null,
      steps: { 'stop-service': 'done' as const, copy: 'done' as const },
      verified: false,
      createdTarget: true,
      manifest: null,
      error: null,
    };
    await writeJournal(join(dir, 'relocation-journal.json'), journal);
    const doubted = { ...machine, journalDoubt: async () => 'C:\\ProgramData\\MARS Readiness Wizard may be written by S-1-5-32-545' };
    await expect(resumeRelocation(doubted)).rejects.toThrow(
      /is not acted on: C:\\ProgramData\\MARS Readiness Wizard may be written by S-1-5-32-545/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'relocation-journal.json'), 'utf8'))).toEqual(journal);
    expect(readFileSync(join(dir, 'registry.json'), 'utf8')).toBe(registry);
  });

  it('changes nothing when the journal folder cannot be protected', async () => {
    const { dir, machine, plan } = await setup();
    const registry = readFileSync(join(dir, 'registry.json'), 'utf8');
    const unprotected = {
      ...machine,
      prepareJournalFolder: async () => {
        throw new Error('icacls failed: exit 5');
      },
    };
    await expect(runRelocation(plan, unprotected)).rejects.toThrow(
      "the journal's folder could not be protected (icacls failed: exit 5); nothing was changed",
    );
    expect(readFileSync(join(dir, 'registry.json'), 'utf8')).toBe(registry);
    expect(await resumeRelocation(machine)).toBeNull();
  });
});
