// The CLI tests start the built program (bin/ -> the bundle in dist/cli/, made from dist/), as users do;
// build both once before any test runs - unless the build is newer than every source it is made from (as
// right after `npm run build`, which `npm test` runs first), when building again would only take time.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time of the files under these folders (and files), in ms; 0 when there are none. */
function newest(paths: string[]): number {
  let latest = 0;
  for (const path of paths) {
    const full = join(root, path);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isFile()) latest = Math.max(latest, stat.mtimeMs);
    else
      for (const entry of readdirSync(full, { recursive: true, withFileTypes: true }))
        if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  // For a quick run of tests that do not start the CLI, while other work leaves the tree unbuilt.
  if (process.env.MARS_TEST_NO_BUILD === '1') {
    console.log('MARS_TEST_NO_BUILD=1: not building; tests that start the CLI run the dist/ already there');
    return;
  }
  const built = statSync(join(root, 'dist', 'cli', 'mars-readiness.cjs.cache'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = newest(['electron', 'shared', 'bin', 'scripts/build-cli-bundle.js', 'tsconfig.build.json', 'package-lock.json']);
  if (built > sources) {
    console.log('the build is newer than its sources: the CLI tests run it as it is');
    return;
  }
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { cwd: root, stdio: 'inherit', timeout: 120_000 });
  execFileSync(process.execPath, ['scripts/build-cli-bundle.js'], { cwd: root, stdio: 'inherit', timeout: 120_000 });
}
