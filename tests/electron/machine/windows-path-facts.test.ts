// The target folder's path facts on Windows, from what the script prints there (tests/fixtures/windows/
// path-facts-*.txt: UTF-8, CRLF), and from lstat where PowerShell does not answer.
import { describe, expect, it } from 'vitest';
import type { CommandResult, CommandRunner, RunOptions } from '../../../electron/probes/command-runner.js';
import { powershellArgs } from '../../../electron/probes/windows/powershell.js';
import {
  PATH_FACTS_SCRIPT,
  parsePathFacts,
  probeWindowsPathFacts,
  resolveDrivePath,
  type PathFactsFs,
} from '../../../electron/machine/windows/path-facts.js';
import { fixture } from '../../helpers/recorded.js';

interface Call {
  command: string;
  args: readonly string[];
  options: RunOptions;
}

function replay(answer: Partial<CommandResult>, calls: Call[] = []): CommandRunner {
  return async (command, args, options) => {
    calls.push({ command, args, options });
    return { exitCode: 0, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), timedOut: false, missing: false, failure: null, ...answer };
  };
}

const TIMED_OUT: Partial<CommandResult> = { exitCode: null, timedOut: true, failure: 'powershell.exe did not answer within 20 s' };

interface FakeEntry {
  dir?: boolean;
  link?: boolean;
  entries?: string[];
}

/** A file system keyed by lower-cased Windows path; `real` is what realpath answers for a path. */
function fakeFs(tree: Record<string, FakeEntry>, real: Record<string, string> = {}, realpathCalls: string[] = []): PathFactsFs {
  const get = (path: string) => tree[path.toLowerCase()];
  const enoent = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return {
    async lstat(path) {
      const entry = get(path);
      if (!entry) throw enoent(path);
      return { isDirectory: () => !entry.link && entry.dir === true, isSymbolicLink: () => entry.link === true };
    },
    async realpath(path) {
      realpathCalls.push(path);
      const answer = real[path.toLowerCase()];
      if (!answer) throw enoent(path);
      return answer;
    },
    async firstEntry(path) {
      const entry = get(path);
      if (!entry?.dir) throw Object.assign(new Error(`ENOTDIR: ${path}`), { code: 'ENOTDIR' });
      return entry.entries?.[0] ?? null;
    },
  };
}

/** An fs the test fails on when touched: PowerShell answered, so lstat must not be asked. */
const untouchable: PathFactsFs = {
  lstat: () => Promise.reject(new Error('lstat was asked although PowerShell answered')),
  realpath: () => Promise.reject(new Error('realpath was asked although PowerShell answered')),
  firstEntry: () => Promise.reject(new Error('firstEntry was asked although PowerShell answered')),
};

describe('resolveDrivePath', () => {
  it('resolves .. detours, . and forward slashes, and upper-cases the drive', () => {
    expect(resolveDrivePath('D:\\a\\..\\b')).toEqual({ ok: true, root: 'D:\\', parts: ['b'], path: 'D:\\b' });
    expect(resolveDrivePath(' d:/MARS Cache/./New//Folder/ ')).toMatchObject({ ok: true, path: 'D:\\MARS Cache\\New\\Folder' });
    expect(resolveDrivePath('E:\\')).toEqual({ ok: true, root: 'E:\\', parts: [], path: 'E:\\' });
  });
  it('refuses UNC, device, relative and drive-relative paths, a climb above the root, and wildcards', () => {
    for (const path of [
      '\\\\server\\share\\MARS',
      '//server/share',
      '\\\\?\\C:\\MARS',
      'MARS Cache',
      '\\MARS',
      'C:MARS',
      'C:\\..\\x',
      'D:\\a*',
    ])
      expect(resolveDrivePath(path), path).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(resolveDrivePath('D:\\Cache?')).toEqual({
      ok: false,
      reason: '"Cache?" holds "?", which Windows does not allow in a folder name',
    });
  });
});

