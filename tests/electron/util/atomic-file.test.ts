// writeFileAtomically: whole or not at all. Over an existing file its old content stays until the new one
// is complete; on a disk with room for only part of the text (a 12 KB tmpfs, mounted where this runs as
// root on Linux) it fails with ENOSPC and leaves neither a cut-off file nor a temporary one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../electron/util/atomic-file.js';

describe('writeFileAtomically', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mars atomic-'));
    const file = join(dir, 'report.json');
    writeFileSync(file, 'old');
    await writeFileAtomically(file, 'x'.repeat(100_000));
    expect(readFileSync(file, 'utf8')).toHaveLength(100_000);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});

// A small disk of its own: only root can mount one, only Linux has tmpfs, and a container may forbid it.
const disk = mkdtempSync(join(tmpdir(), 'mars-full-disk-'));
const mounted =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', disk], { timeout: 10_000 }).status === 0;
if (!mounted)
  console.log('SKIPPED the full-disk test of writeFileAtomically: a 12 KB tmpfs could not be mounted (it needs root on Linux).');
afterAll(() => {
  if (mounted) spawnSync('umount', [disk], { timeout: 10_000 });
});

describe.runIf(mounted)('writeFileAtomically on a full disk', () => {
  it('fails with ENOSPC, keeps the old file as it was, and leaves no cut-off or temporary file', async () => {
    mkdirSync(join(disk, 'history'));
    const file = join(disk, 'history', 'report.json');
    writeFileSync(file, '{"old":true}');
    await expect(writeFileAtomically(file, 'y'.repeat(30_000))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    const fresh = join(disk, 'history', 'new.json');
    await expect(writeFileAtomically(fresh, 'z'.repeat(30_000))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(join(disk, 'history'))).toEqual(['report.json']);
  });
});
