// The history folder's names and default place (electron/services/report-history.ts).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultHistoryFolder,
  historyFileName,
  historyFolderOf,
  hostPart,
  keepInHistory,
  listHistory,
  latestReportOf,
} from '../../../electron/services/report-history.js';

describe('the history folder', () => {
  it('is under %ProgramData% on Windows, and nowhere by default elsewhere', () => {
    expect(defaultHistoryFolder('win32', { ProgramData: 'C:\\ProgramData' })).toMatch(/^C:\\ProgramData[\\/]MarsReadiness[\\/]history$/);
    expect(defaultHistoryFolder('linux', {})).toBeNull();
    expect(historyFolderOf('/srv/h', 'linux', {})).toBe('/srv/h');
    expect(() => historyFolderOf(true, 'linux', {})).toThrow(/--history needs a folder on this machine/);
  });

  it('names a file by its time and host, sortable, with nothing a file system refuses', () => {
    expect(historyFileName('2026-11-25T12:00:00Z', 'az-web-03', 'report')).toBe('2026-11-25T12-00-00.000Z_az-web-03.report.json');
    expect(historyFileName('2026-11-25T12:00:00.5+01:00', null, 'profile', 2)).toBe('2026-11-25T11-00-00.500Z-2_unnamed.profile.json');
    expect(hostPart('..\\evil/host:1')).toBe('__evil_host_1');
  });

  it('keeps two runs of one moment apart, in order, and finds the latest report of a host (a host may end in -2)', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'mars-history-')), 'h');
    const at = '2026-11-25T12:00:00.000Z';
    const a = await keepInHistory(folder, 'report', at, 'app-2', '{"n":1}');
    const b = await keepInHistory(folder, 'report', at, 'app-2', '{"n":2}');
    await keepInHistory(folder, 'report', '2026-11-25T11:00:00.000Z', 'other', '{}');
    expect(a).not.toBe(b);
    const runs = (await listHistory(folder)).filter((entry) => entry.host === 'app-2');
    expect(runs.map((entry) => entry.path)).toEqual([a, b]);
    expect(await latestReportOf(folder, 'app-2')).toEqual({ n: 2 });
    expect(await latestReportOf(folder, 'nobody')).toBeNull();
  });

  it('never overwrites a run: 40 kept at once for one moment and one host are 40 files, each whole, no temporary left', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'mars-history-')), 'h');
    const at = '2026-11-25T12:00:00.000Z';
    const paths = await Promise.all(Array.from({ length: 40 }, (_, n) => keepInHistory(folder, 'report', at, 'az-web-03', `{"n":${n}}`)));
    expect(new Set(paths).size).toBe(40);
    const names = readdirSync(folder);
    expect(names).toHaveLength(40);
    expect(names.map((name) => (JSON.parse(readFileSync(join(folder, name), 'utf8')) as { n: number }).n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, n) => n),
    );
    expect(names).toContain('2026-11-25T12-00-00.000Z-40_az-web-03.report.json');
  });
});
