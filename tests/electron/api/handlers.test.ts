// The main process's handlers: every argument validated whoever sent it, results never thrown, one scan
// at a time, cancellable, progress reported.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/api/handlers.js';
import { linuxMachine } from '../../../electron/machine/linux/linux-machine.js';
import type { Collected, CollectOptions } from '../../../electron/probes/collect.js';
import { CollectCancelled } from '../../../electron/probes/collect.js';
import type { ScanProgress, ScanRequest } from '../../../shared/api/wizard-api.js';
import { sample } from '../../helpers/profiles.js';

const request: ScanRequest = {
  edition: 'current',
  paths: ['D:\\Data'],
  systemState: false,
  uploadMbps: null,
  cachePath: null,
  offline: true,
};

function setup(collect?: (o: CollectOptions) => Promise<Collected>) {
  const progress: ScanProgress[] = [];
  const seen: CollectOptions[] = [];
  const handlers = createHandlers({
    mode: 'browser',
    machine: linuxMachine(),
    emitProgress: (p) => progress.push(p),
    collect:
      collect ??
      (async (options) => {
        seen.push(options);
        options.onProgress?.({ step: 'system', state: 'running' });
        options.onProgress?.({ step: 'system', state: 'done' });
        return { profile: sample('cache-problems'), notes: [] };
      }),
  });
  return { handlers, progress, seen };
}

describe('handlers', () => {
  it('scans, passing the request to the probes and reporting progress', async () => {
    const { handlers, progress, seen } = setup();
    const result = await handlers.scan(request);
    expect(result.ok && (result.value as { report: { verdict: string } }).report.verdict).toBe('not-ready');
    expect(seen[0]).toMatchObject({ offline: true, selection: { paths: ['D:\\Data'], systemState: false } });
    expect(progress.map((p) => `${p.step}:${p.state}`)).toEqual(['system:running', 'system:done', 'report:running', 'report:done']);
  });
  const bad: [string, unknown[], RegExp][] = [
    ['a missing argument', [], /takes 1 argument/],
    ['an unknown field', [{ ...request, shell: 'rm -rf /' }], /unknown field "shell"/],
    ['a bad edition', [{ ...request, edition: '2020' }], /edition must be/],
    ['paths that are not a list', [{ ...request, paths: 'C:\\' }], /paths must be a list/],
    ['a NUL in a path', [{ ...request, paths: ['C:\\a\0b'] }], /NUL/],
    ['a negative bandwidth', [{ ...request, uploadMbps: -1 }], /uploadMbps/],
    ['a non-object', ['scan everything'], /must be an object/],
  ];
  for (const [name, args, message] of bad) {
    it(`refuses ${name} without probing`, async () => {
      const { handlers, seen } = setup();
      const result = await handlers.scan(...args);
      expect(result).toEqual({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(message) } });
      expect(seen).toHaveLength(0);
    });
  }
  it('runs one scan at a time and cancels the running one', async () => {
    let calls = 0;
    const { handlers } = setup(
      (options) =>
        new Promise((resolve, reject) => {
          // The first scan waits to be cancelled; the next one finishes at once.
          if (calls++ > 0) return resolve({ profile: sample('healthy-server'), notes: [] });
          options.signal?.addEventListener('abort', () => reject(new CollectCancelled()));
        }),
    );
    const first = handlers.scan(request);
    expect(await handlers.scan(request)).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await handlers.cancelScan()).toEqual({ ok: true, value: null });
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await handlers.scan(request)).ok).toBe(true);
  });
  it('evaluates an opened profile, and names what is wrong with a bad one', async () => {
    const { handlers } = setup();
    const good = await handlers.evaluateProfile(JSON.stringify(sample('old-os')), '2019-02');
    expect(good.ok && (good.value as { report: { matrix: { edition: string } } }).report.matrix.edition).toBe('2019-02');
    const bad = await handlers.evaluateProfile('{"schemaVersion":1,"os":{"family":"dos"},"volumes":[]}', 'current');
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-profile', message: expect.stringMatching(/\/os\/family/) } });
    expect(await handlers.evaluateProfile(42, 'current')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
  it('says in one sentence that a readiness report opened as a profile is a report, by its shape', async () => {
    const { handlers } = setup();
    const sentence =
      'This file is a readiness report, not a machine profile: open the profile (made by "collect", or saved from the wizard\'s Report page).';
    const scanned = await handlers.scan(request);
    const report = scanned.ok ? (scanned.value as { report: object }).report : null;
    for (const text of [JSON.stringify(report), '{"findings":[],"verdict":"ready"}', '{"tool":{"name":"x"},"counts":{}}'])
      expect(await handlers.evaluateProfile(text, 'current')).toEqual({ ok: false, error: { code: 'invalid-profile', message: sentence } });
  });
  it('re-checks by examining the machine afresh, and refuses an unknown check id', async () => {
    const { handlers, seen } = setup();
    const result = await handlers.recheck(request, 'cache.registry');
    // The whole report, made from a new probe of the machine for the same request.
    expect(seen).toHaveLength(1);
    expect(result.ok && (result.value as { report: { findings: { check: string }[] } }).report.findings.map((f) => f.check)).toContain(
      'cache.registry',
    );
    expect(await handlers.recheck(request, 'cache.everything')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
  it('says the native dialogs are unsupported in browser mode, and checks file names', async () => {
    const { handlers } = setup();
    expect(await handlers.pickFolder()).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await handlers.saveFile({ suggestedName: 'r.html', content: '<p>', kind: 'html' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await handlers.saveFile({ suggestedName: '..\\..\\evil.exe', content: '', kind: 'html' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
  it('turns a probe crash into an internal error, not an exception', async () => {
    const { handlers } = setup(async () => {
      throw new Error('disk on fire');
    });
    expect(await handlers.scan(request)).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/disk on fire/) },
    });
  });
});
