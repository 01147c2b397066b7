// npm run bench:cli - the start-up of mars-readiness.exe (npm run dist:cli) under Wine: the median wall time
// of `check --profile samples/profiles/healthy-server.json --json`, next to the Windows Node it is made from
// running `-e ""` (the reference), measured in pairs, the two alternating, on one fresh Wine prefix with a
// persistent wineserver (so that Wine's own start-up is the same for both). Budget (issue 16): within 1.5x.
// For comparison, the same check by that Windows Node from the unbundled build (dist/), when it is built.
// Prints, never asserts. BENCH_RUNS sets the number of pairs (default 11).
import { closeSync, existsSync, openSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distCli, EXE } from '../dist-cli/build.js';
import { loadWinePrefix } from '../dist-cli/wine-prefix.js';
import { median, row } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 11);
const BUDGET = 1.5;

const { createWineMachine, wineMissing, WINE, WINESERVER, z } = await loadWinePrefix();
const missing = wineMissing();
if (missing) {
  console.log(`SKIPPED bench:cli: ${missing}.`);
  process.exit(0);
}
await distCli({ ifStale: true });

const machine = createWineMachine();
try {
  // A Windows version Node supports (no NODE_SKIP_PLATFORM_CHECK), and one wineserver for every run.
  machine.wine(['winecfg', '/v', 'win10']);
  const env = { ...machine.env };
  delete env.NODE_SKIP_PLATFORM_CHECK;
  spawnSync(WINESERVER, ['-k'], { env, stdio: 'ignore', timeout: 60_000 });
  spawnSync(WINESERVER, ['-w'], { env, stdio: 'ignore', timeout: 60_000 });
  spawnSync(WINESERVER, ['-p'], { env, stdio: 'ignore', timeout: 60_000 });

  const profile = z(join(root, 'samples', 'profiles', 'healthy-server.json'));
  const commands = {
    node: [machine.nodeExe, '-e', ''],
    exe: [EXE, 'check', '--profile', profile, '--json'],
  };
  const dist = join(root, 'dist', 'electron', 'cli', 'main.js');
  if (existsSync(dist))
    commands.unbundled = [machine.nodeExe, z(join(root, 'bin', 'mars-readiness.js')), 'check', '--profile', profile, '--json'];

  /** One run under Wine, its stdout in a file (Windows Node's stdout must not be a pipe); wall time in ms. */
  const outFile = join(machine.prefix, 'bench.out');
  const once = (args) => {
    const out = openSync(outFile, 'w');
    const started = process.hrtime.bigint();
    try {
      const run = spawnSync(WINE, args, { env, stdio: ['ignore', out, out], timeout: 120_000 });
      if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}`);
    } finally {
      closeSync(out);
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  };

  // Warm the file cache and Wine.
  for (const args of Object.values(commands)) for (let i = 0; i < 2; i++) once(args);
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const pairRatios = [];
  for (let i = 0; i < runs; i++) {
    // Alternating, and the order flipped every other pair: the machine is shared and noisy.
    const order = i % 2 ? Object.keys(commands).reverse() : Object.keys(commands);
    const pair = {};
    for (const key of order) times[key].push((pair[key] = once(commands[key])));
    pairRatios.push(pair.exe / pair.node);
  }

  const node = median(times.node);
  const exe = median(times.exe);
  console.log(`mars-readiness.exe under Wine, median of ${runs} alternating runs each (budget ${BUDGET}x node.exe -e "")`);
  console.log(row('node.exe -e "" (reference: Node start-up)', node));
  console.log(row('mars-readiness.exe check --profile --json', exe));
  if (times.unbundled) console.log(row('node.exe bin/mars-readiness.js check (dist/)', median(times.unbundled)));
  const ratio = median(pairRatios);
  console.log(`ratio exe/node: ${(exe / node).toFixed(2)} of the medians, ${ratio.toFixed(2)} the median of the pairs`);
  console.log(`${ratio <= BUDGET ? 'within' : 'OVER'} the ${BUDGET}x budget`);
} finally {
  machine.dispose();
}
