// Scanning a sandbox, the progress names the folder being read as the Windows path it stands for
// (E:\Shares\...), never the folder on this machine that holds the sandbox; and the skipped kinds'
// examples the same way.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectProfile } from '../../../electron/probes/collect.js';
import { openMachine } from '../../../electron/machine/open-machine.js';

const dir = mkdtempSync(join(tmpdir(), 'mars sandbox-progress-'));
cpSync(new URL('../../../samples/sandboxes/cache-on-c', import.meta.url), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a sandbox scan', () => {
  it('reports progress in the Windows paths the sandbox stands for', async () => {
    // Enough folders and files for the scanner to report progress on its way.
    const big = join(dir, 'drives', 'E', 'Progress');
    for (let d = 0; d < 40; d++) {
      mkdirSync(join(big, `d${d}`), { recursive: true });
      for (let f = 0; f < 200; f++) writeFileSync(join(big, `d${d}`, `f${f}`), 'x');
    }
    const machine = await openMachine({ sandbox: dir });
    const seen: string[] = [];
    await collectProfile({
      machine,
      offline: true,
      selection: { paths: ['E:\\Progress'], systemState: false },
      onScanProgress: (p) => seen.push(p.current),
    });
    expect(seen.length).toBeGreaterThan(0);
    for (const current of seen) expect(current).toMatch(/^E:\\Progress(\\d\d+)?$/);
  }, 60_000);
});
