// A test that cannot run here must show as skipped, saying why, and never count as a pass. The schema
// comparison in validate.test.ts needs ../shared (beside the checkout on developer machines only): run
// that file, unchanged, from a copy of the project with nothing beside it, and read vitest's verdict.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outside = mkdtempSync(join(tmpdir(), 'mars-no-contract-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** Runs tests/shared/profile/validate.test.ts in a copy of the project that has no ../shared. */
function runWithoutContract() {
  const copy = join(outside, 'checkout');
  for (const dir of ['shared', 'samples/profiles', 'tests/helpers']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
  mkdirSync(join(copy, 'tests', 'shared', 'profile'), { recursive: true });
  cpSync(join(root, 'tests', 'shared', 'profile', 'validate.test.ts'), join(copy, 'tests', 'shared', 'profile', 'validate.test.ts'));
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'junction');
  writeFileSync(join(copy, 'vitest.config.mjs'), "export default { test: { include: ['tests/**/*.test.ts'] } };\n");
  // The outer run's VITEST_* variables would make the inner vitest think it is a worker of this one.
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR')),
    NO_COLOR: '1',
  };
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--config',
      'vitest.config.mjs',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=result.json',
    ],
    { cwd: copy, env, encoding: 'utf8', timeout: 60_000 },
  );
  const result = JSON.parse(readFileSync(join(copy, 'result.json'), 'utf8')) as {
    testResults: { assertionResults: { title: string; status: string }[] }[];
  };
  return { output: run.stdout + run.stderr, code: run.status, tests: result.testResults.flatMap((f) => f.assertionResults) };
}

describe('a test whose prerequisite is missing', () => {
  it('is reported as skipped, with the reason printed, not as passed', () => {
    const { output, code, tests } = runWithoutContract();
    const comparison = tests.find((t) => t.title.startsWith('is the contract schema'));
    expect(comparison?.status, output).toBe('skipped');
    expect(output).toMatch(/SKIPPED the comparison of the schema with the contract: .*machine-profile\.schema\.json is missing/);
    // The rest of the file still runs and passes.
    expect(tests.filter((t) => t.status === 'passed').length).toBeGreaterThan(10);
    expect(code, output).toBe(0);
  });
});
