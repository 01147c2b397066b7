// The fix handlers over a sandbox machine: a fix request is checked field by field; a training failpoint
// (MARS_READINESS_FAILPOINT) works in web --sandbox, and the outcome says what was put back; a real
// machine never honours one.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/api/handlers.js';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { windowsMachine } from '../../../electron/machine/windows/windows-machine.js';
import type { FixPlan } from '../../../shared/actions/fix-plan.js';
import {
  ALREADY_FIXED,
  FIX_RUNNING_ELSEWHERE,
  type AppInfo,
  type FixOutcome,
  type FixProgress,
  type ScanOutcome,
  type ScanRequest,
} from '../../../shared/api/wizard-api.js';
import { acquireLock } from '../../../electron/actions/machine-lock.js';
import { journalPath, writeJournal } from '../../../electron/actions/journal.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
afterEach(() => delete process.env.MARS_READINESS_FAILPOINT);

const request: ScanRequest = { edition: 'current', paths: [], systemState: false, uploadMbps: null, cachePath: null, offline: true };

async function sandboxHandlers(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `mars handlers ${name}-`));
  roots.push(dir);
  cpSync(new URL(`../../../samples/sandboxes/${name}/`, import.meta.url).pathname, dir, { recursive: true });
  const progress: FixProgress[] = [];
  const handlers = createHandlers({
    mode: 'browser',
    machine: await openSandboxMachine(dir),
    emitProgress: () => {},
    emitFixProgress: (p) => progress.push(p),
  });
  return { dir, handlers, progress };
}

/** Plans a fix through the handlers; its plan, or the refusal. */
async function planned(handlers: Awaited<ReturnType<typeof sandboxHandlers>>['handlers'], request: unknown) {
  const answer = await handlers.planFix(request);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as { ok: true; plan: FixPlan } | { ok: false; problems: string[]; fixed?: boolean };
}