describe('probeWindowsPathFacts with PowerShell answering', () => {
  it('gives a new folder under existing ones, a non-ASCII name intact, and hands the path over in the environment', async () => {
    const calls: Call[] = [];
    const path = 'D:\\MARS Cache\\Société\\New';
    const result = await probeWindowsPathFacts(replay({ stdout: fixture('path-facts-new-folder.txt') }, calls), path, { fs: untouchable });
    expect(result).toEqual({
      ok: true,
      facts: {
        existing: [
          { path: 'D:\\MARS Cache', attributes: 0x10 },
          { path: 'D:\\MARS Cache\\Société', attributes: 0x10 },
        ],
        longPath: 'D:\\MARS Cache\\Société\\New',
        exists: false,
        empty: null,
      },
    });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.command).toBe('powershell.exe');
    expect(Array.isArray(call!.args)).toBe(true);
    expect(call!.args).toEqual(powershellArgs(PATH_FACTS_SCRIPT));
    expect(call!.args.some((arg) => arg.includes('Société') || arg.includes('MARS Cache'))).toBe(false);
    expect(call!.options).toEqual({ timeoutMs: 20_000, env: { MARS_PATH: path } });
  });

  it('keeps the junction in the middle as Windows reports it, not what it points at', async () => {
    const result = await probeWindowsPathFacts(replay({ stdout: fixture('path-facts-junction.txt') }), 'D:\\Data\\Linked\\MARS\\New', {
      fs: untouchable,
    });
    expect(result.ok && result.facts.existing).toEqual([
      { path: 'D:\\Data', attributes: 0x10 },
      { path: 'D:\\Data\\Linked', attributes: 0x410 },
      { path: 'D:\\Data\\Linked\\MARS', attributes: 0x10 },
    ]);
    expect(result.ok && result.facts.longPath).toBe('D:\\Data\\Linked\\MARS\\New');
  });

  it('reads a compressed parent', async () => {
    const result = await probeWindowsPathFacts(replay({ stdout: fixture('path-facts-compressed.txt') }), 'c:\\compressed\\MARS Cache', {
      fs: untouchable,
    });
    expect(result).toEqual({
      ok: true,
      facts: {
        existing: [{ path: 'C:\\Compressed', attributes: 0x810 }],
        longPath: 'C:\\Compressed\\MARS Cache',
        exists: false,
        empty: null,
      },
    });
  });

  it('expands an 8.3 short name to the long one', async () => {
    const result = await probeWindowsPathFacts(replay({ stdout: fixture('path-facts-short-name.txt') }), 'C:\\PROGRA~1\\MARS', {
      fs: untouchable,
    });
    expect(result.ok && result.facts.existing).toEqual([{ path: 'C:\\Program Files', attributes: 0x11 }]);
    expect(result.ok && result.facts.longPath).toBe('C:\\Program Files\\MARS');
  });

  it('tells an existing folder that has entries', async () => {
    const result = await probeWindowsPathFacts(replay({ stdout: fixture('path-facts-existing.txt') }), 'D:\\Müller\\Cache', {
      fs: untouchable,
    });
    expect(result).toEqual({
      ok: true,
      facts: {
        existing: [
          { path: 'D:\\Müller', attributes: 0x10 },
          { path: 'D:\\Müller\\Cache', attributes: 0x2010 },
        ],
        longPath: 'D:\\Müller\\Cache',
        exists: true,
        empty: false,
      },
    });
  });

  it('walks the resolved path: a .. detour never reaches PowerShell', async () => {
    const calls: Call[] = [];
    await probeWindowsPathFacts(replay({ stdout: fixture('path-facts-compressed.txt') }, calls), 'C:\\Temp\\..\\Compressed/MARS Cache', {
      fs: untouchable,
      timeoutMs: 5000,
    });
    expect(calls[0]!.options).toEqual({ timeoutMs: 5000, env: { MARS_PATH: 'C:\\Compressed\\MARS Cache' } });
  });

  it('refuses a UNC or relative path without starting anything', async () => {
    const calls: Call[] = [];
    const run = replay({ stdout: fixture('path-facts-new-folder.txt') }, calls);
    expect(await probeWindowsPathFacts(run, '\\\\filer\\backup\\MARS', { fs: untouchable })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/network/),
    });
    expect(await probeWindowsPathFacts(run, 'MARS Cache\\New', { fs: untouchable })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/drive letter/),
    });
    expect(calls).toEqual([]);
  });
});

