// npm run bench:scan - the selection scanner against `find <tree> -printf '%n %s %b\n'` over a generated
// tree of BENCH_FILES files (default 200,000) and one twice as large, warm cache. Paired: find and the
// scanner run alternately, BENCH_RUNS pairs (default 7), and the speed is the median of the pairs' own
// ratios, so that a burst of load elsewhere falls on both sides of a pair rather than on one tool's runs.
// The scanner's peak memory for both trees (it should stay flat as the tree doubles). Budget: at least
// 0.8 of find's speed at 200,000 files, and find's own speed at 400,000. Then the first tree again while one
// other process keeps a core busy (a spinning Node), as on a server doing its own work: no budget, but the
// ratio is printed, since worker threads lose more to a busy machine than find's one thread does.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const base = Number(process.env.BENCH_FILES ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const work = mkdtempSync(join(tmpdir(), 'mars-bench-scan-'));
const scannerFile = join(work, 'scan.mjs');
const scanner = `import { scanFolders } from ${JSON.stringify(`${root}dist/electron/probes/selection/scanner.js`)};
const [r] = await scanFolders([process.argv[2]]);
process.stdout.write(JSON.stringify({ files: r.files, rss: process.resourceUsage().maxRSS }));`;
writeFileSync(scannerFile, scanner);

function generate(dir, files) {
  const content = Buffer.alloc(100);
  for (let i = 0; i < files; i++) {
    const folder = join(dir, `d${Math.floor(i / 1000)}`, `e${Math.floor(i / 100) % 10}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `f${i}`), content);
  }
}

function time(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout: result.stdout };
}

const rows = [];
for (const [files, busy] of [
  [base, false],
  [base * 2, false],
  [base, true],
]) {
  const tree = join(work, `tree-${files}`);
  console.log(`generating ${files.toLocaleString('en-US')} files...`);
  generate(tree, files);
  // The other process: one core kept busy for the whole of the pairs, stopped after them.
  const other = busy ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : null;
  time('find', [tree, '-printf', '%n %s %b\n']); // warm the cache
  const findTimes = [];
  const scanTimes = [];
  const ratios = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so that neither always meets the other's after-effects.
    const runFind = () => time('find', [tree, '-printf', '%n %s %b\n']).seconds;
    const runScan = () => {
      const scan = time(process.execPath, [scannerFile, tree]);
      const out = JSON.parse(scan.stdout);
      if (out.files !== files) throw new Error(`the scanner counted ${out.files} files, not ${files}`);
      rss = Math.max(rss, out.rss);
      return scan.seconds;
    };
    const [f, s] = i % 2 === 0 ? [runFind(), runScan()] : (([b, a]) => [a, b])([runScan(), runFind()]);
    findTimes.push(f);
    scanTimes.push(s);
    ratios.push(f / s);
  }
  other?.kill();
  rows.push({ files, busy, find: median(findTimes), scan: median(scanTimes), ratio: median(ratios), rss });
  rmSync(tree, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

console.log(
  `selection scan, ${runs} pairs, warm cache (budget: 0.8 of find's speed at ${base.toLocaleString('en-US')} files, 1.0 at twice that):`,
);
for (const [i, r] of rows.entries()) {
  const budget = r.busy ? null : i === 0 ? 0.8 : 1;
  const judged = budget === null ? '(no budget)' : r.ratio >= budget ? 'within' : 'UNDER';
  console.log(
    `  ${r.files.toLocaleString('en-US').padStart(9)} files${r.busy ? ', one other process busy' : ''}   find ${r.find.toFixed(2)} s   scanner ${r.scan.toFixed(2)} s (medians)   speed ${r.ratio.toFixed(2)} of find (median of pairs) ${judged}   peak memory ${(r.rss / 1024).toFixed(0)} MB`,
  );
}
console.log(`peak memory when the tree doubles: x${(rows[1].rss / rows[0].rss).toFixed(2)}`);
