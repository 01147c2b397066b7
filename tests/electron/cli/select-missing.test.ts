// A folder named with --select that is not there is bad input: check and collect say so by name before
// anything is probed (exit 2, nothing on stdout), on a sandbox (a copy) as on this machine.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli.js';

const sandbox = mkdtempSync(join(tmpdir(), 'mars select-missing-'));
cpSync(new URL('../../../samples/sandboxes/cache-on-c', import.meta.url), sandbox, { recursive: true });
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('--select of a folder that does not exist', () => {
  it.each(['check', 'collect'])('%s refuses it by name, with exit status 2', async (command) => {
    const result = await cliInProcess([command, '--sandbox', sandbox, '--offline', '--select', 'D:\\NoSuchFolder']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.replace(/\s+/g, ' ')).toBe(
      'mars-readiness: The folder to back up D:\\NoSuchFolder does not exist. Correct the path, or leave it out. ',
    );
  });

  it('names every one that is missing, and none that is there', async () => {
    const result = await cliInProcess([
      'check',
      '--sandbox',
      sandbox,
      '--offline',
      '--select',
      'D:\\Gone',
      '--select',
      'C:\\',
      '--select',
      'E:\\Nope',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('The folders to back up D:\\Gone and E:\\Nope do not exist.');
  });
});

describe('a sandbox, like Windows, ignores the case of a path', () => {
  it('finds E:\\Shares as e:\\shares', async () => {
    const result = await cliInProcess(['collect', '--sandbox', sandbox, '--offline', '--select', 'e:\\shares']);
    expect(result.code, result.stderr).toBe(0);
    const item = JSON.parse(result.stdout).selection.items[0];
    expect(item.path).toBe('e:\\shares');
    expect(item.fileCount).toBeGreaterThan(0);
  });
});