describe('probeWindowsPathFacts falling back to lstat', () => {
  const tree = {
    'd:\\': { dir: true, entries: ['LINKS~1'] },
    'd:\\links~1': { dir: true, entries: ['Cache'] },
    'd:\\links~1\\cache': { link: true, dir: true, entries: ['old'] },
  };
  const real = { 'd:\\links~1': 'D:\\Links Folder' };

  it('uses lstat when PowerShell times out, marking what it cannot tell', async () => {
    const realpathCalls: string[] = [];
    const result = await probeWindowsPathFacts(replay(TIMED_OUT), 'D:\\LINKS~1\\Cache\\New', { fs: fakeFs(tree, real, realpathCalls) });
    expect(result).toEqual({
      ok: true,
      facts: {
        existing: [
          { path: 'D:\\Links Folder', attributes: 0x10 },
          { path: 'D:\\Links Folder\\Cache', attributes: 0x410 },
        ],
        longPath: 'D:\\Links Folder\\Cache\\New',
        exists: false,
        empty: null,
        unknownAttributes: expect.stringMatching(/compression.*did not answer within 20 s/),
      },
    });
    // realpath would go through the link: only the part above it is asked.
    expect(realpathCalls).toEqual(['D:\\LINKS~1']);
  });

  it('uses lstat when the answer has no END', async () => {
    const fs = fakeFs({ 'd:\\': { dir: true }, 'd:\\mars cache': { dir: true } }, { 'd:\\mars cache': 'D:\\MARS Cache' });
    const result = await probeWindowsPathFacts(replay({ stdout: fixture('path-facts-truncated.txt') }), 'D:\\MARS Cache\\New', { fs });
    expect(result).toEqual({
      ok: true,
      facts: {
        existing: [{ path: 'D:\\MARS Cache', attributes: 0x10 }],
        longPath: 'D:\\MARS Cache\\New',
        exists: false,
        empty: null,
        unknownAttributes: expect.stringMatching(/stopped before its end/),
      },
    });
  });

  it("uses lstat when PowerShell prints nothing (Wine's stub) or exits non-zero, and tells an empty folder", async () => {
    const fs = fakeFs({ 'c:\\': { dir: true }, 'c:\\scratch': { dir: true, entries: [] } }, { 'c:\\scratch': 'C:\\Scratch' });
    for (const [answer, why] of [
      [{ stdout: Buffer.alloc(0) }, /printed nothing/],
      [{ exitCode: 1, stdout: Buffer.from('R\t1\r\n') }, /exited with code 1/],
    ] as const) {
      const result = await probeWindowsPathFacts(replay(answer), 'C:\\scratch', { fs });
      expect(result).toEqual({
        ok: true,
        facts: {
          existing: [{ path: 'C:\\Scratch', attributes: 0x10 }],
          longPath: 'C:\\Scratch',
          exists: true,
          empty: true,
          unknownAttributes: expect.stringMatching(why),
        },
      });
    }
  });

  it('keeps the names as typed when realpath leaves the drive (a mapped or subst drive)', async () => {
    const fs = fakeFs({ 'z:\\': { dir: true }, 'z:\\cache': { dir: true, entries: ['a'] } }, { 'z:\\cache': '\\\\filer\\share\\Cache' });
    const result = await probeWindowsPathFacts(replay(TIMED_OUT), 'Z:\\cache', { fs });
    expect(result).toMatchObject({
      ok: true,
      facts: { existing: [{ path: 'Z:\\cache', attributes: 0x10 }], longPath: 'Z:\\cache', empty: false },
    });
  });

  it('stops at a file and at a missing drive', async () => {
    const fs = fakeFs({ 'd:\\': { dir: true }, 'd:\\report.txt': {} });
    const file = await probeWindowsPathFacts(replay(TIMED_OUT), 'D:\\report.txt\\New', { fs });
    expect(file).toMatchObject({
      ok: true,
      facts: { existing: [{ path: 'D:\\report.txt', attributes: 0x80 }], exists: false, empty: null },
    });
    const drive = await probeWindowsPathFacts(replay(TIMED_OUT), 'Q:\\MARS', { fs });
    expect(drive).toMatchObject({ ok: true, facts: { existing: [], longPath: 'Q:\\MARS', exists: false, empty: null } });
  });
});

