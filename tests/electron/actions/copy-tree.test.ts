// The copy and its proof: every file copied with its times, and a verification that finds each way a copy
// can be wrong - a byte changed (same size), a byte changed past the first chunk read, a file shortened,
// missing or extra - whether the comparisons ran after the copy or while it went on.
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CopyVerifier, copyTree, listTree, verifyTree } from '../../../electron/actions/copy-tree.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const BIG = 3 * 1024 * 1024 + 17; // more than the comparison's 1 MiB chunk, and not a multiple of it

function original(): string {
  const root = mkdtempSync(join(tmpdir(), 'mars copy-'));
  roots.push(root);
  const from = join(root, 'Scratch');
  mkdirSync(join(from, 'Recovery Points', 'données été'), { recursive: true });
  mkdirSync(join(from, 'empty folder'));
  writeFileSync(join(from, 'small.bin'), 'metadata');
  writeFileSync(join(from, 'zero.bin'), '');
  const big = Buffer.alloc(BIG);
  for (let i = 0; i < big.length; i += 4093) big[i] = i % 251;
  writeFileSync(join(from, 'Recovery Points', 'données été', 'chunk 1.bin'), big);
  symlinkSync('small.bin', join(from, 'link to small'));
  utimesSync(join(from, 'small.bin'), new Date('2020-01-02T03:04:05Z'), new Date('2020-01-02T03:04:05Z'));
  return from;
}

/** A copy, damaged by `damage` (which gets a file of the copy) as soon as each file is written. */
async function copied(watch: boolean, damage: (rel: string, path: string) => void = () => undefined) {
  const from = original();
  const to = `${from} copy`;
  const verifier = new CopyVerifier(from, to);
  const files = await copyTree(from, to, {
    onFileCopied: (rel) => {
      damage(rel, join(to, rel));
      if (watch) verifier.compareSoon(rel);
    },
  });
  return { from, to, files, verify: () => verifier.verify(files).finally(() => verifier.close()) };
}

describe('copyTree', () => {
  it('copies every folder, file and link, keeping file times', async () => {
    const { from, to, files, verify } = await copied(false);
    await verify(); // only to stop its workers: the verification has its own tests below
    expect((await listTree(to)).map((e) => [e.rel, e.kind, e.size])).toEqual((await listTree(from)).map((e) => [e.rel, e.kind, e.size]));
    expect(files.map((f) => f.path)).toEqual(['Recovery Points/données été/chunk 1.bin', 'small.bin', 'zero.bin']);
    expect(statSync(join(to, 'small.bin')).mtime.toISOString()).toBe('2020-01-02T03:04:05.000Z');
    // Buffer.equals, not toEqual: a deep comparison of 3 MB element by element takes seconds.
    const chunk = ['Recovery Points', 'données été', 'chunk 1.bin'];
    expect(readFileSync(join(to, ...chunk)).equals(readFileSync(join(from, ...chunk)))).toBe(true);
  });
});

for (const watch of [false, true]) {
  describe(`verification, comparing ${watch ? 'while the copy goes on' : 'after the copy'}`, () => {
    it('passes an equal copy, counting every file and byte', async () => {
      const { verify } = await copied(watch);
      expect(await verify()).toEqual({ problems: [], files: 3, bytes: BIG + 'metadata'.length });
    });

    it('finds a byte changed in the last chunk of a large file, same size', async () => {
      const c = await copied(watch, (rel, path) => {
        if (!rel.endsWith('chunk 1.bin')) return;
        const bytes = readFileSync(path);
        bytes[BIG - 1]! ^= 1;
        writeFileSync(path, bytes);
      });
      expect((await c.verify()).problems).toEqual(['Recovery Points/données été/chunk 1.bin differs from the original']);
    });

    it('finds a shortened, a missing and an extra file', async () => {
      const c = await copied(watch);
      truncateSync(join(c.to, 'small.bin'), 3);
      unlinkSync(join(c.to, 'zero.bin'));
      appendFileSync(join(c.to, 'stray.tmp'), 'x');
      const { problems } = await c.verify();
      expect(await verifyTree(c.from, c.to, c.files)).toEqual({ problems, files: 1, bytes: BIG });
      expect(problems.sort()).toEqual([
        'small.bin has 3 bytes in the copy, 8 in the original',
        'stray.tmp is in the copy but not in the original',
        'zero.bin is missing from the copy',
      ]);
    });
  });
}
