// The one-file bundle the installed command runs (scripts/build-cli-bundle.js, bin/cli-bundle.js): this
// Node accepts its code cache; it gives the very report the compiled modules give; every file it looks
// for beside one of its modules (import.meta.url, turned into that module's address under dist/) is there;
// and bin/mars-readiness.js runs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCliBundle } from '../../bin/cli-bundle.js';
import { runCli, type CliIo } from '../../electron/cli/main.js';
import { cliProcess } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'cli', 'mars-readiness.cjs');
const PROFILE = join(ROOT, 'samples', 'profiles', 'cache-problems.json');

async function run(cli: { runCli: typeof runCli }, args: string[]) {
  let stdout = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: () => {},
    color: false,
    columns: 80,
    now: () => new Date('2026-12-01T00:00:00Z'),
  };
  const code = await cli.runCli(args, io);
  return { code, stdout };
}

describe('the CLI bundle', () => {
  it('loads with the code cache the build made for this Node', () => {
    const { cacheRejected } = loadCliBundle(BUNDLE);
    expect(cacheRejected).toBe(false);
  });

  it('gives the report the compiled modules give, in JSON and in text', async () => {
    const cli = loadCliBundle(BUNDLE).cli as { runCli: typeof runCli };
    for (const args of [
      ['check', '--profile', PROFILE, '--json'],
      ['check', '--profile', PROFILE],
      ['doctor', '--profile', PROFILE],
    ]) {
      expect(await run(cli, args)).toEqual(await run({ runCli }, args));
    }
  });

  it('finds what its modules look for beside themselves under dist/', () => {
    const named = [...readFileSync(BUNDLE, 'utf8').matchAll(/__marsDistUrl\("([^"]+)"\)/g)].map((m) => m[1]!);
    // The scanner (its worker script), the helper (its entry), app-info (package.json), registry-native.
    expect(named).toEqual(expect.arrayContaining(['electron/probes/selection/scanner.js', 'electron/app-info.js']));
    for (const file of named) expect(existsSync(join(ROOT, 'dist', file)), file).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'electron', 'probes', 'selection', 'scan-worker.js'))).toBe(true);
  });

  it('is what bin/mars-readiness.js runs', async () => {
    const result = await cliProcess(['check', '--profile', PROFILE, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).host.name).toBe('APP02');
    expect(readFileSync(join(ROOT, 'bin', 'mars-readiness.js'), 'utf8')).toContain("'../dist/cli/mars-readiness.cjs'");
  });
});