describe('parsePathFacts', () => {
  const text = (lines: string[]) => Buffer.from(lines.map((l) => `${l}\r\n`).join(''));

  it('reads a missing drive, and the root of an existing one', () => {
    expect(parsePathFacts(text(['R\t0', 'END']), 'Q:\\MARS')).toEqual({
      ok: true,
      facts: { existing: [], longPath: 'Q:\\MARS', exists: false, empty: null },
    });
    expect(parsePathFacts(text(['R\t1', 'E\t1', 'END']), 'E:\\')).toEqual({
      ok: true,
      facts: { existing: [], longPath: 'E:\\', exists: true, empty: true },
    });
  });

  it('ignores a stray line, but not a component that does not belong to the path', () => {
    expect(parsePathFacts(text(['WARNING: something', 'R\t1', 'C\t16\tD:\\MARS Cache', 'END']), 'D:\\MARS Cache')).toMatchObject({
      ok: true,
      facts: { exists: true, empty: null },
    });
    expect(parsePathFacts(text(['R\t1', 'C\t16\tD:\\Other\\MARS Cache', 'END']), 'D:\\MARS Cache')).toMatchObject({ ok: false });
    expect(parsePathFacts(text(['R\t1', 'C\t16\tD:\\a', 'C\t16\tD:\\a\\b', 'END']), 'D:\\a')).toMatchObject({ ok: false });
    expect(parsePathFacts(text(['C\t16\tD:\\a', 'END']), 'D:\\a')).toMatchObject({ ok: false });
  });

  it('refuses an answer that contradicts itself, and reads no emptiness for a path that does not exist', () => {
    expect(parsePathFacts(text(['R\t0', 'C\t16\tQ:\\MARS', 'END']), 'Q:\\MARS')).toMatchObject({ ok: false });
    expect(parsePathFacts(text(['R\t1', 'C\t16\tD:\\a', 'E\t1', 'END']), 'D:\\a\\b')).toMatchObject({
      ok: true,
      facts: { exists: false, empty: null },
    });
  });

  it('does not call a file empty', () => {
    expect(parsePathFacts(text(['R\t1', 'C\t32\tD:\\notes.txt', 'END']), 'D:\\notes.txt')).toMatchObject({
      ok: true,
      facts: { exists: true, empty: null },
    });
  });
});

describe('PATH_FACTS_SCRIPT', () => {
  it('prints UTF-8, reads the path from the environment, and lists entries rather than following them', () => {
    expect(PATH_FACTS_SCRIPT).toContain('[Console]::OutputEncoding = [Text.Encoding]::UTF8');
    expect(PATH_FACTS_SCRIPT).toContain('$env:MARS_PATH');
    expect(PATH_FACTS_SCRIPT).toContain('.GetFileSystemInfos($name)');
    expect(PATH_FACTS_SCRIPT).not.toMatch(/Get-Item|Resolve-Path|Convert-Path/);
  });
});
