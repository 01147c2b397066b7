// npm run bench:probe - the median wall time of `collect --offline` on this machine, next to Node's own
// start-up and `check --profile` (references measured in the same run). Budget: under 2 s.
import { fileURLToPath } from 'node:url';
import { median, row, timeRuns } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 9);
const bin = `${root}bin/mars-readiness.js`;

timeRuns(process.execPath, [bin, 'collect', '--offline'], 1);
const node = median(timeRuns(process.execPath, ['-e', ''], runs));
const check = median(
  timeRuns(process.execPath, [bin, 'check', '--profile', `${root}samples/profiles/healthy-server.json`, '--json'], runs),
);
const collect = median(timeRuns(process.execPath, [bin, 'collect', '--offline'], runs));
const checkLive = median(timeRuns(process.execPath, [bin, 'check', '--offline', '--json'], runs));

console.log(`collect --offline on this machine, median of ${runs} runs (budget 2000 ms)`);
console.log(row('node -e "" (reference: Node start-up)', node));
console.log(row('check --profile (reference: no probing)', check));
console.log(row('collect --offline', collect));
console.log(row('check --offline (probe and evaluate)', checkLive));
console.log(`ratio collect/node: ${(collect / node).toFixed(2)}   ${collect < 2000 ? 'within' : 'OVER'} the 2000 ms budget`);
