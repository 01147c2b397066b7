// Which tests run where: the Windows workflow runs the whole suite, so a test that needs Linux (find,
// setpriv, lsattr, /proc, POSIX permissions, sparse files from truncate) must be gated to Linux, and one
// that needs Windows to Windows, while the recorded-output parsers run everywhere. vitest lists the tests
// each file would run with process.platform set to "linux" and to "win32", whatever this machine is; the
// two lists must differ by exactly the gated tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FILES = [
  'tests/electron/probes/linux.test.ts',
  'tests/electron/probes/selection/scanner.test.ts',
  'tests/electron/probes/selection/windows-scan.real.test.ts',
  'tests/electron/cli/check.test.ts',
];
const LINUX_ONLY = [
  'tests/electron/probes/linux.test.ts > cache folder on Linux > measures a real folder, with spaces and non-ASCII names, and reports a link as a reparse point',
  'tests/electron/probes/linux.test.ts > runCommand > kills a command that hangs, at its timeout',
  'tests/electron/probes/linux.test.ts > runCommand > passes arguments through untouched by any shell',
  'tests/electron/probes/linux.test.ts > collect on this machine > writes a profile the schema accepts, and check fails os.supported with a clear sentence',
  'tests/electron/probes/linux.test.ts > collect on this machine > says a selected folder that does not exist does not exist, before anything is probed',
  'tests/electron/probes/selection/scanner.test.ts > walk > counts files, bytes and every kind MARS skips, with examples, never following links',
  'tests/electron/probes/selection/scanner.test.ts > walk > counts and lists an unreadable folder, and goes on',
  'tests/electron/probes/selection/scanner.test.ts > scanFolders agrees with find > gives the same files, bytes, hard links, links and sparse files as find -printf',
  'tests/electron/probes/selection/scanner.test.ts > check --select > lists example paths of each skipped kind in the report, from the live scan',
  'tests/electron/cli/check.test.ts > probing this machine > check without --profile probes it: on Linux, not ready, saying the agent needs Windows',
  'tests/electron/cli/check.test.ts > collect --out onto what is not a file > refuses a folder, a pipe or a link, with exit 2, and leaves it as it was',
].sort();
const WINDOWS_ONLY = [
  'tests/electron/probes/selection/windows-scan.real.test.ts > the Windows enumeration, run by PowerShell on NTFS > counts files and bytes, hard links and a junction, and leaves compressed files alone',
];

const work = mkdtempSync(join(tmpdir(), 'mars-platform-gates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The tests of FILES that vitest would run on `platform` (it lists them without running any). */
function listedOn(platform: 'linux' | 'win32'): string[] {
  const setup = join(work, `as-${platform}.mjs`);
  // os.tmpdir() asks process.platform where to look: give it this machine's folder under either name.
  writeFileSync(
    setup,
    [
      "import { tmpdir } from 'node:os';",
      'const temp = tmpdir();',
      'process.env.TEMP = process.env.TMP = process.env.TMPDIR = temp;',
      `Object.defineProperty(process, 'platform', { value: ${JSON.stringify(platform)}, configurable: true });`,
      '',
    ].join('\n'),
  );
  const config = join(work, `vitest-${platform}.config.mjs`);
  writeFileSync(
    config,
    `export default { test: { include: ['tests/**/*.test.ts'], setupFiles: [${JSON.stringify(pathToFileURL(setup).href)}] } };\n`,
  );
  const out = join(work, `${platform}.json`);
  // The outer run's VITEST_* variables would make the inner vitest think it is a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'list', '--root', root, '--config', config, `--json=${out}`, ...FILES],
    { cwd: root, env, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const listed = JSON.parse(readFileSync(out, 'utf8')) as { name: string; file: string }[];
  return listed.map((t) => `${relative(root, t.file).split('\\').join('/')} > ${t.name}`).sort();
}

describe('platform gates', () => {
  it('runs the Linux-only tests only on Linux, the Windows-only ones only on Windows, and every other test on both', () => {
    const linux = listedOn('linux');
    const windows = listedOn('win32');
    expect(linux.filter((t) => !windows.includes(t))).toEqual(LINUX_ONLY);
    expect(windows.filter((t) => !linux.includes(t))).toEqual(WINDOWS_ONLY);
    // The recorded-output parsers among what both run, for instance:
    expect(windows).toEqual(
      expect.arrayContaining([
        'tests/electron/probes/linux.test.ts > mountinfo > keeps the mounts that hold data, the later of two mounts on one point',
        'tests/electron/probes/linux.test.ts > probeLinuxVolumes on a recorded mount table > tells fixed, removable, network, optical and unknown drives apart, with sizes from statfs',
        'tests/electron/probes/linux.test.ts > cache folder on Linux > parses lsattr flags',
        'tests/electron/probes/selection/scanner.test.ts > walk > tells sparse files by their allocated blocks',
      ]),
    );
  }, 120_000);
});