describe('two windows on one machine', () => {
  it('a fix running elsewhere (its lock held) is said as running, never as interrupted, with no command or path', async () => {
    const { dir, handlers } = await sandboxHandlers('cache-on-c');
    const plan = await planned(handlers, { action: 'relocate-cache', to: 'D:\\MARS Cache' });
    if (!plan.ok) throw new Error(plan.problems.join(' '));
    // What a move in progress leaves: its open record, and the machine-wide lock its process holds.
    await writeJournal(journalPath(dir), {
      version: 3,
      plan: plan.plan,
      startedAt: new Date().toISOString(),
      state: 'running',
      outcome: null,
      steps: { 'stop-service': 'done', copy: 'started' },
      verified: false,
      createdFolders: [plan.plan.to!],
      manifest: [],
      stoppedService: true,
      error: null,
    });
    const lock = await acquireLock(dir, 'moving the cache');
    try {
      const info = (await handlers.appInfo()) as { ok: true; value: AppInfo };
      expect(info.value).toMatchObject({ fixRunning: true, pending: null });
      expect(await handlers.runFix(plan.plan, request)).toEqual({ ok: false, error: { code: 'busy', message: FIX_RUNNING_ELSEWHERE } });
    } finally {
      await lock.release();
    }
    // Once its process is gone, the same record is an interrupted fix - said without a command or a file's path.
    const info = (await handlers.appInfo()) as { ok: true; value: AppInfo };
    expect(info.value.fixRunning).toBe(false);
    expect(info.value.pending?.message).toBe(
      'An interrupted move of the cache from C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch to D:\\MARS Cache must be finished or undone first.',
    );
  });

  it('refuses to plan a fix for a finding that passes on the machine as it is now (another window fixed it)', async () => {
    const { handlers } = await sandboxHandlers('cache-on-c');
    // The sandbox's own selection, as chosen on "What to back up": how much room the cache needs is known.
    const selected: ScanRequest = { ...request, paths: ['E:\\Shares'], systemState: true };
    const scanned = await handlers.scan(selected);
    const freeSpace = () =>
      scanned.ok && (scanned.value as ScanOutcome).report.findings.find((f) => f.check === 'cache.free-space')?.status;
    expect(freeSpace()).toBe('fail');
    const move = { action: 'relocate-cache', to: 'D:\\MARS Cache', finding: { check: 'cache.free-space', subject: null } };
    const first = await planned(handlers, move);
    if (!first.ok) throw new Error(first.problems.join(' '));
    const done = await handlers.runFix(first.plan, selected);
    expect(done.ok && (done.value as FixOutcome).outcome).toBe('done');
    expect(done.ok && (done.value as FixOutcome).after.report.findings.find((f) => f.check === 'cache.free-space')?.status).toBe('pass');
    // A stale window, still showing the full C:, asks for the same move again.
    expect(await planned(handlers, { ...move, to: 'E:\\Cache' })).toEqual({ ok: false, problems: [ALREADY_FIXED], fixed: true });
    // Without a finding (a move chosen on its own), planning goes on as before.
    const unasked = await planned(handlers, { action: 'relocate-cache', to: 'E:\\Cache2' });
    expect(unasked.ok ? [] : unasked.problems).not.toContain(ALREADY_FIXED);
    // The finding is validated like every argument.
    expect(await handlers.planFix({ ...move, finding: { check: 'cache.everything', subject: null } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});

describe('the fix handlers', () => {
  const bad: [string, unknown, RegExp][] = [
    ['an unknown action', { action: 'format-disk', to: null }, /action must be one of relocate-cache, point-registry, start-engine/],
    ['a move without a folder', { action: 'relocate-cache', to: null }, /target folder/],
    ['a folder for start-engine', { action: 'start-engine', to: 'D:\\X' }, /start-engine takes no folder/],
    ['an extra field', { action: 'start-engine', to: null, elevate: true }, /a field it should not: elevate/],
    ['a string', 'relocate-cache', /must be an object/],
  ];
  for (const [name, value, message] of bad)
    it(`refuses ${name} before it plans anything`, async () => {
      const { handlers } = await sandboxHandlers('engine-stopped');
      expect(await handlers.planFix(value)).toEqual({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringMatching(message) },
      });
    });

  it('shows a failure and its rollback in training, then a retry succeeds', async () => {
    const { dir, handlers, progress } = await sandboxHandlers('registry-swapped');
    const planned = await handlers.planFix({ action: 'point-registry', to: null });
    if (!planned.ok) throw new Error(planned.error.message);
    const plan = (planned.value as { ok: true; plan: FixPlan }).plan;
    process.env.MARS_READINESS_FAILPOINT = 'set-registry:error';
    const failed = await handlers.runFix(plan, request);
    expect(failed.ok && (failed.value as FixOutcome)).toMatchObject({
      outcome: 'rolled-back',
      action: 'point-registry',
      error: 'failpoint: the step "set-registry" failed on purpose',
    });
    expect(progress.map((p) => `${p.step}:${p.state}`)).toContain('rollback:undone');
    const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'));
    expect(registry['HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'].ScratchLocation.data).toMatch(/Scratch\\$/);
    delete process.env.MARS_READINESS_FAILPOINT;
    const retried = await handlers.runFix(plan, request);
    const outcome = retried.ok ? (retried.value as FixOutcome) : null;
    expect(outcome).toMatchObject({ outcome: 'done', action: 'point-registry', to: 'D:\\MARS Scratch' });
    expect(outcome!.after.report.findings.find((f) => f.check === 'cache.registry')?.status).toBe('pass');
  });

  it('never honours a failpoint on a real machine', () => {
    expect(
      windowsMachine({
        run: async () => ({
          exitCode: 0,
          stdout: Buffer.alloc(0),
          stderr: Buffer.alloc(0),
          timedOut: false,
          missing: false,
          failure: null,
        }),
      }).failpoints,
    ).toBe(false);
  });
});
