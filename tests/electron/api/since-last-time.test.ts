// "Since last time": with a history folder, each scan's report is kept there, and a scan compares itself
// with the latest report of this machine kept before the session (a second scan compares with the same
// one); without a folder, outcomes carry no comparison at all.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/api/handlers.js';
import { linuxMachine } from '../../../electron/machine/linux/linux-machine.js';
import type { ScanOutcome, ScanRequest } from '../../../shared/api/wizard-api.js';
import { sample } from '../../helpers/profiles.js';

const request: ScanRequest = { edition: 'current', paths: [], systemState: false, uploadMbps: null, cachePath: null, offline: true };

function handlersFor(historyDir: string | null, profile: string, at: string) {
  return createHandlers({
    mode: 'browser',
    machine: linuxMachine(),
    emitProgress: () => {},
    now: () => new Date(at),
    historyDir,
    // The same host in both samples, so that one is the other's "last time".
    collect: async () => ({ profile: { ...sample(profile), host: { ...sample(profile).host!, name: 'APP02' } }, notes: [] }),
  });
}

const scan = async (handlers: ReturnType<typeof handlersFor>) => {
  const result = await handlers.scan(request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ScanOutcome;
};

describe('since last time', () => {
  it('compares a scan with the report the wizard kept of this machine before, and keeps each one', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'mars-since-')), 'history');
    const first = await scan(handlersFor(folder, 'cache-problems', '2026-11-20T09:00:00Z'));
    expect(first.sinceLastTime).toBeNull();
    expect(readdirSync(folder)).toHaveLength(1);

    const session = handlersFor(folder, 'healthy-server', '2026-11-25T12:00:00Z');
    const second = await scan(session);
    expect(second.sinceLastTime!.from.generatedAt).toBe('2026-11-20T09:00:00.000Z');
    expect(second.sinceLastTime!.resolved.map((e) => e.check)).toEqual([
      'agent.service',
      'cache.registry',
      'cache.attributes',
      'cache.free-space',
    ]);
    // Checked again in the same session: still compared with the report from before it.
    const again = await scan(session);
    expect(again.sinceLastTime!.from.generatedAt).toBe('2026-11-20T09:00:00.000Z');
    expect(readdirSync(folder)).toHaveLength(3);
  });

  it('says nothing of history without a folder, and a folder that cannot be written does not stop the scan', async () => {
    expect('sinceLastTime' in (await scan(handlersFor(null, 'healthy-server', '2026-11-25T12:00:00Z')))).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'mars-since-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const outcome = await scan(handlersFor(join(file, 'history'), 'healthy-server', '2026-11-25T12:00:00Z'));
    expect(outcome.report.verdict).toBe('ready');
    expect(outcome.sinceLastTime).toBeNull();
  });
});
