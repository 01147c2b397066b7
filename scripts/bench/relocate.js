// npm run bench:relocate - the cache move's copy, verification included (copyTree + verifyTree, as the
// engine runs them: every byte of every file compared), against `cp -a` of the same generated
// cache, medians of several runs, the source in the page cache for both. A moved cache must be on disk before the registry names it, so both sides end
// with their data flushed: `cp -a` then `sync`, and the engine's copy (which flushes every file) then
// `sync`. The progress reporting is on, as in the wizard and the CLI: every progress event goes through
// the throughput and time-left reckoning and a line is formatted once a second. Budget (DESIGN.md): at
// least 0.9 of cp -a's throughput. BENCH_GB (default 2) sets the cache's size.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { copyTree, verifyTree } = await import(`${root}dist/electron/actions/copy-tree.js`);
const { ProgressRate } = await import(`${root}dist/shared/actions/progress-rate.js`);
const { copyLine } = await import(`${root}dist/electron/cli/fix.js`);
const gigabytes = Number(process.env.BENCH_GB ?? 2);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const fileSize = 512 * 1024;
const files = Math.round((gigabytes * 2 ** 30) / fileSize);

const work = mkdtempSync(join(tmpdir(), 'mars-bench-relocate-'));
const source = join(work, 'Scratch');
console.log(`generating a cache of ${files} files, ${gigabytes} GB, in ${source}...`);
const block = Buffer.alloc(fileSize);
for (let i = 0; i < files; i++) {
  const dir = join(source, `Recovery Points ${Math.floor(i / 500)}`);
  if (i % 500 === 0) mkdirSync(dir, { recursive: true });
  block.writeUInt32LE(i, 0); // distinct content per file
  for (let j = 4; j < 4096; j += 4) block.writeUInt32LE((i * 2654435761 + j) >>> 0, j);
  writeFileSync(join(dir, `chunk-${i}.bin`), block);
}
spawnSync('cp', ['-a', source, join(work, 'warm')]); // warm the page cache
rmSync(join(work, 'warm'), { recursive: true, force: true });

const cp = [];
const ours = [];
for (let run = 0; run < runs; run++) {
  const a = join(work, `cp-${run}`);
  spawnSync('sync'); // start both from a clean slate: nothing of the last run left to write
  let start = process.hrtime.bigint();
  spawnSync('cp', ['-a', source, a], { stdio: 'inherit' });
  spawnSync('sync');
  cp.push(Number(process.hrtime.bigint() - start) / 1e9);
  rmSync(a, { recursive: true, force: true });

  const b = join(work, `ours-${run}`);
  spawnSync('sync');
  start = process.hrtime.bigint();
  const rate = new ProgressRate();
  let events = 0;
  let shown = 0;
  let last = '';
  const manifest = await copyTree(source, b, {
    onProgress: (p) => {
      events++;
      const reading = rate.update(p);
      if (Date.now() - shown >= 1000) {
        shown = Date.now();
        last = copyLine(reading);
      }
    },
  });
  if (run === 0) console.log(`  progress: ${events} events, last line shown: ${last || '(the copy took under a second)'}`);
  const { problems } = await verifyTree(source, b, manifest);
  spawnSync('sync');
  ours.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (problems.length > 0) throw new Error(`verification failed: ${problems[0]}`);
  rmSync(b, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

const mb = (gigabytes * 1024) / 1;
const cpRate = mb / median(cp);
const ourRate = mb / median(ours);
console.log(`cache move, median of ${runs} runs over ${files} files (${gigabytes} GB), source in the page cache, data flushed to disk:`);
console.log(`  cp -a; sync (reference)           ${median(cp).toFixed(2)} s   ${cpRate.toFixed(0)} MB/s`);
console.log(`  copy + verify (every byte compared) ${median(ours).toFixed(2)} s   ${ourRate.toFixed(0)} MB/s`);
console.log(
  `ratio: ${(ourRate / cpRate).toFixed(2)} of cp -a's throughput   ${ourRate / cpRate >= 0.9 ? 'within' : 'UNDER'} the 0.9 budget`,
);
