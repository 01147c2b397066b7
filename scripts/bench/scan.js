// npm run bench:scan - the selection scanner against `find <tree> -printf '%n %s %b\n'` over a generated
// tree of BENCH_FILES files (default 200,000) and one twice as large, warm cache, medians of several runs;
// the scanner's peak memory for both (it should stay flat as the tree doubles). Budget: at least two
// thirds of find's speed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const base = Number(process.env.BENCH_FILES ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
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
for (const files of [base, base * 2]) {
  const tree = join(work, `tree-${files}`);
  console.log(`generating ${files.toLocaleString('en-US')} files...`);
  generate(tree, files);
  time('find', [tree, '-printf', '%n %s %b\n']); // warm the cache
  const findTimes = [];
  const scanTimes = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    findTimes.push(time('find', [tree, '-printf', '%n %s %b\n']).seconds);
    const scan = time(process.execPath, [scannerFile, tree]);
    const out = JSON.parse(scan.stdout);
    if (out.files !== files) throw new Error(`the scanner counted ${out.files} files, not ${files}`);
    scanTimes.push(scan.seconds);
    rss = Math.max(rss, out.rss);
  }
  rows.push({ files, find: median(findTimes), scan: median(scanTimes), rss });
  rmSync(tree, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

console.log(`selection scan, median of ${runs} runs, warm cache (budget: at least 0.67 of find's speed):`);
for (const r of rows) {
  const ratio = r.find / r.scan;
  console.log(
    `  ${r.files.toLocaleString('en-US').padStart(9)} files   find ${r.find.toFixed(2)} s   scanner ${r.scan.toFixed(2)} s   speed ${ratio.toFixed(2)} of find ${ratio >= 2 / 3 ? 'within' : 'UNDER'}   peak memory ${(r.rss / 1024).toFixed(0)} MB`,
  );
}
console.log(`peak memory when the tree doubles: x${(rows[1].rss / rows[0].rss).toFixed(2)}`);
