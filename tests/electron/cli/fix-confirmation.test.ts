// What `fix` shows before it runs and while it runs: the figures measured on the machine (size, files, free
// space before and after, the time estimate from a timed read), the registry values from what to what,
// what was checked, the steps in words; progress with throughput and time left, never a step id.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyLine, runFixAction } from '../../../electron/cli/fix.js';
import { measureCache } from '../../../electron/services/measure-cache.js';
import { ProgressRate } from '../../../shared/actions/progress-rate.js';
import { cliProcess, flat } from '../../helpers/cli.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const CACHE = ['drives', 'C', 'Program Files', 'Microsoft Azure Recovery Services Agent', 'Scratch'];

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mars confirm-'));
  roots.push(dir);
  cpSync(new URL('../../../samples/sandboxes/cache-on-c/', import.meta.url).pathname, dir, { recursive: true });
  // A cache big enough to measure: 40 files of 1 MB beside the sample's own.
  const chunks = join(dir, ...CACHE, 'Recovery Points');
  mkdirSync(chunks, { recursive: true });
  for (let i = 0; i < 40; i++) writeFileSync(join(chunks, `chunk ${i}.vhd`), Buffer.alloc(2 ** 20, i));
  return dir;
}

describe('fix relocate-cache, before it runs', () => {
  it('shows the figures measured on the machine, the changes and the checks, in words', async () => {
    const dir = sandbox();
    const result = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\MARS Cache', '--dry-run']);
    expect(result.code).toBe(0);
    expect(flat(result.stdout)).toMatch(/The cache holds 4\d(\.\d+)? MB in 4[89] files\./);
    expect(flat(result.stdout)).toMatch(/D: has [\d.]+ GB free now, about [\d.]+ GB once the copy is there\./);
    expect(flat(result.stdout)).toMatch(
      /Copying and checking it should take (about \d+ seconds?|under a second) \(from reading [\d.]+ [KMG]?B of the cache at [\d.]+ [KMG]?B\/s just now\), plus the time the backup engine takes to stop and start\./,
    );
    expect(flat(result.stdout)).toContain('The backup engine is stopped all that time');
    expect(flat(result.stdout)).toContain(
      'Registry: HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\ScratchLocation: C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch -> D:\\MARS Cache',
    );
    expect(flat(result.stdout)).toContain('- The new folder is not inside the data selected for backup.');
    expect(flat(result.stdout)).not.toMatch(/\bset-registry\b|\bstop-service\b/);
    const json = JSON.parse(
      (await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\MARS Cache', '--dry-run', '--json'])).stdout,
    );
    expect(json.figures.cacheFiles).toBe(48);
    expect(json.figures.estimate.sampledBytes).toBeGreaterThan(0);
    expect(json.selectedPaths).toEqual(['E:\\Shares']);
  });

  it('refuses a folder inside what --select names, with the sentence, and changes nothing', async () => {
    const dir = sandbox();
    // The selected folder is there (one that is not is refused before anything else: select-missing.test.ts).
    mkdirSync(join(dir, 'drives', 'D', 'Data'), { recursive: true });
    const result = await cliProcess([
      'fix',
      'relocate-cache',
      '--sandbox',
      dir,
      '--to',
      'D:\\Data\\Cache',
      '--select',
      'D:\\Data',
      '--yes',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('D:\\Data\\Cache lies inside D:\\Data, which is selected for backup');
  });

  it('asks before it runs, and without a terminal wants --yes', async () => {
    const dir = sandbox();
    let asked = '';
    const out: string[] = [];
    const code = await runFixAction(
      'relocate-cache',
      { sandbox: dir, to: 'D:\\MARS Cache' },
      { stdout: (t) => out.push(t), stderr: (t) => (asked += t), interactive: true, env: {}, ask: async () => 'n' },
    );
    expect(code).toBe(1);
    expect(asked).toContain('The cache holds');
    expect(asked).toContain('Nothing was changed.');
    // Nothing to do is not a refusal: exit 0, and no question asked.
    const nothing = await cliProcess(['fix', 'start-engine', '--sandbox', dir]);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain('Nothing to do: The backup engine is already running.');
  });
});

describe('fix relocate-cache, while it runs', () => {
  it('prints the copy in bytes and files, with throughput and time left, and every step in words', async () => {
    const dir = sandbox();
    const result = await cliProcess(['fix', 'relocate-cache', '--sandbox', dir, '--to', 'D:\\MARS Cache', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\d+ of \d+ files, [\d.]+ [KMG]?B of [\d.]+ [KMG]?B/);
    expect(result.stderr).toContain('ok   Copy the cache');
    expect(result.stderr).toContain('ok   Point the agent at the copy');
    expect(result.stderr).not.toMatch(/\b(stop-service|set-registry|start-service|reprobe)\b/);
  });

  it('reckons a progress line from the events: throughput once there is a rate, time left while files remain', () => {
    let now = 0;
    const rate = new ProgressRate(() => now);
    rate.update({ files: 0, totalFiles: 100, bytes: 0, totalBytes: 100 * 2 ** 20 });
    now = 2000;
    const line = copyLine(rate.update({ files: 20, totalFiles: 100, bytes: 20 * 2 ** 20, totalBytes: 100 * 2 ** 20 }));
    expect(line).toBe('20 of 100 files, 20 MB of 100 MB, 10 MB/s, about 8 seconds left');
  });

  it('measures the cache it will copy: every file counted, a timed sample read', async () => {
    const dir = sandbox();
    const measured = await measureCache(join(dir, ...CACHE));
    expect(measured.files).toBe(48);
    expect(measured.bytes).toBeGreaterThanOrEqual(40 * 2 ** 20);
    expect(measured.sampledBytes).toBeGreaterThan(0);
    expect(measured.sampledBytes).toBeLessThanOrEqual(measured.bytes);
    expect(measured.readBytesPerSecond).toBeGreaterThan(0);
  });
});
