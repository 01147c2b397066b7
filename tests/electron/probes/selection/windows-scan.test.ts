// The Windows selection scan without Windows: the enumeration's output (as ENUMERATION_SCRIPT prints it:
// UTF-8, CRLF, one line per entry worth reporting) replayed into the real scanner, and every attribute
// combination the agent cares about decoded. The fixture is written in that format by hand, with the
// attribute values Windows documents; the PowerShell itself can only run on Windows (Wine's is a stub).
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFolders } from '../../../../electron/probes/selection/scanner.js';
import {
  parseEnumerationLine,
  scanWindowsFolder,
  skipKindsOf,
  type LineSource,
} from '../../../../electron/probes/selection/windows-scan.js';

const FIXTURE = readFileSync(new URL('../../../fixtures/windows/enumeration-finance.txt', import.meta.url), 'utf8');

/** Replays recorded output line by line, as PowerShell would print it, then exits with `exitCode`. */
function replay(text: string, exitCode = 0, calls: { args: string[]; env: Record<string, string> }[] = []): LineSource {
  return async (_command, args, { env, onLine }) => {
    calls.push({ args, env });
    for (const line of text.split('\n')) onLine(line);
    return { exitCode, failure: null };
  };
}

describe('decoding one entry', () => {
  const cases: [string, number, string, string[]][] = [
    ['a plain file', 0x20, '', []],
    ['a hard link', 0x20, 'HardLink', ['hardLinks']],
    ['a symbolic link to a file', 0x420, 'SymbolicLink', ['reparsePoints']],
    ['a junction', 0x410, 'Junction', ['reparsePoints']],
    ['a mount point', 0x410, 'MountPoint', ['reparsePoints']],
    ['a deduplicated file (a sparse reparse point)', 0x620, 'Other', ['reparsePoints']],
    ['a OneDrive file not on this disk (recall on data access)', 0x401620, 'Cloud', ['cloudPlaceholders']],
    ['a placeholder recalled on open', 0x40020, '', ['cloudPlaceholders']],
    ['an offline file', 0x1020, '', ['cloudPlaceholders']],
    ['a file both encrypted and sparse', 0x4220, '', ['encryptedSparse']],
    ['a hard link both encrypted and sparse', 0x4220, 'HardLink', ['hardLinks', 'encryptedSparse']],
    ['an encrypted file (supported)', 0x4020, '', []],
    ['a compressed file (supported)', 0x820, '', []],
    ['a sparse file (supported)', 0x220, '', []],
    ['a compressed sparse file (supported)', 0xa20, '', []],
  ];
  for (const [what, attributes, kind, expected] of cases) {
    it(`${what}: ${expected.join(' and ') || 'nothing skipped'}`, () => expect(skipKindsOf({ attributes, kind })).toEqual(expected));
  }
  it('reads each kind of line, a path with a tab whole, and ignores what is not ours', () => {
    expect(parseEnumerationLine('E\t4220\t65536\t\tD:\\a\tb.dat\r')).toEqual({
      type: 'entry',
      attributes: 0x4220,
      size: 65536,
      kind: '',
      path: 'D:\\a\tb.dat',
    });
    expect(parseEnumerationLine('U\tD:\\Privé\tAccess is denied.')).toEqual({
      type: 'unreadable',
      path: 'D:\\Privé',
      reason: 'Access is denied.',
    });
    expect(parseEnumerationLine('T\t12\t345\t0')).toEqual({ type: 'total', files: 12, bytes: 345, hardLinksCounted: false });
    expect(parseEnumerationLine('P\t5000\t1\tD:\\x')).toEqual({ type: 'progress', files: 5000, bytes: 1, current: 'D:\\x' });
    for (const junk of ['', 'WARNING: x', 'E\tzz\t1\t\tD:\\x', 'T\tmany\t1\t1', 'E\t20\t-\t\tD:\\x'])
      expect(parseEnumerationLine(junk)).toBeNull();
  });
});

