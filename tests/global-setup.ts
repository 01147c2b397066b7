// The CLI tests start the built program (bin/ -> the bundle in dist/cli/, made from dist/), as users do;
// build both once before any test runs.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  // For a quick run of tests that do not start the CLI, while other work leaves the tree unbuilt.
  if (process.env.MARS_TEST_NO_BUILD === '1') {
    console.log('MARS_TEST_NO_BUILD=1: not building; tests that start the CLI run the dist/ already there');
    return;
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit', timeout: 120_000 });
  execFileSync(process.execPath, ['scripts/build-cli-bundle.js'], { cwd: root, stdio: 'inherit', timeout: 120_000 });
}
