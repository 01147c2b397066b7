// npm run bench:check - the median wall time of `check --profile` on a sample, next to the time Node
// itself takes to start and exit (the reference measured in the same run). Budget: within 1.5x of Node's
// own start-up (DESIGN.md), and under 500 ms. bin/mars-readiness.js runs the one-file bundle with its code
// cache (npm run build makes both); `npm run bench:cli` measures the Windows exe under Wine the same way.
import { fileURLToPath } from 'node:url';
import { median, row, timeRuns } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const bin = `${root}bin/mars-readiness.js`;
const profile = `${root}samples/profiles/pre-install.json`;

timeRuns(process.execPath, [bin, 'check', '--profile', profile, '--json'], 2); // warm the file cache
const node = median(timeRuns(process.execPath, ['-e', ''], runs));
const check = median(timeRuns(process.execPath, [bin, 'check', '--profile', profile, '--json'], runs));
const text = median(timeRuns(process.execPath, [bin, 'check', '--profile', profile], runs));

console.log(`check --profile, median of ${runs} runs (budget: 1.5x of node -e "", and 500 ms)`);
console.log(row('node -e "" (reference: Node start-up)', node));
console.log(row('mars-readiness check --profile --json', check));
console.log(row('mars-readiness check --profile (text)', text));
const ratio = check / node;
console.log(
  `ratio check/node: ${ratio.toFixed(2)} (${ratio <= 1.5 ? 'within' : 'OVER'} 1.5x)   ${check < 500 ? 'within' : 'OVER'} the 500 ms budget`,
);
