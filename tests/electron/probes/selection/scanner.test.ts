// The scanner over real trees: hard links, symbolic links, sparse files, deep nesting, names with spaces
// and non-ASCII, an unreadable folder; its counts against find's on a generated tree; cancel. What needs
// Linux (a sparse file from truncate, POSIX permissions, setpriv, GNU find, the lstat enumeration that is
// the default only off Windows) runs only on Linux.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFolders } from '../../../../electron/probes/selection/scanner.js';
import { cliInProcess } from '../../../helpers/cli.js';
import { isSparse, walk } from '../../../../electron/probes/selection/walk.js';

const onLinux = process.platform === 'linux';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'mars scan é-'));
  let deep = root;
  for (let i = 0; i < 40; i++) deep = join(deep, `niveau ${i}`);
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, 'profond.txt'), 'x'.repeat(100));
  mkdirSync(join(root, 'Données partagées'));
  writeFileSync(join(root, 'Données partagées', 'budget 2026.xlsx'), 'y'.repeat(1000));
  linkSync(join(root, 'Données partagées', 'budget 2026.xlsx'), join(root, 'lien dur.xlsx'));
  symlinkSync(join(root, 'Données partagées'), join(root, 'raccourci'));
  symlinkSync('/nonexistent', join(root, 'cassé'));
  writeFileSync(join(root, 'trou.vhd'), '');
  truncateSync(join(root, 'trou.vhd'), 64 * 1024 * 1024);
  return root;
}

describe('walk', () => {
  it.runIf(onLinux)('counts files, bytes and every kind MARS skips, with examples, never following links', () => {
    const root = tree();
    const result = walk(root);
    expect(result.files).toBe(4); // profond, budget, lien dur, trou
    expect(result.bytes).toBe(100 + 1000 + 1000 + 64 * 1024 * 1024);
    expect(result.counts).toEqual({ hardLinks: 2, reparsePoints: 2, sparseStreams: 1 });
    expect(result.examples.sparseStreams).toEqual([join(root, 'trou.vhd')]);
    expect(result.examples.reparsePoints!.sort()).toEqual([join(root, 'cassé'), join(root, 'raccourci')]);
    expect(result.unreadable.count).toBe(0);
  });
  it('tells sparse files by their allocated blocks', () => {
    expect(isSparse(64 * 1024 * 1024, 0)).toBe(true);
    expect(isSparse(5000, 8)).toBe(false);
    expect(isSparse(40, 0)).toBe(false); // inline data in the inode: no block, no hole
    expect(isSparse(0, 0)).toBe(false);
  });
  it.runIf(onLinux)('counts and lists an unreadable folder, and goes on', () => {
    const root = tree();
    const locked = join(root, 'verrouillé');
    mkdirSync(locked);
    writeFileSync(join(locked, 'secret'), 's');
    chmodSync(locked, 0o000);
    chmodSync(root, 0o755);
    // Root reads every folder; walk as an unprivileged user where this runs as root.
    const isRoot = process.getuid?.() === 0;
    const script = `import(${JSON.stringify(new URL('../../../../dist/electron/probes/selection/walk.js', import.meta.url).href)}).then((m) => process.stdout.write(JSON.stringify(m.walk(${JSON.stringify(root)}))))`;
    let parent = root;
    while (parent !== '/') {
      chmodSync(parent, 0o755);
      parent = join(parent, '..');
      if (parent === tmpdir()) break;
    }
    const out = isRoot
      ? execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script], {
          encoding: 'utf8',
          timeout: 20_000,
        })
      : execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    const result = JSON.parse(out);
    chmodSync(locked, 0o755);
    expect(result.unreadable).toEqual({ count: 1, examples: [locked] });
    expect(result.files).toBe(4);
  });
  it('stops when cancelled', () => {
    const root = mkdtempSync(join(tmpdir(), 'mars-cancel-'));
    for (let i = 0; i < 2000; i++) writeFileSync(join(root, `f${i}`), '');
    expect(walk(root, { cancelled: () => true }).cancelled).toBe(true);
  });
});

