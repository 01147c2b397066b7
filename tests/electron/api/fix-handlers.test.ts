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
import type { FixOutcome, FixProgress, ScanRequest } from '../../../shared/api/wizard-api.js';

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
