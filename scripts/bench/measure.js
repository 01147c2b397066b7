// Shared by the bench scripts: time a command over several runs and print medians, never assert.
import { spawnSync } from 'node:child_process';

/** Runs `args` (an argument array, never a shell string) `runs` times; returns wall times in ms. */
export function timeRuns(command, args, runs, options = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000, ...options });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) throw result.error;
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    times.push(ms);
  }
  return times;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function row(label, ms) {
  return `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms`;
}
