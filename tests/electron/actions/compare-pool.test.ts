// The worker pool's two comparisons: a copy equal to its original, and a copy that is the start of its
// original (what a rollback may delete: a copy cut short by a crash or a Stop loses nothing the original
// does not hold). Spans past the worker's 1 MiB buffer, so that a chunk boundary is crossed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ComparePool } from '../../../electron/actions/compare-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'mars compare-'));
const pool = new ComparePool(2);
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const MiB = 1 << 20;
const original = Buffer.alloc(2 * MiB + 12_345);
for (let i = 0; i < original.length; i++) original[i] = (i * 7919) % 251;
const ORIGINAL = join(dir, 'original.bin');
writeFileSync(ORIGINAL, original);
function file(name: string, bytes: Buffer): string {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
}
function changedAt(bytes: Buffer, at: number): Buffer {
  const changed = Buffer.from(bytes);
  changed[at]! ^= 0xff;
  return changed;
}

describe('startsTheSame: the copy is the start of its original', () => {
  it('holds for a full copy, a copy cut short past a chunk boundary, and an empty one', async () => {
    expect(await pool.startsTheSame(ORIGINAL, file('full', original))).toBe(true);
    expect(await pool.startsTheSame(ORIGINAL, file('short', original.subarray(0, MiB + 5)))).toBe(true);
    expect(await pool.startsTheSame(ORIGINAL, file('empty', Buffer.alloc(0)))).toBe(true);
  });
  it('fails for one byte changed in the first or a later chunk, or at the very end', async () => {
    expect(await pool.startsTheSame(ORIGINAL, file('first', changedAt(original, 0)))).toBe(false);
    expect(await pool.startsTheSame(ORIGINAL, file('later', changedAt(original.subarray(0, MiB + 5), MiB + 4)))).toBe(false);
    expect(await pool.startsTheSame(ORIGINAL, file('last', changedAt(original, original.length - 1)))).toBe(false);
  });
  it('fails for a copy longer than its original, and when the original is gone', async () => {
    expect(await pool.startsTheSame(ORIGINAL, file('longer', Buffer.concat([original, Buffer.from('x')])))).toBe(false);
    expect(await pool.startsTheSame(join(dir, 'gone.bin'), file('orphan', original.subarray(0, 10)))).toBe(false);
  });
  it('rejects, naming the file, when the copy cannot be read', async () => {
    await expect(pool.startsTheSame(ORIGINAL, join(dir, 'no such copy'))).rejects.toThrow(/no such copy/);
  });
});

describe('compare: the copy equals its original', () => {
  it('holds for an equal copy only: not a prefix, not one changed byte', async () => {
    expect(await pool.compare(ORIGINAL, join(dir, 'full'))).toEqual({ equal: true, size: original.length });
    expect((await pool.compare(ORIGINAL, join(dir, 'short'))).equal).toBe(false);
    expect((await pool.compare(ORIGINAL, join(dir, 'last'))).equal).toBe(false);
  });
});
