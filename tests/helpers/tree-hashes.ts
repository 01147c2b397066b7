// Every file below a folder with its size and SHA-256, by relative path: what the fault tests compare to
// prove a tree unchanged (or a copy equal) after a move, a crash or a rollback.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listTree } from '../../electron/actions/copy-tree.js';

export interface TreeFile {
  path: string;
  size: number;
  sha256: string;
}

export async function treeHashes(root: string): Promise<TreeFile[]> {
  const files = (await listTree(root)).filter((e) => e.kind === 'file');
  return files.map((e) => {
    const bytes = readFileSync(join(root, e.rel));
    return { path: e.rel, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}