describe('scanFolders agrees with find', () => {
  it.runIf(onLinux)('gives the same files, bytes, hard links, links and sparse files as find -printf', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mars-find-'));
    for (let d = 0; d < 30; d++) {
      const dir = join(root, `dossier ${d}`, 'sous dossier');
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 50; f++) writeFileSync(join(dir, `f ${f}.bin`), Buffer.alloc((d * 50 + f) % 7000));
      if (d % 3 === 0) linkSync(join(dir, 'f 1.bin'), join(dir, 'lien'));
      if (d % 5 === 0) symlinkSync(dir, join(root, `raccourci ${d}`));
      if (d % 7 === 0) {
        writeFileSync(join(dir, 'creux'), '');
        truncateSync(join(dir, 'creux'), 1 << 20);
      }
    }
    const find = spawnSync('find', [root, '-printf', '%y %n %s %b\\n'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .map((l) => l.split(' '));
    const files = find.filter(([type]) => type === 'f');
    const expected = {
      files: files.length,
      bytes: files.reduce((s, [, , size]) => s + Number(size), 0),
      hardLinks: files.filter(([, links]) => Number(links) > 1).length,
      reparsePoints: find.filter(([type]) => type === 'l').length,
      sparseStreams: files.filter(([, , size, blocks]) => isSparse(Number(size), Number(blocks))).length,
    };
    const progress: number[] = [];
    const [scan] = await scanFolders([root], { onProgress: (p) => progress.push(p.files) });
    expect({ files: scan!.files, bytes: scan!.bytes, ...scan!.counts }).toEqual(expected);
    expect(expected.hardLinks).toBeGreaterThan(0);
    expect(expected.sparseStreams).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(expected.files);
  });
  it('is cancelled by its signal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mars-cancel-'));
    for (let i = 0; i < 3000; i++) writeFileSync(join(root, `f${i}`), '');
    const stop = new AbortController();
    stop.abort();
    const [scan] = await scanFolders([root], { signal: stop.signal });
    expect(scan!.cancelled).toBe(true);
  });
});

describe('check --select', () => {
  it.runIf(onLinux)('lists example paths of each skipped kind in the report, from the live scan', async () => {
    const root = tree();
    const result = await cliInProcess(['check', '--select', root, '--json', '--offline']);
    const skipped = JSON.parse(result.stdout).findings.find((f: { check: string }) => f.check === 'files.skipped');
    expect(skipped.status).toBe('warn');
    expect(skipped.detail).toContain(`1 sparse stream (such as ${join(root, 'trou.vhd')})`);
    expect(skipped.detail).toMatch(/2 hard links \(such as .*(lien dur|budget 2026)\.xlsx, .*\.xlsx\)/);
    expect(skipped.fix.steps.at(-1)).toMatch(/^Look at the example paths above/);
  });

  it("shows a sandbox's examples as the Windows paths they stand for", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mars sandbox-'));
    cpSync(new URL('../../../../samples/sandboxes/cache-on-c/', import.meta.url).pathname, dir, { recursive: true });
    symlinkSync('../Shares', join(dir, 'drives', 'E', 'Shares', 'Raccourci vers Shares'));
    const result = await cliInProcess(['check', '--sandbox', dir, '--json']);
    const skipped = JSON.parse(result.stdout).findings.find((f: { check: string }) => f.check === 'files.skipped');
    expect(skipped.detail).toContain('(such as E:\\Shares\\Raccourci vers Shares)');
  });
});

describe('walks sharing one queue of subfolders', () => {
  it('cover every folder exactly once between them, however unevenly the folders are filled', () => {
    const root = mkdtempSync(join(tmpdir(), 'mars-queue-'));
    // One large folder and many small ones: the queue hands each to whichever walk is free.
    const sizes = [400, 1, 2, 3, 0, 5, 8, 13, 21, 34];
    for (const [i, files] of sizes.entries()) {
      mkdirSync(join(root, `s${i}`, 'deeper'), { recursive: true });
      for (let f = 0; f < files; f++) writeFileSync(join(root, `s${i}`, f % 2 ? 'deeper' : '', `f${f}`), 'x');
    }
    const subfolders = sizes.map((_, i) => join(root, `s${i}`));
    let next = 0;
    const nextRoot = () => subfolders[next++];
    // Interleaved as threads would be: each walk takes one folder at a time from the same queue.
    const a = walk(root, { roots: [], nextRoot });
    const b = walk(root, { roots: [], nextRoot });
    expect(a.files + b.files).toBe(sizes.reduce((s, n) => s + n, 0));
    expect(next).toBe(subfolders.length + 2);
  });
});
