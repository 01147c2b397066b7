// A sandbox's recorded selection (machine.json `selection`) in the main process: appInfo offers it to the
// wizard, and the wizard's scan never uses it unless the request names it - an empty request scans no
// selection at all. The CLI, which names no selection without --select, still gets the recorded one.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/api/handlers.js';
import { openSandboxMachine } from '../../../electron/machine/sandbox/sandbox-adapter.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import type { AppInfo, ScanOutcome, ScanRequest } from '../../../shared/api/wizard-api.js';

const dir = mkdtempSync(join(tmpdir(), 'mars recorded-selection-'));
cpSync(join(process.cwd(), 'samples', 'sandboxes', 'cache-on-c'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const recorded = JSON.parse(readFileSync(join(dir, 'machine.json'), 'utf8')).selection as { paths: string[]; systemState: boolean };
const request: ScanRequest = { edition: 'current', paths: [], systemState: false, uploadMbps: null, cachePath: null, offline: true };

describe('a sandbox’s recorded selection', () => {
  it('is offered by appInfo, as machine.json records it', async () => {
    const handlers = createHandlers({ mode: 'browser', machine: await openSandboxMachine(dir), emitProgress: () => {} });
    const info = await handlers.appInfo();
    expect(info.ok && (info.value as AppInfo).recordedSelection).toEqual(recorded);
    expect(recorded.paths).toContain('E:\\Shares');
  });
  it('is not scanned when the wizard asks for no selection, and is when it names it', async () => {
    const handlers = createHandlers({ mode: 'browser', machine: await openSandboxMachine(dir), emitProgress: () => {} });
    const none = await handlers.scan(request);
    expect(none.ok).toBe(true);
    expect(none.ok ? (none.value as ScanOutcome).profile.selection : 'no profile').toBeUndefined();
    const named = await handlers.scan({ ...request, ...recorded });
    const selection = named.ok ? (named.value as ScanOutcome).profile.selection : null;
    expect(selection?.items.map((i) => i.path)).toEqual(recorded.paths);
    expect(selection?.systemState).toBe(recorded.systemState);
  });
  it('is still the selection of a collection that names none (the CLI without --select)', async () => {
    const { profile } = await collectProfile({ machine: await openSandboxMachine(dir), offline: true, selection: null });
    expect(profile.selection?.items.map((i) => i.path)).toEqual(recorded.paths);
  });
});
