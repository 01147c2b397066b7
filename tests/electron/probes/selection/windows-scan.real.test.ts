// The Windows enumeration for real: only on Windows (the Windows workflow runs it), where PowerShell and
// NTFS are. Elsewhere it is skipped with the reason printed; windows-scan.test.ts replays its output.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFolders } from '../../../../electron/probes/selection/scanner.js';

const onWindows = process.platform === 'win32';
if (!onWindows)
  console.log('SKIPPED the real Windows enumeration test: it needs Windows (PowerShell and NTFS); the Windows workflow runs it.');

describe.skipIf(!onWindows)('the Windows enumeration, run by PowerShell on NTFS', () => {
  it('counts files and bytes, hard links and a junction, and leaves compressed files alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mars scan é-'));
    mkdirSync(join(root, 'Données'));
    writeFileSync(join(root, 'Données', 'budget 2026.xlsx'), 'y'.repeat(1000));
    linkSync(join(root, 'Données', 'budget 2026.xlsx'), join(root, 'lien dur.xlsx'));
    writeFileSync(join(root, 'compressé.log'), 'z'.repeat(5000));
    execFileSync('compact', ['/c', join(root, 'compressé.log')], { stdio: 'ignore', timeout: 30_000 });
    symlinkSync(join(root, 'Données'), join(root, 'Jonction'), 'junction');
    const [scan] = await scanFolders([root], { enumeration: 'windows' });
    expect(scan!.unseen).toMatch(/^not counted: compressed and sparse streams/); // PowerShell answered in full
    expect({ files: scan!.files, bytes: scan!.bytes }).toEqual({ files: 3, bytes: 7000 });
    expect(scan!.counts).toEqual({ hardLinks: 2, reparsePoints: 1, encryptedSparse: 0, cloudPlaceholders: 0 });
    expect(scan!.examples.reparsePoints).toEqual([`${join(root, 'Jonction')} (junction)`]);
  });
});