describe('the Windows scan, replayed', () => {
  it('counts every kind, keeps examples with the kind of reparse point, lists the unreadable folder, reports progress', async () => {
    const calls: { args: string[]; env: Record<string, string> }[] = [];
    const progress: number[] = [];
    const [scan] = await scanFolders(['D:\\Shares\\Finance'], {
      enumeration: 'windows',
      startPowershell: replay(FIXTURE, 0, calls),
      onProgress: (p) => progress.push(p.files),
    });
    // The folder reaches PowerShell in the environment, never inside the script.
    expect(calls[0]!.env).toEqual({ MARS_SCAN_ROOT: 'D:\\Shares\\Finance' });
    expect(calls[0]!.args.join(' ')).not.toContain('Finance');
    expect(scan!.files).toBe(5123);
    expect(scan!.bytes).toBe(987654321);
    expect(scan!.counts).toEqual({ hardLinks: 2, reparsePoints: 5, encryptedSparse: 1, cloudPlaceholders: 2 });
    expect(scan!.examples.reparsePoints).toEqual([
      'D:\\Shares\\Finance\\Ancien dossier (junction)',
      'D:\\Shares\\Finance\\Volume monté (mount point)',
      'D:\\Shares\\Finance\\Lien vers Archive (symbolic link)',
      'D:\\Shares\\Finance\\raccourci.txt (symbolic link)',
      'D:\\Shares\\Finance\\dédupliqué.vhdx (other reparse point)',
    ]);
    expect(scan!.examples.encryptedSparse).toEqual(['D:\\Shares\\Finance\\chiffré creux.dat']);
    expect(scan!.unreadable).toEqual({ count: 1, examples: ['D:\\Shares\\Finance\\Privé'] });
    expect(scan!.unseen).toMatch(/^not counted: compressed and sparse streams/);
    expect(progress).toEqual([5000, 5123]);
  });

  it('says hard links were not counted when this PowerShell cannot tell them', async () => {
    const [scan] = await scanFolders(['D:\\Shares\\Finance'], {
      enumeration: 'windows',
      startPowershell: replay(FIXTURE.replace('T\t5123\t987654321\t1', 'T\t5123\t987654321\t0')),
    });
    expect(scan!.counts.hardLinks).toBeUndefined();
    expect(scan!.unseen).toMatch(/hard links \(this PowerShell cannot tell them\)/);
  });

  it('walks the folder itself, saying what it could not see, when PowerShell is missing or stops early', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mars win-scan-'));
    writeFileSync(join(root, 'a.txt'), 'abc');
    symlinkSync(join(root, 'a.txt'), join(root, 'lien'));
    const missing: LineSource = async () => ({ exitCode: null, failure: 'powershell.exe is not available on this machine' });
    const [walked] = await scanFolders([root], { enumeration: 'windows', startPowershell: missing });
    expect({ files: walked!.files, bytes: walked!.bytes, links: walked!.counts.reparsePoints }).toEqual({ files: 1, bytes: 3, links: 1 });
    expect(walked!.unseen).toMatch(/cloud placeholders were not looked for.*\(powershell\.exe is not available on this machine\)/);
    const [cut] = await scanFolders([root], { enumeration: 'windows', startPowershell: replay('E\t20\t4096\tHardLink\tD:\\x', 1) });
    expect(cut!.unseen).toMatch(/PowerShell stopped before it had listed .* \(exit 1\)/);
    expect(cut!.files).toBe(1);
  });

  it('stops a PowerShell that prints nothing for too long', async () => {
    const silent: LineSource = (_c, _a, { signal }) =>
      new Promise((resolve) => signal.addEventListener('abort', () => resolve({ exitCode: null, failure: null })));
    await expect(scanWindowsFolder('D:\\Stuck', { start: silent, idleTimeoutMs: 50 })).rejects.toThrow(
      /PowerShell printed nothing for 50 ms while listing D:\\Stuck/,
    );
  });

  it('is cancelled by its signal, stopping PowerShell', async () => {
    const stop = new AbortController();
    let stopped = false;
    const endless: LineSource = (_c, _a, { signal, onLine }) =>
      new Promise((resolve) => {
        onLine('P\t5000\t1\tD:\\x');
        stop.abort();
        signal.addEventListener('abort', () => {
          stopped = true;
          resolve({ exitCode: null, failure: null });
        });
        if (signal.aborted) {
          stopped = true;
          resolve({ exitCode: null, failure: null });
        }
      });
    const [scan] = await scanFolders(['D:\\Big'], { enumeration: 'windows', startPowershell: endless, signal: stop.signal });
    expect(scan!.cancelled).toBe(true);
    expect(stopped).toBe(true);
  });
});
