// The selection scan's progress on its way to the wizard: the walk says how far it is at least every
// 200 ms whatever the files (a slow share still moves), and the handlers pass the latest figures on at
// least twice a second and at most four times, the last of them before the step says it is done.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, latestEvery, SELECTION_PROGRESS_MS } from '../../../electron/api/handlers.js';
import { linuxMachine } from '../../../electron/machine/linux/linux-machine.js';
import { walk } from '../../../electron/probes/selection/walk.js';
import type { ScanProgress } from '../../../shared/api/wizard-api.js';
import { sample } from '../../helpers/profiles.js';

afterEach(() => vi.useRealTimers());

describe('the walk', () => {
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), 'mars-progress-'));
    for (let d = 0; d < 8; d++) {
      mkdirSync(join(root, `d${d}`));
      for (let f = 0; f < 200; f++) writeFileSync(join(root, `d${d}`, `f${f}`), 'x');
    }
    return root;
  };
  it('reports by the clock too, not only every few thousand files', () => {
    const root = tree();
    try {
      const byClock: number[] = [];
      walk(root, { progressEvery: 1e9, progressIntervalMs: 0, onProgress: (p) => byClock.push(p.files) });
      // Once a folder and once per 128 entries when every moment is due; the last one is the total.
      expect(byClock.length).toBeGreaterThan(10);
      expect(byClock.at(-1)).toBe(1600);
      expect([...byClock].sort((a, b) => a - b)).toEqual(byClock);
      const never: number[] = [];
      walk(root, { progressEvery: 1e9, progressIntervalMs: 1e9, onProgress: (p) => never.push(p.files) });
      expect(never).toEqual([1600]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('latestEvery', () => {
  it('sends the first at once, then the newest once per interval, and flushes the last', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const figures = latestEvery(250, (n: number) => sent.push(n));
    for (let i = 1; i <= 100; i++) {
      figures.push(i);
      vi.advanceTimersByTime(10);
    }
    // 1 second: the first at once, then one each 250 ms.
    expect(sent[0]).toBe(1);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(5);
    figures.push(101);
    figures.flush();
    expect(sent.at(-1)).toBe(101);
    figures.push(102);
    figures.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent.at(-1)).toBe(101);
  });
});

describe('the scan handler', () => {
  it('passes the figures on at least twice a second, at most four times, the last before the step is done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const progress: { at: number; p: ScanProgress }[] = [];
    const handlers = createHandlers({
      mode: 'browser',
      machine: linuxMachine(),
      emitProgress: (p) => progress.push({ at: Date.now(), p }),
      collect: async (options) => {
        options.onProgress?.({ step: 'selection', state: 'running' });
        // Three seconds of a scan reporting every 20 ms (as four worker threads do).
        for (let i = 1; i <= 150; i++) {
          options.onScanProgress?.({ files: i * 100, bytes: i * 4096, filesPerSecond: 5000, current: `D:\\Data\\folder ${i}` });
          await vi.advanceTimersByTimeAsync(20);
        }
        options.onProgress?.({ step: 'selection', state: 'done' });
        return { profile: sample('cache-problems'), notes: [] };
      },
    });
    const started = Date.now();
    const result = await handlers.scan({
      edition: 'current',
      paths: ['D:\\Data'],
      systemState: false,
      uploadMbps: null,
      cachePath: null,
      offline: true,
    });
    expect(result.ok).toBe(true);
    const figures = progress.filter((x) => x.p.selection);
    for (let second = 0; second < 3; second++) {
      const inIt = figures.filter((x) => x.at - started >= second * 1000 && x.at - started < (second + 1) * 1000);
      expect(inIt.length, `second ${second}`).toBeGreaterThanOrEqual(2);
      expect(inIt.length, `second ${second}`).toBeLessThanOrEqual(1000 / SELECTION_PROGRESS_MS + 1);
    }
    const done = progress.findIndex((x) => x.p.step === 'selection' && x.p.state === 'done');
    expect(progress.slice(done).some((x) => x.p.selection)).toBe(false);
    expect(progress[done - 1]!.p.selection).toEqual({
      files: 15000,
      bytes: 150 * 4096,
      filesPerSecond: 5000,
      current: 'D:\\Data\\folder 150',
    });
  });
});
